package org.tierflow.core.internal.panel;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tierflow.core.api.program.PanelQuorum;
import org.tierflow.core.api.program.RubricCriterion;
import org.tierflow.core.api.program.ScoreAggregation;

/**
 * The arithmetic of panels, on its own so it can be tested without an engine.
 * <ul>
 *   <li>An expert's total is 0–100: each scored criterion's score as a share of its maxScore, weighted by the
 *       criterion's weight divided by the sum of the weights of the criteria not marked N/A, times 100. So N/A
 *       criteria drop out and the remaining weights are re-normalised to 1.</li>
 *   <li>The panel's score aggregates the totals submitted before it decided: {@code MEAN}; {@code MEDIAN} (the
 *       mean of the middle two for an even count); {@code TRIMMED_MEAN} drops one highest and one lowest total and
 *       averages the rest, and falls back to the mean with fewer than three totals (a quorum decided early).</li>
 *   <li>Scores are kept to 4 decimal places, rounded half up.</li>
 * </ul>
 */
public final class Scoring {

    static final int SCALE = 4;
    private static final MathContext MATH = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Scoring() {
    }

    /**
     * The expert's total.
     *
     * @param rubric the panel's criteria
     * @param scores criterion code → score; a criterion absent or mapped to null is N/A
     * @throws IllegalArgumentException when every criterion is N/A
     */
    public static BigDecimal total(List<RubricCriterion> rubric, Map<String, BigDecimal> scores) {
        BigDecimal weights = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;
        for (RubricCriterion criterion : rubric) {
            BigDecimal score = scores.get(criterion.code());
            if (score != null) {
                weights = weights.add(criterion.weight());
                weighted = weighted.add(criterion.weight().multiply(score.divide(criterion.maxScore(), MATH)));
            }
        }
        if (weights.signum() == 0) {
            throw new IllegalArgumentException("every criterion is not applicable");
        }
        return weighted.multiply(HUNDRED).divide(weights, MATH).setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** The panel's score from the submitted totals (at least one). */
    public static BigDecimal aggregate(ScoreAggregation aggregation, List<BigDecimal> totals) {
        if (totals.isEmpty()) {
            throw new IllegalArgumentException("no totals to aggregate");
        }
        List<BigDecimal> sorted = new ArrayList<>(totals);
        sorted.sort(null);
        BigDecimal result = switch (aggregation) {
            case MEAN -> mean(sorted);
            case MEDIAN -> {
                int n = sorted.size();
                yield n % 2 == 1 ? sorted.get(n / 2) : mean(sorted.subList(n / 2 - 1, n / 2 + 1));
            }
            case TRIMMED_MEAN -> sorted.size() < 3 ? mean(sorted) : mean(sorted.subList(1, sorted.size() - 1));
        };
        return result.setScale(SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal mean(List<BigDecimal> values) {
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(values.size()), MATH);
    }

    /**
     * Whether the quorum has decided, and how: empty while undecided.
     * <ul>
     *   <li>ALL: decided when every assigned expert submitted; recommended when more than half recommend.</li>
     *   <li>ANY: decided by the first submission, with its vote.</li>
     *   <li>RATIO k: recommended as soon as k recommend; not recommended as soon as more than n − k do not
     *       (k can no longer be reached).</li>
     * </ul>
     *
     * @param quorum       the rule
     * @param assigned     experts assigned (n)
     * @param recommending submissions that recommend
     * @param against      submissions that do not
     * @param firstVote    the first submission's vote, if there is one
     */
    public static Optional<Boolean> decision(PanelQuorum quorum, int assigned, int recommending, int against,
                                             Optional<Boolean> firstVote) {
        int submitted = recommending + against;
        return switch (quorum.mode()) {
            case ALL -> submitted >= assigned ? Optional.of(recommending * 2 > assigned) : Optional.empty();
            case ANY -> firstVote;
            case RATIO -> recommending >= quorum.required() ? Optional.of(true)
                    : against > assigned - quorum.required() ? Optional.of(false)
                    : submitted >= assigned ? Optional.of(false) : Optional.empty();
        };
    }
}
