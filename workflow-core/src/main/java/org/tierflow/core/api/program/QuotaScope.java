package org.tierflow.core.api.program;

import java.util.Optional;

/**
 * What a tier's quota counts over (名额口径). By default the quota is one number for the whole program, held by
 * the unit at the top of the chain. A tier may instead give every unit at one level its own quota ({@code per}:
 * “each school appoints one CIO”), and/or a fresh quota every program year ({@code perYear}: “50 principals each
 * year”).
 *
 * <p>A candidate's quota year is the calendar year (China Standard Time, by the engine's clock) in which the
 * nomination was submitted; its scope unit is the unit at the {@code per} level at or above the unit it applied
 * from.
 *
 * @param per     the level whose every unit has its own quota; empty for one quota over the whole tier
 * @param perYear whether the quota starts afresh in every year from the program's startYear to its endYear
 */
public record QuotaScope(Optional<OrganisationLevel> per, boolean perYear) {

    /** One quota for the whole tier over the whole program: {@code quota: 10}. */
    public static final QuotaScope WHOLE_PROGRAM = new QuotaScope(Optional.empty(), false);

    public QuotaScope {
        per = per == null ? Optional.empty() : per;
    }

    /** Whether the quota is one number for the whole tier and program. */
    public boolean isWholeProgram() {
        return per.isEmpty() && !perYear;
    }
}
