package org.tierflow.core.api.program;

import java.util.List;
import java.util.Optional;

/**
 * The credential (认定证书) awarded at the end.
 *
 * @param title        the title printed on the certificate
 * @param issuingLevel the level that issues it
 * @param benefits     what it counts for elsewhere, in words
 * @param universityIssuingLevel the level that issues it to candidates from a university, when another than
 *                     {@code issuingLevel} (e.g. the region, which accepts university candidates itself)
 * @param afterWorkingPeriod the credential recognises a whole cycle (培养认定 after the tier's
 *                     {@code implementationPeriod}): it may be issued only once the candidate's working period has
 *                     ended, also when the tier has neither acceptance nor evaluation to wait for
 */
public record CredentialDefinition(LocalizedText title, OrganisationLevel issuingLevel, List<LocalizedText> benefits,
                                   Optional<OrganisationLevel> universityIssuingLevel, boolean afterWorkingPeriod) {

    public CredentialDefinition {
        benefits = List.copyOf(benefits);
        universityIssuingLevel = universityIssuingLevel == null ? Optional.empty() : universityIssuingLevel;
    }

    /** A credential that may be issued as soon as the tier's outcomes are there. */
    public CredentialDefinition(LocalizedText title, OrganisationLevel issuingLevel, List<LocalizedText> benefits,
                                Optional<OrganisationLevel> universityIssuingLevel) {
        this(title, issuingLevel, benefits, universityIssuingLevel, false);
    }

    /** A credential issued at one level to every candidate. */
    public CredentialDefinition(LocalizedText title, OrganisationLevel issuingLevel, List<LocalizedText> benefits) {
        this(title, issuingLevel, benefits, Optional.empty());
    }

    /** The level that issues the credential to a candidate who applied from a unit at {@code candidateLevel}. */
    public OrganisationLevel issuingLevelFor(OrganisationLevel candidateLevel) {
        return candidateLevel == OrganisationLevel.UNIVERSITY ? universityIssuingLevel.orElse(issuingLevel) : issuingLevel;
    }
}
