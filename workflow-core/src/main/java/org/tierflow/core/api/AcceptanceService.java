package org.tierflow.core.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Acceptance (考核验收) at the end of the working period, against the task book. The candidate submits the final
 * report; the acceptance chain of the tier's definition reviews it one level at a time (for example: the county
 * reviews, the city accepts); the accepting level schedules the on-site acceptance (现场验收, when the definition
 * asks for one) with an expert team, then scores it and decides. A failed round extends the working period by the
 * definition's extension (calendar months, e.g. P6M) for rectification; at its end the candidate submits a
 * rectification report and the chain accepts again. After {@code maxExtensions} extensions a failed round ends
 * the life cycle without credential.
 *
 * <p>Who may act at a step: a user the host's {@link org.tierflow.core.spi.ApproverDirectory} lets act for the
 * unit at the step's level above the candidate, with the step's action; never the candidate. Every method is one
 * transaction; a refusal changes nothing.
 */
public interface AcceptanceService {

    /**
     * Every round so far, oldest first.
     *
     * @throws NotFoundException when the nomination has no acceptance (unknown, or not yet at acceptance)
     */
    List<AcceptanceRound> rounds(String nominationId);

    /**
     * The candidate submits the final report (first round) or the rectification report (after an extension).
     *
     * @param report required, at most 20000 characters
     * @throws NotAuthorizedException  when the actor is not the candidate
     * @throws InvalidRequestException when no report is due ({@code no-report-due}) or the report is blank
     */
    AcceptanceRound submitReport(String nominationId, String candidateId, String report);

    /**
     * A reviewing (not accepting) level of the chain concludes: passed goes to the next level, not passed fails the
     * round.
     *
     * @throws NotAuthorizedException  when the actor may not act at the current step
     * @throws InvalidRequestException when nothing waits for a review ({@code no-acceptance-review}) or the current
     *                                 step is the accepting one ({@code accepting-step}: use {@link #decide})
     */
    AcceptanceRound review(String nominationId, String actorId, boolean passed, String comment);

    /**
     * The accepting level schedules the on-site acceptance. May be called again to reschedule.
     *
     * @param expertTeam the experts' names or ids, at least one
     * @throws NotAuthorizedException  when the actor may not act at the accepting step
     * @throws InvalidRequestException when the accepting step is not reached ({@code no-acceptance-review}) or the
     *                                 team is empty
     */
    AcceptanceRound scheduleOnSite(String nominationId, String actorId, LocalDate date, List<String> expertTeam);

    /**
     * The accepting level scores and decides the round.
     *
     * @param score 0 to 100
     * @throws NotAuthorizedException  when the actor may not act at the accepting step
     * @throws InvalidRequestException when the accepting step is not reached ({@code no-acceptance-review}), the
     *                                 on-site acceptance the definition asks for is not scheduled
     *                                 ({@code on-site-not-scheduled}), or the score is out of range
     */
    AcceptanceRound decide(String nominationId, String actorId, BigDecimal score, boolean passed, String comment);

    /**
     * Moves the end of the running working period (implementation or extension), audited; the timer and the
     * report-due notice follow the new date.
     *
     * @param reason required, at most 2000 characters
     * @throws NotAuthorizedException  when the actor may not act for the accepting unit
     * @throws InvalidRequestException when no working period is running ({@code no-running-period}), the new end is
     *                                 not in the future ({@code deadline-in-past}) or the reason is missing
     */
    LifecycleStatus moveWorkingPeriodEnd(String nominationId, String actorId, Instant newEnd, String reason);
}
