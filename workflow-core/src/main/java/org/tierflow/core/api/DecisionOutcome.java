package org.tierflow.core.api;

/** What a level decides about a nomination. */
public enum DecisionOutcome {
    /** Pass it on to the next level (or select it, at the deciding level). */
    PASS,
    /** Reject it; a reason is required. */
    REJECT,
    /** Return it to the applicant for correction; it comes back to this level. */
    RETURN_TO_APPLICANT,
    /** Return it to the level below, which decides again. */
    RETURN_TO_LOWER_LEVEL
}
