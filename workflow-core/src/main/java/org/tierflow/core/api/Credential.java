package org.tierflow.core.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;

/**
 * A credential (认定证书) as the host sees it. What the certificate shows was copied at issue and never changes.
 *
 * @param number          the certificate number anyone can verify, e.g. {@code QDT-2024-K7QZ-2M5X-R4TA-3BWE}
 * @param nominationId    the nomination it was issued for
 * @param programCode     the program
 * @param tierCode        the tier
 * @param holderId        the applicant's user id
 * @param holderName      the holder's name as the host gave it at issue, or {@code null}
 * @param title           the certificate's title, from the tier's credential definition
 * @param tierName        the tier's name
 * @param programName     the program's name
 * @param issuingUnitId   the issuing authority's organisation unit
 * @param issuingUnitName its name
 * @param issuingLevel    its level
 * @param issuedBy        the user who issued it
 * @param issuedAt        when (engine clock)
 * @param issuedOn        the date printed on it (China Standard Time)
 * @param revocation      the revocation, if it was revoked
 */
public record Credential(String number, String nominationId, String programCode, String tierCode, String holderId,
                         String holderName, LocalizedText title, LocalizedText tierName, LocalizedText programName,
                         String issuingUnitId, LocalizedText issuingUnitName, OrganisationLevel issuingLevel,
                         String issuedBy, Instant issuedAt, LocalDate issuedOn, Optional<Revocation> revocation) {

    /** {@link CredentialStatus#REVOKED} once revoked, {@link CredentialStatus#VALID} before. */
    public CredentialStatus status() {
        return revocation.isPresent() ? CredentialStatus.REVOKED : CredentialStatus.VALID;
    }

    /**
     * A recorded revocation.
     *
     * @param reason    why, as the issuing authority wrote it
     * @param revokedBy who revoked it
     * @param revokedAt when (engine clock)
     * @param revokedOn the date (China Standard Time)
     */
    public record Revocation(String reason, String revokedBy, Instant revokedAt, LocalDate revokedOn) {
    }
}
