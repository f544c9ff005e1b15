package org.tierflow.core.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an applicant submits. For a tier whose candidates are people the applicant applies for themself; for a tier
 * whose {@link org.tierflow.core.api.program.CandidateKind candidateKind} is {@code SCHOOL} or {@code PROJECT} the
 * applicant is an approver of the applying unit who submits for it: the school itself is the candidate, or a
 * project the unit owns (then {@code projectTitle} names it).
 *
 * @param programCode the program
 * @param tierCode    the tier applied for
 * @param applicantId the applicant's user id in the host's directory
 * @param unitId      the applicant's organisation unit (a school, or a university)
 * @param facts       answers to the tier's application form, by fact code
 * @param attachments references to documents the host stores
 * @param projectTitle the project's title for a {@code PROJECT} tier; {@code null} otherwise
 */
public record NominationSubmission(String programCode, String tierCode, String applicantId, String unitId,
                                   Map<String, Object> facts, List<String> attachments, String projectTitle) {

    /** A submission whose candidate is a person or a school (no project title). */
    public NominationSubmission(String programCode, String tierCode, String applicantId, String unitId,
                                Map<String, Object> facts, List<String> attachments) {
        this(programCode, tierCode, applicantId, unitId, facts, attachments, null);
    }

    /** A project's submission: {@code submitterId}, an approver of {@code unitId}, submits the project it owns. */
    public static NominationSubmission project(String programCode, String tierCode, String submitterId, String unitId,
                                               String projectTitle, Map<String, Object> facts, List<String> attachments) {
        return new NominationSubmission(programCode, tierCode, submitterId, unitId, facts, attachments,
                Objects.requireNonNull(projectTitle, "projectTitle"));
    }

    public NominationSubmission {
        Objects.requireNonNull(programCode, "programCode");
        Objects.requireNonNull(tierCode, "tierCode");
        Objects.requireNonNull(applicantId, "applicantId");
        Objects.requireNonNull(unitId, "unitId");
        facts = facts == null ? Map.of() : Map.copyOf(facts);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
