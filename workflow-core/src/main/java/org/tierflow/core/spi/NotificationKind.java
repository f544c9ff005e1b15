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
    WITHDRAWN,
    /** To the candidate: the task book waits for their signature and the deadline is near. */
    TASK_BOOK_REMINDER,
    /** To the candidate and the authority: the signing deadline passed without the candidate's signature. */
    TASK_BOOK_OVERDUE,
    /** To the candidate: the working period ended; the final (or rectification) report is due. */
    REPORT_DUE,
    /** To each person who may act: an acceptance step waits for them. */
    ACCEPTANCE_WAITING,
    /** To the candidate: an acceptance round was decided; the body says how, and what follows. */
    ACCEPTANCE_DECIDED,
    /** To each person who may score: the comprehensive evaluation is open. */
    EVALUATION_OPEN,
    /** To each person who may decide: a phase of the work after selection opened and waits for their decision. */
    PHASE_WAITING,
    /** To the candidate (the applicant): a phase was decided; the body says how, and what follows. */
    PHASE_DECIDED,
    /** To each person who may decide, and to the candidate: a phase's decision is past its due date. */
    PHASE_OVERDUE
}
