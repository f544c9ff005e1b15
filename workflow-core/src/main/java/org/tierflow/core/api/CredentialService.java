package org.tierflow.core.api;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Credentials (认定证书): issued to selected candidates by the authority the tier's credential definition names
 * ({@code issuingLevel}: the unit at that level above the candidate's unit), verifiable by number, revocable
 * with a reason, never deleted.
 *
 * <p>Who may issue or revoke: a user the host's {@link org.tierflow.core.spi.ApproverDirectory} lets act for the
 * issuing unit, asked as a {@code DECIDE} at the issuing level for the nomination's program and tier. The
 * candidate may never issue or revoke their own credential. Every method is one transaction.
 */
public interface CredentialService {

    /** Issues without a holder name; the certificate then shows the holder's id. See {@link #issue(String, String, String)}. */
    default Credential issue(String nominationId, String actorId) {
        return issue(nominationId, actorId, null);
    }

    /**
     * Issues the tier's credential to a selected candidate, with a new, unique, non-guessable number (program
     * initials, year of issue and 16 random base32 characters) and today's date by the engine's clock. A
     * nomination holds at most one valid credential; after a revocation a new one (with a new number) may be
     * issued.
     *
     * @param holderName the holder's name to print, as the host knows it; optional, at most 200 characters
     * @throws NotAuthorizedException  when the actor may not act for the issuing unit, or is the candidate
     * <p>The outcome the tier's definition calls for must be there first: a passed acceptance when the tier has an
     * acceptance, a qualifying comprehensive evaluation when it has one ({@code outcome-missing}). Issuing completes
     * the candidate's life cycle ({@link LifecycleService}).
     *
     * @throws InvalidRequestException when the nomination is not {@code SELECTED} ({@code not-selected}), its
     *                                 tier awards no credential ({@code no-credential}), it already holds a
     *                                 valid one ({@code already-issued}), or the organisation tree has no unit
     *                                 at the issuing level above the candidate ({@code no-unit-at-level}), or the
     *                                 outcome the tier asks for is missing ({@code outcome-missing})
     * @throws NotFoundException       when the nomination does not exist
     */
    Credential issue(String nominationId, String actorId, String holderName);

    /**
     * What the certificate with this number shows and whether it stands. Surrounding blanks and letter case are
     * ignored. Empty for a number nobody issued (or {@code null}).
     */
    Optional<CredentialVerification> verify(String number);

    /**
     * Revokes a credential. The certificate stays on record; {@link #verify} then reports it revoked, with
     * the reason and the date.
     *
     * @param reason why, required; at most 2000 characters
     * @throws NotAuthorizedException  when the actor may not act for the unit that issued it
     * @throws InvalidRequestException when the reason is missing or it is already revoked
     * @throws NotFoundException       when no credential has this number
     */
    Credential revoke(String number, String reason, String actorId);

    /** The nomination's credentials, oldest first (revoked ones included). */
    List<Credential> ofNomination(String nominationId);

    /**
     * The certificate as a self-contained printable HTML page (no external resources): both languages, the
     * locale's first, the number and how to verify it; a revoked certificate says so. All text is escaped.
     *
     * @throws NotFoundException when no credential has this number
     */
    String renderPrintable(String number, Locale locale);
}
