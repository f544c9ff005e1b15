package org.tierflow.core.spi;

/** Why TierFlow tells someone something. */
public enum NotificationKind {
    /** To each candidate reviewer: a review task was created at their level. */
    REVIEW_WAITING,
    /** To the applicant: the nomination came back for correction. */
    RETURNED_FOR_CORRECTION,
    /** To the applicant: the nomination was rejected; the body carries the reason. */
    REJECTED,
    /** To the applicant: the deciding level selected the nomination (sent once). */
    SELECTED,
    /** To the applicant: the nomination was withdrawn. */
    WITHDRAWN
}
