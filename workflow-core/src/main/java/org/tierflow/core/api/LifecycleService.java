package org.tierflow.core.api;

import java.util.List;
import java.util.Optional;

/**
 * The life cycle after selection as a whole: started for a nomination when its review selects it (BPMN process
 * {@code tierflowLifecycleProcess}), then task book, implementation, acceptance, evaluation and credential as the
 * tier's definition asks. Every method is one transaction.
 */
public interface LifecycleService {

    /** The candidate's life cycle; empty when the nomination has none (not selected, or unknown). */
    Optional<LifecycleStatus> get(String nominationId);

    /** Every moved deadline of the candidate, oldest first. */
    List<DeadlineChange> deadlineChanges(String nominationId);
}
