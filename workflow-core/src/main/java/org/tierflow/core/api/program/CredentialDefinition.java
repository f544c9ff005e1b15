package org.tierflow.core.api.program;

import java.util.List;

/**
 * The credential (认定证书) awarded at the end.
 *
 * @param title        the title printed on the certificate
 * @param issuingLevel the level that issues it
 * @param benefits     what it counts for elsewhere, in words
 */
public record CredentialDefinition(LocalizedText title, OrganisationLevel issuingLevel, List<LocalizedText> benefits) {

    public CredentialDefinition {
        benefits = List.copyOf(benefits);
    }
}
