package org.tierflow.core.api.program;

import java.math.BigDecimal;

/**
 * A party in the comprehensive evaluation (self, training institution, employer unit, bureau).
 *
 * @param code   unique within the evaluation
 * @param name   shown to the party
 * @param weight share of the final score; the parties' weights sum to 1
 */
public record EvaluationParty(String code, LocalizedText name, BigDecimal weight) {
}
