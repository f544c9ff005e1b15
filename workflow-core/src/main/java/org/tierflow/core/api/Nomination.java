package org.tierflow.core.api;

import java.time.Instant;
import java.util.Map;

import org.tierflow.core.api.program.OrganisationLevel;

/**
 * A nomination as it stands now.
 *
 * @param id           TierFlow's id
 * @param programCode  the program
 * @param tierCode     the tier
 * @param applicantId  who applied
 * @param unitId       the applicant's unit
 * @param state        where it stands
 * @param stepIndex    index of the current chain step (0-based)
 * @param currentLevel the level it waits at, or the last level that acted once it is final
 * @param facts        the application's facts
 * @param submittedAt  when it was first submitted
 * @param updatedAt    when it last changed
 */
public record Nomination(String id, String programCode, String tierCode, String applicantId, String unitId,
                         NominationState state, int stepIndex, OrganisationLevel currentLevel,
                         Map<String, Object> facts, Instant submittedAt, Instant updatedAt) {

    public Nomination {
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }
}
