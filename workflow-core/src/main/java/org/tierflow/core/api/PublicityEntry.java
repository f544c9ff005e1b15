package org.tierflow.core.api;

import java.time.Instant;

import org.tierflow.core.api.program.LocalizedText;

/**
 * One candidate of a publication.
 *
 * @param position        1-based place in the published list (the order of selection)
 * @param nominationId    the nomination
 * @param applicantId     who applied
 * @param unitId          the applicant's unit
 * @param unitName        its name
 * @param status          published, confirmed or removed
 * @param openObjections  objections filed and not yet resolved
 * @param decidedAt       when it was confirmed or removed; {@code null} while published
 */
public record PublicityEntry(int position, String nominationId, String applicantId, String unitId,
                             LocalizedText unitName, PublicityEntryStatus status, int openObjections,
                             Instant decidedAt) {
}
