package org.tierflow.core.internal.panel;

import org.flowable.engine.delegate.DelegateExecution;

/**
 * The bean {@code tierflowPanelQuorum}: the scoring task's completion condition
 * {@code ${tierflowPanelQuorum.reached(execution)}} asks it, after each expert's submission, whether the panel's
 * quorum has decided. Public because the expression language calls it by reflection.
 */
public final class PanelQuorumCondition {

    private final PanelEngine engine;

    PanelQuorumCondition(PanelEngine engine) {
        this.engine = engine;
    }

    /** Whether the panel of the level review this execution belongs to has decided. */
    public boolean reached(DelegateExecution execution) {
        return engine.reached(execution);
    }
}
