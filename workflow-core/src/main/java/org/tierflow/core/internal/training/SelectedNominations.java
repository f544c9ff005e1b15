package org.tierflow.core.internal.training;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.NominationState;
import org.tierflow.core.api.NotFoundException;
import org.tierflow.core.api.TimelineEntryType;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.ReviewAction;
import org.tierflow.core.internal.persistence.NominationEntity;
import org.tierflow.core.internal.persistence.NominationRecords;
import org.tierflow.core.internal.persistence.ReviewRecordEntity;

/** What the after-selection services share: finding selected nominations, and the calendar days they count in. */
public final class SelectedNominations {

    /** Days (hour dates, windows, dates of issue) are calendar days in China Standard Time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private SelectedNominations() {
    }

    /** The calendar day of an instant. */
    public static LocalDate day(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    /** The nomination, or a not-found error. */
    public static NominationEntity find(NominationRecords records, String nominationId) {
        if (nominationId == null || nominationId.isBlank()) {
            throw new InvalidRequestException("missing-field", new LocalizedText(
                    "缺少字段 nominationId（申报编号）", "the field nominationId is missing"));
        }
        return records.find(nominationId).orElseThrow(() -> new NotFoundException(new LocalizedText(
                "找不到申报 " + nominationId, "no nomination " + nominationId)));
    }

    /** Refuses unless the nomination stands {@link NominationState#SELECTED}. */
    public static void requireSelected(NominationEntity nomination, LocalizedText forWhat) {
        if (nomination.getState() != NominationState.SELECTED) {
            throw new InvalidRequestException("not-selected", new LocalizedText(
                    "申报 " + nomination.getId() + " 的状态为 " + nomination.getState() + "，只有已入选（SELECTED）的申报才能"
                            + forWhat.zh(),
                    "nomination " + nomination.getId() + " is " + nomination.getState()
                            + "; only a SELECTED nomination can " + forWhat.en()));
        }
    }

    /**
     * When the deciding level passed the nomination (by a person or by policy); the latest such entry if the
     * history has several. Falls back to the nomination's last change for a selected nomination without one.
     *
     * @throws InvalidRequestException when it was never selected
     */
    public static Instant selectedAt(NominationRecords records, NominationEntity nomination) {
        List<ReviewRecordEntity> history = records.history(nomination.getId());
        for (int i = history.size() - 1; i >= 0; i--) {
            ReviewRecordEntity entry = history.get(i);
            boolean passed = entry.getType() == TimelineEntryType.PASSED
                    || entry.getType() == TimelineEntryType.PASSED_AUTOMATICALLY;
            if (passed && entry.getAction() == ReviewAction.DECIDE) {
                return entry.getCreatedAt();
            }
        }
        if (nomination.getState() == NominationState.SELECTED) {
            return nomination.getUpdatedAt();
        }
        throw new InvalidRequestException("not-selected", new LocalizedText(
                "申报 " + nomination.getId() + " 尚未入选", "nomination " + nomination.getId() + " has not been selected"));
    }
}
