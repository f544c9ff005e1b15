package org.tierflow.core.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.api.program.ReviewAction;

/**
 * One thing that happened to a nomination. Entries are append-only: never rewritten.
 *
 * @param at          when
 * @param type        what happened
 * @param stepIndex   the chain step it happened at
 * @param level       that step's level
 * @param action      that step's action
 * @param unitId      the unit acting (or the applicant's unit for submissions)
 * @param actorId     who acted ({@code null} when TierFlow acted by policy)
 * @param comment     the comment or reason
 * @param attachments references given with it
 * @param data        extra data kept with it
 */
public record TimelineEntry(Instant at, TimelineEntryType type, int stepIndex, OrganisationLevel level,
                           ReviewAction action, String unitId, String actorId, String comment,
                           List<String> attachments, Map<String, Object> data) {

    public TimelineEntry {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
