package org.tierflow.core.api;

import java.util.List;

/**
 * Publicity (公示) of selected candidates, objections (异议) and the confirmation that makes a selection final.
 *
 * <p>When a unit's selection at the tier's deciding level is final, an approver of the unit publishes the
 * candidates it selected. The publication runs for the configured number of <em>working</em> days (default
 * five), counted by the host's {@link org.tierflow.core.spi.WorkingDayCalendar}; during the period anyone the
 * host's {@link org.tierflow.core.spi.ApproverDirectory#mayObject} allows may file an objection with a reason.
 * An approver of the publishing unit resolves it: upheld, the candidate is removed (nomination rejected, quota slot
 * released) and the waitlist promotes the next candidate of the round within the quota, who is published in turn;
 * dismissed, nothing changes. A candidate is {@link PublicityEntryStatus#CONFIRMED confirmed} only when the period
 * has ended on the engine clock and no objection to it is open. Every method is one transaction.
 */
public interface PublicityService {

    /**
     * Publishes the candidates the unit selected at its level (the tier's deciding level): every nomination of the
     * tier whose deciding step the unit took, still selected and not yet published.
     *
     * @throws NotAuthorizedException  when the actor may not decide for the unit at its level
     * @throws InvalidRequestException when the unit does not decide in the tier ({@code not-a-deciding-level}), a
     *                                 selection round of the unit is still open ({@code round-still-open}) or there
     *                                 is nobody to publish ({@code nothing-to-publish})
     */
    Publication publish(String programCode, String tierCode, String unitId, String actorId);

    /**
     * A publication, as it stands. Publicity is public: anyone may read it.
     *
     * @throws NotFoundException when there is none with this id
     */
    Publication publication(String publicationId);

    /** The publications of a tier, newest first. */
    List<Publication> publications(String programCode, String tierCode);

    /**
     * Files an objection to a published candidate while the period runs (engine clock).
     *
     * @throws NotAuthorizedException  when the directory does not let the user object
     * @throws InvalidRequestException when no reason is given ({@code reason-required}), the period is over or has
     *                                 not begun ({@code publicity-closed}) or the nomination is not published there
     *                                 (or was removed) ({@code not-published})
     * @throws NotFoundException       when the publication does not exist
     */
    Objection fileObjection(String publicationId, String nominationId, String objectorId, String reason);

    /**
     * The objections of a publication, oldest first; for the publishing unit's approvers.
     *
     * @throws NotAuthorizedException when the user may not decide for the publishing unit
     */
    List<Objection> objections(String publicationId, String userId);

    /**
     * Resolves an open objection. Upheld: the candidate is removed and the waitlist promotes the next one; dismissed:
     * nothing changes. Once the period is over, a candidate without another open objection is confirmed at once.
     *
     * @param reviewerId an approver of the publishing unit (not the candidate)
     * @throws NotAuthorizedException  when the reviewer may not decide for the publishing unit, or is the candidate
     * @throws InvalidRequestException when no reason or outcome is given, or the objection is already resolved
     *                                 ({@code already-resolved})
     * @throws NotFoundException       when there is no such objection
     */
    ObjectionResolution resolveObjection(String objectionId, String reviewerId, ObjectionOutcome outcome, String reason);

    /**
     * Closes a publication whose period is over: every candidate without an open objection is confirmed. TierFlow
     * does this itself when the period ends (a timer of the engine); this call is for nodes that run no timers and
     * for operators. Idempotent.
     *
     * @throws NotAuthorizedException  when the actor may not decide for the publishing unit
     * @throws InvalidRequestException when the period is not over yet on the engine clock ({@code publicity-not-over})
     */
    Publication close(String publicationId, String actorId);

    /**
     * The publicity list as a file: CSV (UTF-8 with a byte-order mark) or Excel. Public, like the publication.
     *
     * @throws InvalidRequestException when Excel is asked for and its library is not on the classpath
     *                                 ({@code export-format-unavailable})
     */
    byte[] export(String publicationId, PublicityExportFormat format);
}
