package org.tierflow.core.spi;

/** What happened to a nomination, as told to the host. */
public enum NominationEventType {
    SUBMITTED,
    RESUBMITTED,
    PASSED_LEVEL,
    RETURNED,
    REJECTED,
    FILED,
    /** The chain is complete: the deciding level selected it and every filing level was informed. */
    REACHED_TOP,
    WITHDRAWN
}
