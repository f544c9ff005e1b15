package org.tierflow.core.api;

import java.time.Instant;
import java.util.Map;

import org.tierflow.core.api.program.CandidateKind;
import org.tierflow.core.api.program.OrganisationLevel;

/**
 * A nomination as it stands now.
 *
 * @param id           TierFlow's id
 * @param programCode  the program
 * @param tierCode     the tier
 * @param applicantId  who applied: the candidate, or for a school or project the unit's approver who submitted
 * @param unitId       the applicant's unit (for a school candidate: the school itself; for a project: its owner)
 * @param state        where it stands
 * @param stepIndex    index of the current chain step (0-based)
 * @param currentLevel the level it waits at, or the last level that acted once it is final
 * @param facts        the application's facts
 * @param submittedAt  when it was first submitted
 * @param updatedAt    when it last changed
 * @param candidateKind whether the candidate is a person, the school {@code unitId} or the project
 *                      {@code projectTitle}
 * @param projectTitle the project's title when the candidate is a project; {@code null} otherwise
 */
public record Nomination(String id, String programCode, String tierCode, String applicantId, String unitId,
                         NominationState state, int stepIndex, OrganisationLevel currentLevel,
                         Map<String, Object> facts, Instant submittedAt, Instant updatedAt,
                         CandidateKind candidateKind, String projectTitle) {

    public Nomination {
        facts = facts == null ? Map.of() : Map.copyOf(facts);
        candidateKind = candidateKind == null ? CandidateKind.PERSON : candidateKind;
    }

    /** A person's nomination. */
    public Nomination(String id, String programCode, String tierCode, String applicantId, String unitId,
                      NominationState state, int stepIndex, OrganisationLevel currentLevel,
                      Map<String, Object> facts, Instant submittedAt, Instant updatedAt) {
        this(id, programCode, tierCode, applicantId, unitId, state, stepIndex, currentLevel, facts, submittedAt,
                updatedAt, CandidateKind.PERSON, null);
    }
}
