package org.tierflow.core.api;

/**
 * Reviews from the approver's side: the inbox, claiming, deciding and delegating.
 *
 * <p>TierFlow enforces authorization itself: an approver acts only for the organisation and level the
 * host's {@link org.tierflow.core.spi.ApproverDirectory} says they may, asked again at every call. Anyone
 * else gets a {@link NotAuthorizedException} and nothing changes. Every method is one transaction.
 */
public interface ReviewService {

    /** Reviews the user may act on, filtered, paged and ordered. */
    Page<ReviewTask> inbox(String userId, InboxQuery query);

    /** Claims a review, so other approvers of the level see it as taken. */
    ReviewTask claim(String taskId, String userId);

    /** Gives a claimed review back to the level's approvers. */
    ReviewTask unclaim(String taskId, String userId);

    /**
     * Decides a review. Decision handlers run before (and may veto) and after; the nomination moves on.
     *
     * @throws DecisionVetoedException a handler refused, with its reason
     * @throws InvalidRequestException the decision does not fit (no reason for a rejection, no lower level, ...)
     */
    Nomination decide(String taskId, String userId, Decision decision);

    /** Hands a review to another approver of the same organisation and level, with a comment. */
    ReviewTask delegate(String taskId, String userId, String delegateUserId, String comment);
}
