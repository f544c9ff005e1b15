package org.tierflow.spring.boot.autoconfigure;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.tierflow.core.spi.NominationEvent;
import org.tierflow.core.spi.NominationListener;

/**
 * The context's {@link NominationListener} beans, in {@code @Order}, looked up at the first event rather than
 * when TierFlow is built. Each listener is isolated: one that throws is logged and the others still hear the event.
 */
final class ContextNominationListeners implements NominationListener {

    private static final Logger LOG = LoggerFactory.getLogger(ContextNominationListeners.class);

    private final ObjectProvider<NominationListener> provider;

    private volatile List<NominationListener> listeners;

    ContextNominationListeners(ObjectProvider<NominationListener> provider) {
        this.provider = provider;
    }

    @Override
    public void onEvent(NominationEvent event) {
        for (NominationListener listener : listeners()) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("Nomination listener {} failed on {} of nomination {}", listener, event.type(),
                        event.nominationId(), e);
            }
        }
    }

    private List<NominationListener> listeners() {
        List<NominationListener> resolved = listeners;
        if (resolved == null) {
            resolved = provider.orderedStream().toList();
            listeners = resolved;
        }
        return resolved;
    }

    @Override
    public String toString() {
        return "the context's NominationListener beans";
    }
}
