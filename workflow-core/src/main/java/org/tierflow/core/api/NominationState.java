package org.tierflow.core.api;

/** Where a nomination stands. */
public enum NominationState {
    /** Waiting for a level's decision. */
    IN_REVIEW,
    /** Returned to the applicant for correction; resumes at the level that returned it. */
    RETURNED_FOR_CORRECTION,
    /** The deciding level passed it; levels that are only informed (filing) may still follow. */
    SELECTED,
    /** A level rejected it. Final. */
    REJECTED,
    /** Withdrawn: by the applicant before the first decision, or after selection (its quota slot is released). Final. */
    WITHDRAWN
}
