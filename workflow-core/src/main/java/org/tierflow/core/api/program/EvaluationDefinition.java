package org.tierflow.core.api.program;

import java.math.BigDecimal;
import java.util.List;

/**
 * Comprehensive evaluation (综合考评): several parties score the same criteria; a weighted score at or
 * above {@code passScore} qualifies for the credential.
 *
 * @param parties   who scores, weights summing to 1
 * @param criteria  what they score, weights summing to 1
 * @param passScore the qualifying weighted score, on the criteria's scale
 */
public record EvaluationDefinition(List<EvaluationParty> parties, List<RubricCriterion> criteria, BigDecimal passScore) {

    public EvaluationDefinition {
        parties = List.copyOf(parties);
        criteria = List.copyOf(criteria);
    }
}
