package org.tierflow.core.api;

import java.util.List;

/**
 * Exam results (考核成绩) of candidates under review, for tiers whose definition lists {@code assessments}. The
 * host's exam platform reports results; the deciding level passes a candidate only with a passing latest result in
 * every assessment of the tier ({@link AssessmentsNotPassedException} otherwise), and when the assessments carry
 * weights their weighted result, on a 0–100 scale, ranks the candidates in selection rounds at the deciding level.
 *
 * <p>Results are append-only. Every method is one transaction.
 */
public interface AssessmentService {

    /**
     * Records a result, once. Sending the same result again (same {@code source} and {@code externalResultId},
     * same content) returns the stored one and changes nothing.
     *
     * @return the stored result
     * @throws InvalidRequestException naming every wrong field (missing, too long, an unknown assessment, a score
     *                                 outside 0..maxScore or with more than two decimals, a day in the future); or
     *                                 code {@code conflicting-assessment-result} when another result is stored under
     *                                 the same source and id; or code {@code not-under-review} when the nomination
     *                                 is no longer under review; or code {@code no-assessments} when its tier has
     *                                 none. Nothing is stored.
     * @throws NotFoundException       when the nomination does not exist
     */
    AssessmentResult record(AssessmentRecord record);

    /** The nomination's results, by day taken, then in the order recorded. */
    List<AssessmentResult> results(String nominationId);
}
