package org.tierflow.core.api;

/** Kinds of {@link TimelineEntry}. */
public enum TimelineEntryType {
    SUBMITTED,
    PASSED,
    REJECTED,
    RETURNED_TO_APPLICANT,
    RETURNED_TO_LOWER_LEVEL,
    RESUBMITTED,
    FILED,
    /** Passed by policy: no approver, or the applicant would approve themself. */
    PASSED_AUTOMATICALLY,
    CLAIMED,
    UNCLAIMED,
    DELEGATED,
    WITHDRAWN,
    /** A phase of the work after selection opened ({@code data}: phase code, index, due date). */
    PHASE_STARTED,
    /** The phase's level passed the phase. */
    PHASE_PASSED,
    /** The phase's level failed the phase: the candidate's work ends. */
    PHASE_FAILED
}
