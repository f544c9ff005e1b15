package org.tierflow.core.api.program;

import java.time.Period;
import java.util.Objects;

/**
 * One phase of a tier's work after selection, run in the order the definition lists them (program B's tool rollout:
 * pilot → training → city-wide rollout). Each phase ends by a decision of the approvers at {@code decidedBy}: pass
 * moves on to the next phase, fail ends the candidate's life cycle.
 *
 * @param code      unique within the tier
 * @param name      what users see
 * @param period    how long the phase runs (its due date is the day it starts plus this period)
 * @param decidedBy the level of the tier's review chain whose approvers decide whether the phase passed
 */
public record PhaseDefinition(String code, LocalizedText name, Period period, OrganisationLevel decidedBy) {

    public PhaseDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(decidedBy, "decidedBy");
    }
}
