package org.tierflow.core.api;

/** Where a selected candidate stands in the life cycle after selection (DOMAIN.md steps 3–6). */
public enum LifecyclePhase {
    /** The task book waits for the candidate's signature or the authority's countersign. */
    TASK_BOOK,
    /** The candidate works by the task book until the working period ends. */
    IMPLEMENTATION,
    /** The candidate works through the tier's phases, each decided by its level (instead of IMPLEMENTATION). */
    PHASES,
    /** The final (or rectification) report and the acceptance chain. */
    ACCEPTANCE,
    /** The acceptance failed; the working period was extended for rectification. */
    EXTENSION,
    /** The parties of the comprehensive evaluation score. */
    EVALUATION,
    /** Every outcome the tier asks for is there; the credential may be issued. */
    AWAITING_CREDENTIAL,
    /** The life cycle ended well: the credential was issued, or the tier awards none. */
    COMPLETED,
    /** The candidate failed acceptance after the last extension, did not qualify, or failed a phase: no credential. */
    ENDED_WITHOUT_CREDENTIAL
}
