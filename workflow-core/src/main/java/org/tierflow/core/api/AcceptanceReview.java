package org.tierflow.core.api;

import java.math.BigDecimal;
import java.time.Instant;

import org.tierflow.core.api.program.OrganisationLevel;

/**
 * What one level of the acceptance chain concluded in one round.
 *
 * @param stepIndex zero-based step of the acceptance chain
 * @param level     the level that acted
 * @param unitId    the unit that acted
 * @param actorId   who acted
 * @param passed    whether the level passed the work
 * @param score     the on-site score (the accepting level only); null otherwise
 * @param comment   optional comment
 * @param decidedAt when
 */
public record AcceptanceReview(int stepIndex, OrganisationLevel level, String unitId, String actorId, boolean passed,
                               BigDecimal score, String comment, Instant decidedAt) {
}
