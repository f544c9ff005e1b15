package org.tierflow.core.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One expert's submitted score sheet, as recorded (append-only).
 *
 * @param nominationId the candidate's nomination
 * @param stepIndex    the chain step of the panel
 * @param expertId     who scored
 * @param criteria     the criteria as scored (null score: not applicable)
 * @param total        the expert's weighted total, 0–100: each scored criterion's share of its maxScore, weighted
 *                     by its weight re-normalised over the criteria not marked N/A, times 100
 * @param recommend    the expert's vote
 * @param comment      the expert's remarks, may be null
 * @param submittedAt  when it was submitted (engine clock)
 */
public record ExpertScore(String nominationId, int stepIndex, String expertId, List<CriterionScore> criteria,
                          BigDecimal total, boolean recommend, String comment, Instant submittedAt) {

    public ExpertScore {
        criteria = List.copyOf(criteria);
    }
}
