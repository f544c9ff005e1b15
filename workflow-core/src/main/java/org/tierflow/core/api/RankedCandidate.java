package org.tierflow.core.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One nomination waiting in a round, with its place.
 *
 * @param rank         1 for the best
 * @param nominationId the nomination
 * @param applicantId  who applied
 * @param unitId       the applicant's unit
 * @param stepIndex    the chain step it waits at
 * @param score        the score recorded at that step, or {@code null} when none was
 * @param submittedAt  when it was submitted (the first tie-break)
 * @param taskId       the open review task
 */
public record RankedCandidate(int rank, String nominationId, String applicantId, String unitId, int stepIndex,
                              BigDecimal score, Instant submittedAt, String taskId) {
}
