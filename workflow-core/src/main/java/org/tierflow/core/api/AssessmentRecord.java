package org.tierflow.core.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One exam result the host's exam platform reports for a candidate under review. {@code (source, externalResultId)}
 * identifies the result: sending it again is harmless. A retake is a new result under a new id; the latest result
 * (by the day taken, then the order recorded) counts.
 *
 * @param nominationId     the nomination under review
 * @param assessmentCode   an assessment of the nomination's tier, e.g. {@code theory}
 * @param score            the result, from 0 to the assessment's maxScore, at most two decimals
 * @param takenOn          the day the exam was taken, not in the future
 * @param source           who reports it, e.g. {@code west-coast-exam-platform}; at most 100 characters
 * @param externalResultId the result's id in the source, unique within it; at most 200 characters
 */
public record AssessmentRecord(String nominationId, String assessmentCode, BigDecimal score, LocalDate takenOn,
                               String source, String externalResultId) {
}
