package org.tierflow.core.api.program;

import java.util.List;
import java.util.Optional;

/**
 * An ordered chain of steps, bottom-up: strictly rising levels, exactly one {@link ReviewAction#DECIDE}
 * step, and {@link ReviewAction#FILE} steps only after it.
 *
 * @param entryLevel the level of the unit where candidates enter (the applicant's unit)
 * @param steps      the steps, in order
 */
public record ReviewChain(OrganisationLevel entryLevel, List<ReviewStep> steps) {

    public ReviewChain {
        steps = List.copyOf(steps);
    }

    /** The step that decides. */
    public ReviewStep decidingStep() {
        return steps.stream().filter(s -> s.action() == ReviewAction.DECIDE).findFirst().orElseThrow();
    }

    /** The step at a level, if the chain has one. */
    public Optional<ReviewStep> stepAt(OrganisationLevel level) {
        return steps.stream().filter(s -> s.level() == level).findFirst();
    }
}
