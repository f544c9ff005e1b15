package org.tierflow.core.api.program;

import java.util.List;

/**
 * An expert panel (专家评审) that scores candidates at a chain step.
 *
 * @param experts     how many experts score each candidate
 * @param aggregation how their scores are combined
 * @param rubric      the criteria they score, weights summing to 1
 * @param quorum      when the panel has decided; {@link PanelQuorum.Mode#ALL} unless the definition says otherwise
 */
public record ExpertPanel(int experts, ScoreAggregation aggregation, List<RubricCriterion> rubric, PanelQuorum quorum) {

    public ExpertPanel {
        rubric = List.copyOf(rubric);
        if (quorum == null) {
            quorum = PanelQuorum.all(experts);
        }
    }

    /** A panel where every expert scores ({@link PanelQuorum.Mode#ALL}). */
    public ExpertPanel(int experts, ScoreAggregation aggregation, List<RubricCriterion> rubric) {
        this(experts, aggregation, rubric, PanelQuorum.all(experts));
    }
}
