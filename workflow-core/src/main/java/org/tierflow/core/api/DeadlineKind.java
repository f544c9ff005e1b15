package org.tierflow.core.api;

/** A deadline of the life cycle that an authorised person may move. */
public enum DeadlineKind {
    /** When the task book must be signed; reminders and the overdue notice follow it. */
    TASK_BOOK_SIGNING,
    /** When the working period (implementation, or its extension) ends and the report is due. */
    WORKING_PERIOD_END,
    /** When the open phase's decision is due (a tier with phases); the overdue notice follows it. */
    PHASE_DECISION
}
