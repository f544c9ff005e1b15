package org.tierflow.core.internal.training;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.Session;
import org.tierflow.core.api.HourRecord;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.LedgerEntry;
import org.tierflow.core.api.TierFlowException;
import org.tierflow.core.api.TrainingProgress;
import org.tierflow.core.api.TrainingService;
import org.tierflow.core.api.program.HourCategory;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.ProgramDefinition;
import org.tierflow.core.api.program.TierDefinition;
import org.tierflow.core.api.program.TrainingRequirement;
import org.tierflow.core.internal.engine.TierFlowRuntime;
import org.tierflow.core.internal.persistence.DatabaseErrors;
import org.tierflow.core.internal.persistence.NominationEntity;
import org.tierflow.core.internal.persistence.NominationRecords;
import org.tierflow.core.internal.persistence.TrainingHoursEntity;
import org.tierflow.core.internal.request.FieldProblems;

/**
 * {@link TrainingService} on TierFlow's tables. Idempotency rests on the unique key (source, external id): a
 * re-send that loses a race with its twin fails on that key, and is answered from the row the twin stored.
 */
public final class DefaultTrainingService implements TrainingService {

    static final BigDecimal MAX_HOURS_PER_RECORD = BigDecimal.valueOf(24);
    private static final int MAX_SOURCE = 100;
    private static final int MAX_EXTERNAL_ID = 200;
    private static final int MAX_DESCRIPTION = 2000;

    private final TierFlowRuntime runtime;

