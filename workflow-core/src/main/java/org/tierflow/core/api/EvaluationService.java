package org.tierflow.core.api;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The comprehensive evaluation (综合考评) at the end of the working period: each party of the tier's definition
 * (self 个人自评, training institution, employer unit, bureau, ...) scores every criterion once; the criteria's
 * weighted sum is the party's score, the parties' weighted sum the total. At or above the definition's pass score
 * the candidate qualifies, and the credential may be issued.
 *
 * <p>Who may score: for the party {@code self}, only the candidate; for every other party, a user the host's
 * {@link org.tierflow.core.spi.ApproverDirectory} lets act ({@code REVIEW}) for the candidate's unit or a unit above
 * it — the host's directory decides who speaks for the training institution or the bureau. Every method is one
 * transaction; a refusal changes nothing.
 */
public interface EvaluationService {

    /**
     * One party's score sheet. The last party's sheet concludes the evaluation.
     *
     * @param scores criterion code → score between 0 and the criterion's maximum, one for every criterion
     * @throws NotAuthorizedException  when the scorer may not score for the party
     * @throws InvalidRequestException when the evaluation is not open ({@code evaluation-not-open}), the party is
     *                                 unknown ({@code unknown-party}), has already scored ({@code already-scored}),
     *                                 or a score is missing, unknown or out of range ({@code invalid-scores})
     */
    Evaluation score(String nominationId, String partyCode, String scorerId, Map<String, BigDecimal> scores);

    /**
     * The evaluation as it stands.
     *
     * @throws NotFoundException when the nomination's tier has no evaluation or the nomination is unknown
     */
    Evaluation get(String nominationId);
}
