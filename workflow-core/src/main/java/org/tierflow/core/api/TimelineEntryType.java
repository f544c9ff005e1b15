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
    WITHDRAWN
}