    public DefaultTrainingService(TierFlowRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public LedgerEntry record(HourRecord record) {
        Objects.requireNonNull(record, "record");
        checkFields(record);
        try {
            return runtime.inTransaction(() -> recordOnce(record));
        } catch (LostRace e) {
            // A concurrent twin stored it first: answer from its row (or refuse a conflicting payload).
            return runtime.inTransaction(() -> stored(record.source(), record.externalRecordId())
                    .map(stored -> sameOrConflict(stored, record))
                    .orElseThrow(() -> new IllegalStateException(e.getMessage(), e.getCause())));
        }
    }

    @Override
    public List<LedgerEntry> ledger(String nominationId) {
        return runtime.inTransaction(() -> {
            SelectedNominations.find(records(), nominationId);
            return LedgerMapper.INSTANCE.toEntries(rows(nominationId));
        });
    }

    @Override
    public TrainingProgress progress(String nominationId) {
        return runtime.inTransaction(() -> {
            NominationRecords records = records();
            NominationEntity nomination = SelectedNominations.find(records, nominationId);
            TrainingRequirement requirement = requirementOf(nomination);
            LocalDate start = SelectedNominations.day(SelectedNominations.selectedAt(records, nomination));
            Map<String, BigDecimal> byCategory = new HashMap<>();
            for (TrainingHoursEntity row : rows(nominationId)) {
                byCategory.merge(row.getCategoryCode(), row.getHours(), BigDecimal::add);
            }
            return ProgressCalculator.progress(nominationId, start, lastDay(start, requirement), requirement, byCategory);
        });
    }

    private LedgerEntry recordOnce(HourRecord record) {
        Optional<TrainingHoursEntity> existing = stored(record.source(), record.externalRecordId());
        if (existing.isPresent()) {
            return sameOrConflict(existing.get(), record);
        }
        NominationRecords records = records();
        NominationEntity nomination = SelectedNominations.find(records, record.nominationId());
        SelectedNominations.requireSelected(nomination, new LocalizedText("登记培训学时", "record training hours"));
        TrainingRequirement requirement = requirementOf(nomination);
        LocalDate start = SelectedNominations.day(SelectedNominations.selectedAt(records, nomination));
        checkAgainstRequirement(record, requirement, start, lastDay(start, requirement),
                SelectedNominations.day(runtime.now()));

        TrainingHoursEntity row = new TrainingHoursEntity();
        row.setId(UUID.randomUUID().toString());
        row.setNominationId(record.nominationId());
        row.setSource(record.source());
        row.setExternalRecordId(record.externalRecordId());
        row.setCategoryCode(record.categoryCode());
        // Stored and answered as numeric(6, 2): a re-send reads back exactly what the first send got.
        row.setHours(record.hours().setScale(2));
        row.setDate(record.date());
        row.setDescription(record.description());
        row.setRecordedAt(runtime.now());
        Session session = runtime.persistence().currentSession();
        session.persist(row);
        // Meet the unique key now, inside this command, so a lost race is seen as one (and rolled back quietly).
        try {
            session.flush();
        } catch (RuntimeException e) {
            if (DatabaseErrors.isUniqueViolation(e)) {
                throw new LostRace(record, e);
            }
            throw e;
        }
        return LedgerMapper.INSTANCE.toEntry(row);
    }

    /** The stored row if it says the same; otherwise a refusal naming what differs. */
    private static LedgerEntry sameOrConflict(TrainingHoursEntity stored, HourRecord sent) {
        List<String> differing = new ArrayList<>();
        if (!Objects.equals(stored.getNominationId(), sent.nominationId())) differing.add("nominationId");
        if (!Objects.equals(stored.getCategoryCode(), sent.categoryCode())) differing.add("categoryCode");
        if (stored.getHours().compareTo(sent.hours()) != 0) differing.add("hours");
        if (!Objects.equals(stored.getDate(), sent.date())) differing.add("date");
        if (!Objects.equals(stored.getDescription(), sent.description())) differing.add("description");
        if (differing.isEmpty()) {
            return LedgerMapper.INSTANCE.toEntry(stored);
        }
        String fields = String.join(", ", differing);
        throw new InvalidRequestException("conflicting-hour-record", new LocalizedText(
                "来源 “" + sent.source() + "” 的记录 “" + sent.externalRecordId() + "” 已于 " + stored.getRecordedAt()
                        + " 登记，内容不同（" + fields + "）；学时台账只增不改，更正请用新的记录编号",
                "record '" + sent.externalRecordId() + "' from source '" + sent.source() + "' was already stored at "
                        + stored.getRecordedAt() + " with different content (" + fields
                        + "); the ledger is append-only, send a correction under a new record id"));
    }

    /** Checks what needs no database: presence, lengths, hours. Every problem is reported at once. */
    private static void checkFields(HourRecord record) {
        FieldProblems problems = new FieldProblems("invalid-hour-record", new LocalizedText("学时记录", "hour record"));
        problems.required("nominationId", record.nominationId(), 36);
        problems.required("source", record.source(), MAX_SOURCE);
        problems.required("externalRecordId", record.externalRecordId(), MAX_EXTERNAL_ID);
        problems.required("categoryCode", record.categoryCode(), 100);
        if (record.description() != null && record.description().length() > MAX_DESCRIPTION) {
            problems.add("description", "不能超过 " + MAX_DESCRIPTION + " 个字符", "must be at most " + MAX_DESCRIPTION + " characters");
        }
        if (record.date() == null) {
            problems.add("date", "缺少培训日期", "is missing");
        }
        BigDecimal hours = record.hours();
        if (hours == null) {
            problems.add("hours", "缺少学时", "is missing");
        } else if (hours.signum() <= 0 || hours.compareTo(MAX_HOURS_PER_RECORD) > 0) {
            problems.add("hours", "须大于 0 且不超过 24（每条记录），实际为 " + hours.toPlainString(),
                    "must be more than 0 and at most 24 per record, was " + hours.toPlainString());
        } else if (hours.stripTrailingZeros().scale() > 2) {
            problems.add("hours", "最多两位小数，实际为 " + hours.toPlainString(),
                    "may have at most two decimals, was " + hours.toPlainString());
        }
        problems.throwIfAny();
    }

    private static void checkAgainstRequirement(HourRecord record, TrainingRequirement requirement, LocalDate start,
                                                LocalDate end, LocalDate today) {
        FieldProblems problems = new FieldProblems("invalid-hour-record", new LocalizedText("学时记录", "hour record"));
        if (requirement.categories().stream().map(HourCategory::code).noneMatch(record.categoryCode()::equals)) {
            String known = String.join(", ", requirement.categories().stream().map(HourCategory::code).toList());
            problems.add("categoryCode", "未知的学时类别 “" + record.categoryCode() + "”，可用：" + known,
                    "unknown category '" + record.categoryCode() + "'; the requirement has: " + known);
        }
        if (record.date().isBefore(start) || record.date().isAfter(end)) {
            problems.add("date", record.date() + " 不在学时计算期内（" + start + " 至 " + end + "，自入选之日起）",
                    record.date() + " is outside the window in which hours count (" + start + " to " + end
                            + ", from the day of selection)");
        } else if (record.date().isAfter(today)) {
            problems.add("date", record.date() + " 是将来的日期（今天是 " + today + "）",
                    record.date() + " is in the future (today is " + today + ")");
        }
        problems.throwIfAny();
    }

    private TrainingRequirement requirementOf(NominationEntity nomination) {
        ProgramDefinition program = runtime.programs.find(nomination.getProgramCode())
                .orElseThrow(() -> new InvalidRequestException("unknown-program", new LocalizedText(
                        "没有代码为 “" + nomination.getProgramCode() + "” 的培养方案",
                        "no program with the code '" + nomination.getProgramCode() + "'")));
        TierDefinition tier = program.tier(nomination.getTierCode())
                .orElseThrow(() -> new InvalidRequestException("unknown-tier", new LocalizedText(
                        "培养方案 “" + program.code() + "” 中没有人才类别 “" + nomination.getTierCode() + "”",
                        "program '" + program.code() + "' has no tier '" + nomination.getTierCode() + "'")));
        return tier.training().orElseThrow(() -> new InvalidRequestException("no-training-requirement",
                new LocalizedText("人才类别 “" + tier.name().zh() + "” 没有学时要求",
                        "the tier '" + tier.name().en() + "' has no training-hour requirement")));
    }

    /** The last day hours count: the window's end, exclusive of its anniversary. */
    private static LocalDate lastDay(LocalDate start, TrainingRequirement requirement) {
        return start.plus(requirement.window()).minusDays(1);
    }

    private Optional<TrainingHoursEntity> stored(String source, String externalRecordId) {
        return runtime.persistence().currentSession().createSelectionQuery(
                        "from TrainingHoursEntity h where h.source = :source and h.externalRecordId = :externalId",
                        TrainingHoursEntity.class)
                .setParameter("source", source)
                .setParameter("externalId", externalRecordId)
                .uniqueResultOptional();
    }

    private List<TrainingHoursEntity> rows(String nominationId) {
        return runtime.persistence().currentSession().createSelectionQuery(
                        "from TrainingHoursEntity h where h.nominationId = :id order by h.date, h.recordedAt, h.id",
                        TrainingHoursEntity.class)
                .setParameter("id", nominationId)
                .getResultList();
    }

    private NominationRecords records() {
        return new NominationRecords(runtime.persistence());
    }

    /** A twin re-send stored the same (source, record id) first; this transaction rolls back and reads its row. */
    private static final class LostRace extends TierFlowException {
        LostRace(HourRecord record, RuntimeException cause) {
            super("concurrent-hour-record", new LocalizedText(
                    "来源 “" + record.source() + "” 的记录 “" + record.externalRecordId() + "” 正被同时登记",
                    "record '" + record.externalRecordId() + "' from source '" + record.source()
                            + "' is being stored concurrently"), cause);
        }
    }
}
