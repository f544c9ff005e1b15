package org.tierflow.core.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The life cycle of one selected candidate.
 *
 * @param nominationId          the nomination
 * @param programCode           its program
 * @param tierCode              its tier
 * @param phase                 where it stands
 * @param startedAt             when the life cycle started (the nomination was selected)
 * @param workingPeriodStartsAt when the working period started; null before it
 * @param workingPeriodEndsAt   when the working period (or its extension) ends; null before it starts
 * @param extensionsUsed        how many extensions were granted after failed acceptance rounds
 * @param maxExtensions         how many the tier's definition allows (0 without acceptance)
 * @param acceptancePassed      whether the acceptance passed; null until it has an outcome (or without acceptance)
 * @param evaluationScore       the weighted evaluation score; null until every party scored (or without evaluation)
 * @param evaluationQualified   whether the evaluation qualified; null until it has an outcome (or without evaluation)
 */
public record LifecycleStatus(String nominationId, String programCode, String tierCode, LifecyclePhase phase,
                              Instant startedAt, Instant workingPeriodStartsAt, Instant workingPeriodEndsAt,
                              int extensionsUsed, int maxExtensions, Boolean acceptancePassed, BigDecimal evaluationScore,
                              Boolean evaluationQualified) {
}
