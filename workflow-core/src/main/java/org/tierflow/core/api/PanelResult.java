package org.tierflow.core.api;

import java.math.BigDecimal;
import java.time.Instant;

import org.tierflow.core.api.program.PanelQuorum;
import org.tierflow.core.api.program.ScoreAggregation;

/**
 * What a panel decided for one nomination at one step.
 *
 * @param nominationId the candidate's nomination
 * @param stepIndex    the chain step of the panel
 * @param quorum       the panel's quorum rule
 * @param aggregation  how the submitted totals were combined
 * @param recommended  whether the panel recommends the candidate; when not, the level rejects the nomination
 * @param score        the aggregated score of the submitted sheets, 0–100; the nomination's score at this step
 *                     (the selection ranking uses it)
 * @param assigned     how many experts were assigned
 * @param submitted    how many submitted before the panel decided
 * @param recommending how many of them recommended
 * @param decidedAt    when the panel decided (engine clock)
 */
public record PanelResult(String nominationId, int stepIndex, PanelQuorum quorum, ScoreAggregation aggregation,
                          boolean recommended, BigDecimal score, int assigned, int submitted, int recommending,
                          Instant decidedAt) {
}
