package org.tierflow.spring.boot.autoconfigure;

import org.springframework.context.ApplicationEventPublisher;
import org.tierflow.core.spi.NominationEvent;
import org.tierflow.core.spi.NominationListener;
import org.tierflow.spring.boot.TierFlowNominationEvent;

/** Republishes every nomination event, after commit, as a {@link TierFlowNominationEvent}. */
final class ApplicationEventNominationPublisher implements NominationListener {

    private final ApplicationEventPublisher publisher;

    ApplicationEventNominationPublisher(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void onEvent(NominationEvent event) {
        publisher.publishEvent(new TierFlowNominationEvent(this, event));
    }

    @Override
    public String toString() {
        return "TierFlow's Spring application event publisher";
    }
}
