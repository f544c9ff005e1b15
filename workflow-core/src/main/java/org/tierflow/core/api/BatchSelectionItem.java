package org.tierflow.core.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One item of a {@link BatchSelection}: a nomination the batch passes, or (with {@code rejectOthers}) rejects.
 *
 * @param nominationId the nomination
 * @param outcome      {@link DecisionOutcome#PASS} for a selected item, {@link DecisionOutcome#REJECT} for another
 *                     candidate rejected with the batch
 * @param rank         its rank in the round when the batch was submitted
 * @param score        its ranking score then, if it had one
 * @param state        waiting, applied or failed
 * @param appliedAt    when its job applied it (engine clock); {@code null} until then
 * @param failure      why it could not be applied (Chinese and English), for a failed item; {@code null} otherwise
 */
public record BatchSelectionItem(String nominationId, DecisionOutcome outcome, int rank, BigDecimal score, State state,
                                 Instant appliedAt, String failure) {

    /** Where an item stands. */
    public enum State {
        /**
         * Reserved and not applied yet: its review is refused to everybody else ({@code batch-pending}) and gone from
         * the approvers' inboxes; a selected item already holds its quota slot.
         */
        WAITING,
        /** Decided by the batch's job, exactly as {@link ReviewService#decide} by the batch's user would. */
        APPLIED,
        /**
         * Not applied: its chunk's job failed on every retry (the item stays reserved until the job is run again,
         * see docs/guides/selection.md), or its review had been decided otherwise before the job came.
         */
        FAILED
    }
}
