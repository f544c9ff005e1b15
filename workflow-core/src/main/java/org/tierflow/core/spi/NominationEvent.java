package org.tierflow.core.spi;

import java.time.Instant;

import org.tierflow.core.api.NominationState;
import org.tierflow.core.api.program.OrganisationLevel;

/**
 * Something that happened to a nomination, told to the host after the transaction committed.
 *
 * @param type         what happened
 * @param nominationId the nomination
 * @param programCode  its program
 * @param tierCode     its tier
 * @param applicantId  its applicant
 * @param level        the level where it happened
 * @param unitId       the unit that acted
 * @param actorId      who acted, {@code null} when TierFlow acted by policy
 * @param state        the nomination's state afterwards
 * @param comment      the comment or reason given
 * @param at           when
 */
public record NominationEvent(NominationEventType type, String nominationId, String programCode, String tierCode,
                              String applicantId, OrganisationLevel level, String unitId, String actorId,
                              NominationState state, String comment, Instant at) {
}
