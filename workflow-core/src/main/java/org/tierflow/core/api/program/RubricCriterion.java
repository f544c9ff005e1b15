package org.tierflow.core.api.program;

import java.math.BigDecimal;

/**
 * One criterion an expert or an evaluating party scores.
 *
 * @param code     unique within its rubric
 * @param name     shown to the scorer
 * @param weight   share of the total, the weights of a rubric sum to 1
 * @param maxScore the highest score a scorer may give
 */
public record RubricCriterion(String code, LocalizedText name, BigDecimal weight, BigDecimal maxScore) {
}
