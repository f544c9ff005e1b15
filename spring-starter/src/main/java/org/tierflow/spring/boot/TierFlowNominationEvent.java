package org.tierflow.spring.boot;

import java.util.Objects;

import org.springframework.context.ApplicationEvent;
import org.tierflow.core.spi.NominationEvent;
import org.tierflow.core.spi.NominationEventType;

/**
 * A nomination event published as a Spring application event, after the transaction that caused it committed
 * (never for a change that rolled back). Listen with {@code @EventListener}; a {@code @TransactionalEventListener}
 * is not needed, and would not be called, since the transaction is already over. Switched off by
 * {@code tierflow.events.publish-application-events=false}.
 */
public class TierFlowNominationEvent extends ApplicationEvent {

    private final transient NominationEvent event;

    /**
     * @param source the object that published the event
     * @param event  what happened
     */
    public TierFlowNominationEvent(Object source, NominationEvent event) {
        super(source);
        this.event = Objects.requireNonNull(event, "event");
    }

    /** What happened, as TierFlow tells its {@code NominationListener}s. */
    public NominationEvent getEvent() {
        return event;
    }

    /** Shortcut for {@code getEvent().type()}. */
    public NominationEventType getType() {
        return event.type();
    }

    /** Shortcut for {@code getEvent().nominationId()}. */
    public String getNominationId() {
        return event.nominationId();
    }

    @Override
    public String toString() {
        return "TierFlowNominationEvent[" + event + "]";
    }
}
