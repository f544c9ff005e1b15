package org.tierflow.core.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An expert's score on one rubric criterion, or "not applicable" (N/A, {@code score} null): a criterion marked
 * N/A is left out of the expert's total and the other criteria's weights are re-normalised.
 *
 * @param code  the criterion's code
 * @param score from 0 to the criterion's maxScore; {@code null} for not applicable
 */
public record CriterionScore(String code, BigDecimal score) {

    public CriterionScore {
        Objects.requireNonNull(code, "code");
    }

    public static CriterionScore of(String code, BigDecimal score) {
        return new CriterionScore(code, Objects.requireNonNull(score, "score"));
    }

    public static CriterionScore of(String code, int score) {
        return of(code, BigDecimal.valueOf(score));
    }

    public static CriterionScore notApplicable(String code) {
        return new CriterionScore(code, null);
    }

    public boolean isNotApplicable() {
        return score == null;
    }
}
