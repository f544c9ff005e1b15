package org.tierflow.core.api.program;

import java.util.List;

/**
 * An expert panel (专家评审) that scores candidates at a chain step.
 *
 * @param experts     how many experts score each candidate
 * @param aggregation how their scores are combined
 * @param rubric      the criteria they score, weights summing to 1
 */
public record ExpertPanel(int experts, ScoreAggregation aggregation, List<RubricCriterion> rubric) {

    public ExpertPanel {
        rubric = List.copyOf(rubric);
    }
}
