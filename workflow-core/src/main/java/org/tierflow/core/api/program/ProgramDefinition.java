package org.tierflow.core.api.program;

import java.util.List;
import java.util.Optional;

/**
 * A program (培养工程): a multi-year scheme that selects candidates into tiers.
 *
 * @param code        unique across programs, e.g. {@code ningxia-internet-plus-education-2020}
 * @param name        the program's name
 * @param owner       the level that runs it (the top of its chains)
 * @param startYear   first year
 * @param endYear     last year (inclusive)
 * @param source      where the rules come from (document title and number)
 * @param tiers       its tiers, at least one, codes unique
 */
public record ProgramDefinition(String code, LocalizedText name, OrganisationLevel owner, int startYear, int endYear,
                                String source, List<TierDefinition> tiers) {

    public ProgramDefinition {
        tiers = List.copyOf(tiers);
    }

    /** The tier with this code. */
    public Optional<TierDefinition> tier(String tierCode) {
        return tiers.stream().filter(t -> t.code().equals(tierCode)).findFirst();
    }
}
