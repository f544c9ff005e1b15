package org.tierflow.core.api;

import java.util.List;
import java.util.Map;

/**
 * Nominations from the applicant's side: submit, correct after a return, withdraw, follow.
 * Every method is one transaction: it changes the engine's and TierFlow's tables together or not at all.
 */
public interface NominationService {

    /**
     * Submits a nomination: checks eligibility (every failed rule is reported), saves it and starts its
     * review at the first level of the tier's chain.
     *
     * @throws NotEligibleException   with every failed rule; nothing is saved
     * @throws InvalidRequestException when the program, tier or unit is unknown, or the unit's level is not
     *                                 where the tier's candidates enter
     */
    Nomination submit(NominationSubmission submission);

    /**
     * Resubmits a nomination that was returned for correction, with corrected facts; eligibility is checked
     * again and the review resumes at the level that returned it.
     *
     * @throws NotAuthorizedException when {@code applicantId} is not the applicant
     */
    Nomination resubmit(String nominationId, String applicantId, Map<String, Object> correctedFacts, String comment);

    /**
     * Withdraws a nomination before any level has decided on it.
     *
     * @throws InvalidRequestException when a level has already decided
     */
    Nomination withdraw(String nominationId, String applicantId, String reason);

    /**
     * The nomination as it stands, for the host or the system: asks nobody's permission. Code answering a user's
     * request should call {@link #get(String, String)} instead.
     */
    Nomination get(String nominationId);

    /**
     * Everything that happened to it, oldest first, for the host or the system: asks nobody's permission. Code
     * answering a user's request should call {@link #timeline(String, String)} instead.
     */
    List<TimelineEntry> timeline(String nominationId);

    /**
     * The nomination as it stands, read by a user. Who may read it:
     * <ul>
     *   <li>the applicant;</li>
     *   <li>the approvers of the units of its review chain at the step it has reached and above (the
     *       {@link org.tierflow.core.spi.ApproverDirectory} is asked as for that step's review);</li>
     *   <li>anyone who has acted on it (its timeline names them: lower levels that passed it on, escalated or
     *       delegated reviewers) or holds or may claim one of its open reviews;</li>
     *   <li>the administrator of the {@link ReviewPolicies}, when one is configured.</li>
     * </ul>
     *
     * @throws NotAuthorizedException when the user may not read it (or is {@code null})
     * @throws NotFoundException      when there is no such nomination
     */
    Nomination get(String nominationId, String actorId);

    /**
     * Everything that happened to it, oldest first, read by a user; the same users as {@link #get(String, String)}.
     *
     * @throws NotAuthorizedException when the user may not read it (or is {@code null})
     * @throws NotFoundException      when there is no such nomination
     */
    List<TimelineEntry> timeline(String nominationId, String actorId);
}
