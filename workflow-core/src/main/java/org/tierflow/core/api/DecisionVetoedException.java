package org.tierflow.core.api;

import org.tierflow.core.api.program.LocalizedText;

/** A decision handler refused the decision, with its reason. Nothing changed. */
public class DecisionVetoedException extends TierFlowException {

    public DecisionVetoedException(LocalizedText reason) {
        super("decision-vetoed", reason);
    }

    /** A refusal of its own kind, with its own code. */
    protected DecisionVetoedException(String code, LocalizedText reason) {
        super(code, reason);
    }
}
