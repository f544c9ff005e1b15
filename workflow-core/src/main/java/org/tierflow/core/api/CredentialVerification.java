package org.tierflow.core.api;

import java.time.LocalDate;

import org.tierflow.core.api.program.LocalizedText;

/**
 * What anyone holding a certificate number may learn: only what the certificate itself shows, and whether it
 * still stands. No nomination, unit id, user who issued it, or application data.
 *
 * @param number           the certificate number
 * @param holderId         the holder's id as printed when no name was given
 * @param holderName       the holder's name as the host gave it at issue, or {@code null}
 * @param title            the certificate's title
 * @param tierName         the tier's name
 * @param programName      the program's name
 * @param issuingUnitName  the issuing authority
 * @param issuedOn         the date of issue
 * @param status           valid or revoked
 * @param revocationReason why it was revoked, or {@code null} while valid
 * @param revokedOn        when it was revoked, or {@code null} while valid
 */
public record CredentialVerification(String number, String holderId, String holderName, LocalizedText title,
                                     LocalizedText tierName, LocalizedText programName, LocalizedText issuingUnitName,
                                     LocalDate issuedOn, CredentialStatus status, String revocationReason,
                                     LocalDate revokedOn) {
}
