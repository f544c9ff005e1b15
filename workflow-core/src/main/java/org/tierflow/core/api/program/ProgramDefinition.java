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
 * @param spotChecks  yearly spot checks (抽查), if the program declares them; a program without them may still be
 *                    spot-checked by its owner level with sample sizes given per call
 */
public record ProgramDefinition(String code, LocalizedText name, OrganisationLevel owner, int startYear, int endYear,
                                String source, List<TierDefinition> tiers, Optional<SpotCheckDefinition> spotChecks) {

    public ProgramDefinition {
        tiers = List.copyOf(tiers);
        spotChecks = spotChecks == null ? Optional.empty() : spotChecks;
    }

    /** A program that declares no spot checks. */
    public ProgramDefinition(String code, LocalizedText name, OrganisationLevel owner, int startYear, int endYear,
                             String source, List<TierDefinition> tiers) {
        this(code, name, owner, startYear, endYear, source, tiers, Optional.empty());
    }

    /** The tier with this code. */
    public Optional<TierDefinition> tier(String tierCode) {
        return tiers.stream().filter(t -> t.code().equals(tierCode)).findFirst();
    }
}
