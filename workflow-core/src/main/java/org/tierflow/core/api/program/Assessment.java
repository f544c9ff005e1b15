package org.tierflow.core.api.program;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * An exam (考核) a candidate takes before the deciding level decides, e.g. an online theory exam and a practical
 * exam. The host's exam platform reports results through {@code AssessmentService}; the deciding step passes a
 * candidate only with a passing result in every assessment of the tier. When the assessments carry weights, their
 * weighted result is the candidate's ranking score in selection rounds.
 *
 * @param code     unique in the tier, e.g. {@code theory}
 * @param name     the exam's name
 * @param maxScore the highest result, above 0
 * @param passMark the lowest passing result, above 0 and at most {@code maxScore}
 * @param weight   the share of the ranking score (all assessments of a tier have one, summing to 1, or none has)
 */
public record Assessment(String code, LocalizedText name, BigDecimal maxScore, BigDecimal passMark,
                         Optional<BigDecimal> weight) {

    public Assessment {
        weight = weight == null ? Optional.empty() : weight;
    }
}
