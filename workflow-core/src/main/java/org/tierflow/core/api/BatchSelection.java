package org.tierflow.core.api;

import java.time.Instant;
import java.util.List;

/**
 * A batch selection submitted with {@link SelectionService#submitBatch}: checked, its quota reserved and recorded in
 * one transaction, then applied item by item by engine jobs. Read its progress with
 * {@link SelectionService#batchSelection}.
 *
 * @param id           the batch's id
 * @param round        the round it selects in
 * @param userId       who selected: every item is decided as this user
 * @param comment      the comment of every decision (the reason of the rejections)
 * @param rejectOthers whether the round's other candidates are rejected with it
 * @param submittedAt  when it was submitted (engine clock)
 * @param state        where it stands
 * @param items        every item, the selected ones best ranked first, then the rejected others
 */
public record BatchSelection(String id, SelectionRound round, String userId, String comment, boolean rejectOthers,
                             Instant submittedAt, State state, List<BatchSelectionItem> items) {

    public BatchSelection {
        items = List.copyOf(items);
    }

    /** Where a batch stands. */
    public enum State {
        /** Some items wait for their job (or for its retry). */
        PENDING,
        /** Every item was applied. */
        APPLIED,
        /** Nothing waits any more, and some items could not be applied: see their {@code failure}. */
        FAILED
    }

    /** How many items are in this state. */
    public long count(BatchSelectionItem.State itemState) {
        return items.stream().filter(item -> item.state() == itemState).count();
    }
}
