package org.tierflow.core.api;

import java.time.Instant;

import org.tierflow.core.api.program.OrganisationLevel;

/**
 * A selection round (批次): a window in which a unit's approvers select a batch from the nominations waiting at
 * their level.
 *
 * @param id          the round's id
 * @param programCode the program
 * @param tierCode    the tier
 * @param unitId      the selecting unit
 * @param level       its level
 * @param opensAt     first instant of the window (engine clock)
 * @param closesAt    first instant after the window
 * @param openedBy    who opened it
 * @param openedAt    when
 */
public record SelectionRound(String id, String programCode, String tierCode, String unitId, OrganisationLevel level,
                             Instant opensAt, Instant closesAt, String openedBy, Instant openedAt) {

    /** Whether the window contains this instant. */
    public boolean isOpenAt(Instant instant) {
        return !instant.isBefore(opensAt) && instant.isBefore(closesAt);
    }
}
