package org.tierflow.core.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.tierflow.core.api.program.OrganisationLevel;

/**
 * Selection under quota (名额分配与分批遴选): quotas allocated down the organisation tree, selection rounds
 * (批次) with a ranked candidate list, all-or-nothing batch selection, and the waitlist (递补).
 *
 * <p>Quotas are enforced on every pass, not only in rounds: when an approver passes a nomination on
 * ({@link ReviewService#decide}) at a unit that has an allocation, or at the tier's deciding step, the slot is
 * taken in the same transaction under a row lock, so a quota holds under any concurrency and on any number of
 * nodes sharing one database. A pass beyond the quota fails with a {@link QuotaExceededException} and nothing
 * changes. Every method is one transaction. See {@code docs/guides/selection.md}.
 */
public interface SelectionService {

    /**
     * Allocates quotas to units below {@code parentUnitId}: the region to its cities and universities, a city to
     * its districts. Children not named keep what they have. Every problem is reported at once and nothing
     * changes unless all are fine:
     * <ul>
     *   <li>the sum of all the parent's children's allocations may not exceed the parent's own quota — the tier's
     *       quota for the top unit of the chain, otherwise the allocation the parent itself received;</li>
     *   <li>each child must lie below the parent at the next level of the tier's chain (a direct child, or a
     *       descendant when the chain skips a level);</li>
     *   <li>an allocation may not be lowered below what the child has already used, nor be negative.</li>
     * </ul>
     *
     * @param quotasByChildUnit child unit id → its new allocation
     * @param actorId           who allocates: must be allowed to act for the parent unit at its level
     * @return the children's quotas after the allocation, in the order given
     * @throws QuotaAllocationException listing every problem
     * @throws NotAuthorizedException   when the actor may not act for the parent unit
     * @throws InvalidRequestException  when the program, tier or parent unit is unknown
     */
    List<Quota> allocate(String programCode, String tierCode, String parentUnitId, Map<String, Integer> quotasByChildUnit,
                         String actorId);

    /**
     * A unit's quota: allocated, used and remaining. For the top unit of the tier's chain this is the tier's
     * total quota. A unit nobody allocated to has no limit of its own ({@link Quota#limited()} is false) but
     * still counts what it passed on.
     */
    Quota quota(String programCode, String tierCode, String unitId);

    /**
     * Every quota of the program as it stands, for monitoring: per tier, first the tier's total (unit id
     * {@code "*"}, allocated = the tier's quota, used = what its top units passed on), then every unit that received
     * an allocation or passed a candidate on, by unit id. Reads only; asks nobody's permission (host/system use).
     *
     * @throws InvalidRequestException when the program is unknown
     */
    List<Quota> quotas(String programCode);

    /**
     * Opens a selection round (批次) at a unit and level: for the window {@code [opensAt, closesAt)} (engine
     * clock) the unit's approvers may select a batch from the nominations waiting there.
     *
     * @throws InvalidRequestException when the level is not a deciding step of the tier's chain for that unit,
     *                                 the window is empty or over, or it overlaps another round of the same
     *                                 unit, level and tier
     * @throws NotAuthorizedException  when the actor may not act for the unit at that level
     */
    SelectionRound openRound(String programCode, String tierCode, String unitId, OrganisationLevel level,
                             Instant opensAt, Instant closesAt, String actorId);

    /** A round by id. */
    SelectionRound round(String roundId);

    /**
     * The nominations waiting at the round's unit and level, best first: by the score recorded for the
     * nomination at its current step (highest first; unscored nominations after all scored ones), then by
     * earlier submission time, then by nomination id.
     *
     * @throws NotAuthorizedException when the user may not act for the round's unit and level
     */
    List<RankedCandidate> rankedCandidates(String roundId, String userId);

    /**
     * Records a score for a nomination at a chain step (the simple source of ranking scores until expert panels
     * arrive). Scores are never rewritten: a later score for the same step supersedes the earlier one for
     * ranking, and both are kept.
     *
     * @throws InvalidRequestException when the nomination is not waiting at that step, or the score is negative
     * @throws NotAuthorizedException  when the actor may not act for the unit reviewing that step
     */
    void recordScore(String nominationId, int stepIndex, BigDecimal score, String actorId);

    /** {@link #selectBatch(String, String, List, String, boolean)} leaving the others waiting. */
    BatchOutcome selectBatch(String roundId, String userId, List<String> selectedNominationIds, String comment);

    /**
     * Selects a batch in a round: every selected nomination is passed; the round's other candidates stay
     * waiting, or, with {@code rejectOthers}, are rejected with the comment as the reason. All or nothing:
     * every item is checked first (in the round and still waiting, the user may decide it, the batch fits the
     * remaining quota, the round is open now) and every problem is reported in one exception; then all is
     * applied in one transaction.
     *
     * @throws BatchRejectedException listing every problem; nothing changed
     */
    BatchOutcome selectBatch(String roundId, String userId, List<String> selectedNominationIds, String comment,
                             boolean rejectOthers);

    /**
     * Submits a batch selection to be applied asynchronously: for batches too large to apply in one transaction
     * (thousands of candidates). In one transaction, answering in seconds, it runs exactly the checks of
     * {@link #selectBatch(String, String, List, String, boolean)} (every problem reported at once, nothing changed
     * on a problem), then reserves the quota slots of every selected item (no other decision or batch can take
     * them), records the batch, takes its items out of the approvers' inboxes and marks them as being applied, so
     * that nobody else can decide, claim or withdraw them meanwhile ({@code batch-pending}), and creates one engine
     * job per chunk of items. The jobs apply the items on whichever node runs Flowable's async executor, each chunk
     * in its own transaction, each item with a full decision as {@code userId} (timeline, events, notifications,
     * next step or life cycle); a failing chunk is retried by the engine and then reported in
     * {@link #batchSelection(String)}.
     *
     * @return the batch as submitted: every item {@link BatchSelectionItem.State#WAITING}
     * @throws BatchRejectedException listing every problem; nothing changed
     * @throws NotFoundException      when the round does not exist
     */
    BatchSelection submitBatch(String roundId, String userId, List<String> selectedNominationIds, String comment,
                               boolean rejectOthers);

    /**
     * A batch submitted with {@link #submitBatch} as it stands: which items are applied, waiting, or failed and
     * why. Reads only; asks nobody's permission (host/system use, like {@link #round(String)}).
     *
     * @throws NotFoundException when there is no such batch
     */
    BatchSelection batchSelection(String batchId);

    /**
     * A candidate selected in a round withdraws (放弃): the nomination ends as withdrawn, its quota slots are
     * released, and the best-ranked candidate of the same round still waiting there is promoted (passed)
     * automatically in the same transaction (递补). Both are recorded in the timelines.
     *
     * @param actorId the applicant, or an approver of the round's unit recording the withdrawal
     * @throws InvalidRequestException when the nomination was not selected in a round (or already withdrew),
     *                                 or no reason is given
     * @throws NotAuthorizedException  when the actor is neither the applicant nor an approver of the round's unit
     */
    Withdrawal withdrawSelected(String nominationId, String actorId, String reason);
}
