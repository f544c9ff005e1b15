package org.tierflow.core.spi;

import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.api.program.ReviewAction;

/**
 * Who may act at one step of one tier's chain: the organisation unit, its level and the step's action.
 *
 * @param programCode the program
 * @param tierCode    the tier
 * @param unitId      the acting unit (e.g. the applicant's district bureau)
 * @param level       that unit's level
 * @param action      what the level does (a decision, or filing)
 */
public record ApproverQuery(String programCode, String tierCode, String unitId, OrganisationLevel level,
                            ReviewAction action) {
}
