package org.tierflow.core.api;

import java.time.Instant;
import java.time.Period;

import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;

/**
 * One phase of a selected candidate's work, as the tier's definition lists it ({@code phases}) and as far as it has
 * got (program B's tool rollout: pilot, training, city-wide rollout).
 *
 * @param index        0-based position in the definition
 * @param code         the phase's code in the definition
 * @param name         the phase's name from the definition, for users
 * @param period       how long the phase runs
 * @param decidedBy    the level whose approvers decide it
 * @param state        where it stands
 * @param startedAt    when it opened; null while pending
 * @param dueAt        when its decision is due (start plus period, end of day in China Standard Time); null while
 *                     pending
 * @param decidedAt    when it was decided; null until then
 * @param decidedById  who decided it; null until then
 * @param comment      the decider's comment; null until then
 */
public record PhaseStatus(int index, String code, LocalizedText name, Period period, OrganisationLevel decidedBy,
                          State state, Instant startedAt, Instant dueAt, Instant decidedAt, String decidedById,
                          String comment) {

    /** Where a phase stands. */
    public enum State {
        /** Not reached yet. */
        PENDING,
        /** Running; its level's approvers may decide it. */
        OPEN,
        /** Decided: passed, the next phase opened (or the phases are done). */
        PASSED,
        /** Decided: failed, the candidate's work ended here. */
        FAILED
    }
}
