package org.tierflow.core.api;

import org.tierflow.core.api.program.SampleSize;

/**
 * What to draw in a yearly spot check (抽查).
 *
 * @param programCode    the program
 * @param auditingUnitId the unit that audits: at the program's spot-check level (its {@code spotChecks.level}, or
 *                       its owner when the definition has no {@code spotChecks}); candidates and units below it
 *                       form the population
 * @param year           the year checked: from the program's start year to the current year (engine clock);
 *                       one draw per program, auditing unit and year
 * @param seed           the seed of the draw, for instance a number drawn in public; {@code null} to let TierFlow
 *                       pick one at random (it is recorded either way)
 * @param candidates     how many candidates in progress to draw; {@code null} for the definition's default
 * @param units          how many managing units to draw; {@code null} for the definition's default
 * @param actorId        who draws: must be allowed to act for the auditing unit in every tier of the program
 */
public record SpotCheckRequest(String programCode, String auditingUnitId, int year, Long seed, SampleSize candidates,
                               SampleSize units, String actorId) {
}
