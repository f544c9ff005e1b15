package org.tierflow.spring.boot.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.tierflow.core.api.DecisionOutcome;
import org.tierflow.core.api.program.OrganisationLevel;

/**
 * The JSON bodies TierFlow's REST API accepts. The caller is never part of a body: it is the request's
 * principal. A missing required field is answered with 400 {@code missing-field}, naming every one.
 */
public final class TierFlowRequests {

    private TierFlowRequests() {
    }

    /**
     * {@code POST /nominations}: the caller applies.
     *
     * @param programCode required
     * @param tierCode    required
     * @param unitId      the applicant's unit, required
     * @param facts       answers to the tier's application form
     * @param attachments references to documents the host stores
     * @param projectTitle the project's title, for a tier whose candidates are projects (the caller, an approver of
     *                    the unit, submits it); leave it out otherwise
     */
    public record Submission(String programCode, String tierCode, String unitId, Map<String, Object> facts,
                             List<String> attachments, String projectTitle) {
    }

    /**
     * {@code POST /nominations/{id}/resubmission}: the applicant corrects a returned nomination.
     *
     * @param facts   the corrected facts
     * @param comment what was corrected
     */
    public record Resubmission(Map<String, Object> facts, String comment) {
    }

    /**
     * A reason, for a withdrawal or a revocation.
     *
     * @param reason why
     */
    public record Reason(String reason) {
    }

    /**
     * {@code POST /reviews/{taskId}/decision}.
     *
     * @param outcome     required: {@code PASS}, {@code REJECT}, {@code RETURN_TO_APPLICANT}, {@code RETURN_TO_LOWER_LEVEL}
     * @param comment     required for anything but {@code PASS}
     * @param attachments references to documents the host stores
     * @param data        extra data kept with the decision
     */
    public record DecisionRequest(DecisionOutcome outcome, String comment, List<String> attachments,
                                  Map<String, Object> data) {
    }

    /**
     * {@code POST /reviews/{taskId}/delegation}.
     *
     * @param delegateUserId required: another approver of the same organisation and level
     * @param comment        why
     */
    public record Delegation(String delegateUserId, String comment) {
    }

    /**
     * {@code POST /rounds}: opens a selection round.
     *
     * @param programCode required
     * @param tierCode    required
     * @param unitId      the selecting unit, required
     * @param level       its level, required
     * @param opensAt     first instant of the window, required
     * @param closesAt    first instant after the window, required
     */
    public record RoundOpening(String programCode, String tierCode, String unitId, OrganisationLevel level,
                               Instant opensAt, Instant closesAt) {
    }

    /**
     * {@code POST /rounds/{roundId}/selection}: selects a batch, all or nothing.
     *
     * @param nominationIds required, the nominations to pass
     * @param comment       the comment (the reason for the others, with {@code rejectOthers})
     * @param rejectOthers  whether the round's other candidates are rejected; default false
     */
    public record BatchSelection(List<String> nominationIds, String comment, Boolean rejectOthers) {
    }

    /**
     * {@code POST /programs/{code}/tiers/{tier}/quotas/{parentUnitId}/allocation}.
     *
     * @param quotas required: child unit id → its new allocation
     */
    public record Allocation(Map<String, Integer> quotas) {
    }

    /**
     * {@code POST /nominations/{id}/scores}.
     *
     * @param stepIndex required: the chain step the nomination waits at
     * @param score     required, not negative
     */
    public record Score(Integer stepIndex, BigDecimal score) {
    }

    /**
     * {@code POST /nominations/{id}/training-hours}: hours from one source; sending it again is harmless.
     *
     * @param externalRecordId required: the record's id in the source
     * @param categoryCode     required
     * @param hours            required
     * @param date             required
     * @param source           required
     * @param description      optional
     */
    public record TrainingHours(String externalRecordId, String categoryCode, BigDecimal hours, LocalDate date,
                                String source, String description) {
    }

    /**
     * {@code POST /nominations/{id}/credentials}.
     *
     * @param holderName the holder's name to print; optional (the holder's id is printed then)
     */
    public record CredentialIssue(String holderName) {
    }
}
