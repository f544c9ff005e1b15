package org.tierflow.core.api;

import java.time.Instant;

/**
 * An objection (异议) to a published candidate, filed during the publicity period and resolved by a reviewer of
 * the publishing unit. Filed once, resolved once; never rewritten.
 *
 * @param id            TierFlow's id
 * @param publicationId the publication
 * @param nominationId  the candidate objected to
 * @param objectorId    who filed it
 * @param reason        why, as the objector wrote it
 * @param filedAt       when (engine clock)
 * @param outcome       {@code null} while open
 * @param resolution    the reviewer's reason; {@code null} while open
 * @param resolvedBy    the reviewer; {@code null} while open
 * @param resolvedAt    when it was resolved; {@code null} while open
 */
public record Objection(String id, String publicationId, String nominationId, String objectorId, String reason,
                        Instant filedAt, ObjectionOutcome outcome, String resolution, String resolvedBy,
                        Instant resolvedAt) {

    /** Whether nobody has resolved it yet. */
    public boolean isOpen() {
        return outcome == null;
    }
}
