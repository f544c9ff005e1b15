package org.tierflow.core.api.program;

/**
 * What a level does in a chain. All but {@link #FILE} are decisions: pass on, reject with a reason, return
 * to the applicant, or return to the level below.
 */
public enum ReviewAction {
    /** The applicant's unit recommends (推荐). */
    RECOMMEND,
    /** Screening or preliminary review (初审/初评筛选). */
    SCREEN,
    /** Review, possibly by an expert panel (审核/评审). */
    REVIEW,
    /** The deciding level: selects the candidate (研究确定/评审确定). Exactly one per chain. */
    DECIDE,
    /** Filing (备案): the level is informed and does not decide. Only after the decision. */
    FILE;

    /** Whether the level takes a decision, as opposed to being informed. */
    public boolean isDecision() {
        return this != FILE;
    }
}
