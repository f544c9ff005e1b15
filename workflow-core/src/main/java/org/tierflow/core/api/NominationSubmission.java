package org.tierflow.core.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an applicant submits.
 *
 * @param programCode the program
 * @param tierCode    the tier applied for
 * @param applicantId the applicant's user id in the host's directory
 * @param unitId      the applicant's organisation unit (a school, or a university)
 * @param facts       answers to the tier's application form, by fact code
 * @param attachments references to documents the host stores
 */
public record NominationSubmission(String programCode, String tierCode, String applicantId, String unitId,
                                   Map<String, Object> facts, List<String> attachments) {

    public NominationSubmission {
        Objects.requireNonNull(programCode, "programCode");
        Objects.requireNonNull(tierCode, "tierCode");
        Objects.requireNonNull(applicantId, "applicantId");
        Objects.requireNonNull(unitId, "unitId");
        facts = facts == null ? Map.of() : Map.copyOf(facts);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
