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

    /** The nomination as it stands. */
    Nomination get(String nominationId);

    /** Everything that happened to it, oldest first. */
    List<TimelineEntry> timeline(String nominationId);
}
