package org.tierflow.core.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A stored exam result.
 *
 * @param id               TierFlow's id of the row
 * @param nominationId     the nomination
 * @param assessmentCode   the assessment
 * @param score            the result
 * @param passed           whether it reaches the assessment's pass mark
 * @param takenOn          the day the exam was taken
 * @param source           who reported it
 * @param externalResultId its id in the source
 * @param recordedAt       when TierFlow stored it (engine clock)
 */
public record AssessmentResult(String id, String nominationId, String assessmentCode, BigDecimal score, boolean passed,
                               LocalDate takenOn, String source, String externalResultId, Instant recordedAt) {
}
