package org.tierflow.core.api;

import java.time.Instant;
import java.util.List;

import org.tierflow.core.api.program.OrganisationLevel;

/**
 * A publicity (公示) of the candidates a unit selected at a deciding level: public for {@code workingDays}
 * working days from {@code startsAt} until {@code endsAt} (computed from the working-day calendar); objections
 * may be filed while it runs. See {@code docs/guides/selection.md}.
 *
 * @param id                   TierFlow's id
 * @param programCode          the program
 * @param tierCode             the tier
 * @param unitId               the unit that selected and publishes
 * @param level                its level (the tier's deciding level)
 * @param workingDays          length of the period, in working days
 * @param startsAt             when it was published (engine clock)
 * @param endsAt               when the period ends: midnight after the last working day, in the calendar's zone
 * @param publishedBy          who published; {@code null} when TierFlow published a waitlist promotion itself
 * @param closedAt             when TierFlow closed it after the period (confirming candidates); {@code null} before
 * @param replacesNominationId for a publication of a waitlist promotion: the candidate removed after an objection
 * @param entries              the candidates, in published order
 */
public record Publication(String id, String programCode, String tierCode, String unitId, OrganisationLevel level,
                          int workingDays, Instant startsAt, Instant endsAt, String publishedBy, Instant closedAt,
                          String replacesNominationId, List<PublicityEntry> entries) {

    public Publication {
        entries = List.copyOf(entries);
    }

    /** Whether objections may be filed at {@code now}: the period has begun and not yet ended. */
    public boolean isOpenAt(Instant now) {
        return !now.isBefore(startsAt) && now.isBefore(endsAt);
    }
}
