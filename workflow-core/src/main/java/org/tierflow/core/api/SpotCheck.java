package org.tierflow.core.api;

import java.time.Instant;
import java.util.List;

import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.api.program.SampleSize;

/**
 * A yearly spot check (抽查) as drawn: who audits, the seed, the populations and what was sampled.
 *
 * @param id                  the spot check's id
 * @param programCode         the program
 * @param auditingUnitId      the unit that audits
 * @param auditingLevel       its level
 * @param year                the year checked
 * @param seed                the seed of the draw: the same seed over the same population draws the same sample
 * @param candidateSample     the sample size asked for candidates
 * @param unitSample          the sample size asked for units
 * @param candidatePopulation how many candidates were in progress below the auditing unit at the draw
 * @param unitPopulation      how many units managed them
 * @param populationDigest    SHA-256 (hex) of the sorted populations, so a re-draw can show it used the same ones
 *                            (see {@code docs/guides/spot-checks.md})
 * @param drawnBy             who drew
 * @param drawnAt             when (engine clock)
 * @param items               the sampled candidates in draw order, then the sampled units in draw order
 */
public record SpotCheck(String id, String programCode, String auditingUnitId, OrganisationLevel auditingLevel,
                        int year, long seed, SampleSize candidateSample, SampleSize unitSample,
                        int candidatePopulation, int unitPopulation, String populationDigest, String drawnBy,
                        Instant drawnAt, List<SpotCheckItem> items) {

    public SpotCheck {
        items = List.copyOf(items);
    }

    /** The sampled items of one kind, in draw order. */
    public List<SpotCheckItem> items(SpotCheckItem.Kind kind) {
        return items.stream().filter(item -> item.kind() == kind).toList();
    }
}
