package org.tierflow.core.spi;

import java.util.Optional;

import org.tierflow.core.api.program.LocalizedText;

/**
 * Called before and after each decision. Registered globally or for an organisation unit: for a decision
 * at a unit, TierFlow uses the handler registered for the nearest unit up the tree (the unit itself, then its
 * parent, ... then the global one). Both methods run inside the decision's transaction: an exception
 * rolls everything back.
 */
public interface DecisionHandler {

    /**
     * Before the decision is applied. Return a reason to veto it (the approver reads the reason; nothing
     * changes), or empty to let it through. May add data with {@link DecisionContext#addData}.
     */
    default Optional<LocalizedText> beforeDecision(DecisionContext context) {
        return Optional.empty();
    }

    /** After the decision was applied, still inside its transaction. */
    default void afterDecision(DecisionContext context) {
    }
}
