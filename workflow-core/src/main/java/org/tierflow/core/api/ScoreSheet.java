package org.tierflow.core.api;

import java.util.List;

/**
 * What an expert submits for one candidate.
 *
 * @param criteria  one entry per rubric criterion: a score or not applicable
 * @param recommend the expert's vote (推荐 / 不推荐), which the panel's quorum counts
 * @param comment   optional remarks
 */
public record ScoreSheet(List<CriterionScore> criteria, boolean recommend, String comment) {

    public ScoreSheet {
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }
}
