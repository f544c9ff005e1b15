package org.tierflow.core.internal.selection;

import java.util.Map;

import org.tierflow.core.api.Nomination;

/**
 * What selection asks of the review engine beyond the public {@link org.tierflow.core.api.ReviewService}:
 * implemented by the engine's review service, called inside the caller's transaction.
 */
public interface ReviewSteps {

    /**
     * Passes an open review on TierFlow's own behalf (a waitlist promotion): no approver is asked, the quota is
     * taken as for any pass, and the timeline records a pass without an actor, with the comment and data.
     */
    Nomination passAutomatically(String taskId, String comment, Map<String, Object> data);

    /**
     * Ends a nomination that was passed or selected: its process is deleted if still running, its state becomes
     * withdrawn, and the timeline and host events record it with the actor, reason and data.
     */
    Nomination withdrawAfterSelection(String nominationId, String actorId, String reason, Map<String, Object> data);

    /** Keys of the processes whose review tasks are TierFlow's: the shipped level review and the units' own. */
    java.util.Collection<String> levelReviewProcessKeys();

    /**
     * Removes a selected candidate after an upheld publicity objection: its process is deleted if still running,
     * its state becomes rejected, and the timeline (a rejection with the data), host events and the applicant's
     * notification record it with the reviewer and the reason.
     */
    Nomination removeAfterObjection(String nominationId, String reviewerId, String reason, Map<String, Object> data);
}
