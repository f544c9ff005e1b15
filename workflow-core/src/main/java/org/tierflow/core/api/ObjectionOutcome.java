package org.tierflow.core.api;

/** How a reviewer resolved an objection (异议) to a published candidate. */
public enum ObjectionOutcome {
    /** The objection holds: the candidate is removed, the slot released, the waitlist promotes the next one. */
    UPHELD,
    /** The objection does not hold: nothing changes. */
    DISMISSED
}
