package org.tierflow.core.api;

import java.time.Instant;

/**
 * Task books (项目任务书). When a nomination is selected, TierFlow generates its task book from the tier's
 * definition (goals, plan, funding by item) with a signing deadline ({@code signingPeriod} after selection, by the
 * engine's clock); the candidate is reminded before the deadline and told when it passed (through the host's
 * {@link org.tierflow.core.spi.Notifier}). The candidate signs, then the authority the definition names
 * countersigns (the unit at {@code taskBook.authority} above the candidate, {@code universityAuthority} for
 * university candidates).
 *
 * <p>Who may act for the authority: a user the host's {@link org.tierflow.core.spi.ApproverDirectory} lets act
 * for the authority unit, asked as a {@code DECIDE} at the authority's level; never the candidate. Every method is
 * one transaction; a refusal changes nothing.
 */
public interface TaskBookService {

    /**
     * The candidate's task book.
     *
     * @throws NotFoundException when the nomination has no task book (unknown, not selected, or its tier has none)
     */
    TaskBook get(String nominationId);

    /**
     * The candidate signs.
     *
     * @throws NotAuthorizedException  when the actor is not the candidate
     * @throws InvalidRequestException when it is not waiting for the candidate ({@code not-awaiting-candidate})
     */
    TaskBook sign(String nominationId, String candidateId);

    /**
     * The authority countersigns; the working period starts.
     *
     * @throws NotAuthorizedException  when the actor may not act for the authority unit
     * @throws InvalidRequestException when it is not waiting for the countersign ({@code not-awaiting-countersign})
     */
    TaskBook countersign(String nominationId, String actorId);

    /**
     * Records that the task book was signed elsewhere (for example on paper): signing ends without the
     * countersign, and the record says who said so, why and when.
     *
     * @param reason required, at most 2000 characters
     * @throws NotAuthorizedException  when the actor may not act for the authority unit
     * @throws InvalidRequestException when the reason is missing or signing has already ended ({@code already-signed})
     */
    TaskBook recordSignedElsewhere(String nominationId, String actorId, String reason);

    /**
     * Moves the signing deadline (audited); a reminder not sent yet and the overdue notice follow the new date.
     *
     * @param reason required, at most 2000 characters
     * @throws NotAuthorizedException  when the actor may not act for the authority unit
     * @throws InvalidRequestException when the reason is missing, the new deadline is not in the future
     *                                 ({@code deadline-in-past}) or signing has already ended ({@code already-signed})
     */
    TaskBook moveDeadline(String nominationId, String actorId, Instant newDeadline, String reason);
}
