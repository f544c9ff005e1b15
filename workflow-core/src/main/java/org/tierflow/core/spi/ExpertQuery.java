package org.tierflow.core.spi;

import org.tierflow.core.api.program.OrganisationLevel;

/**
 * Which experts may score at one step of one tier's chain.
 *
 * @param programCode the program
 * @param tierCode    the tier
 * @param unitId      the unit whose level runs the panel (e.g. the city bureau)
 * @param level       that unit's level
 * @param stepIndex   the step's index in the chain (0-based)
 */
public record ExpertQuery(String programCode, String tierCode, String unitId, OrganisationLevel level,
                          int stepIndex) {
}
