package org.tierflow.core.api;

import java.util.List;

/**
 * What a batch selection did.
 *
 * @param round    the round
 * @param selected the nominations passed, best ranked first
 * @param rejected the round's other candidates rejected with the batch; empty unless asked for
 * @param quota    the selecting unit's quota afterwards
 */
public record BatchOutcome(SelectionRound round, List<Nomination> selected, List<Nomination> rejected, Quota quota) {

    public BatchOutcome {
        selected = List.copyOf(selected);
        rejected = List.copyOf(rejected);
    }
}
