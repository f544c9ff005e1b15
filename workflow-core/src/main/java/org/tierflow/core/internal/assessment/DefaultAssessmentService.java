package org.tierflow.core.internal.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.hibernate.Session;
import org.tierflow.core.api.AssessmentRecord;
import org.tierflow.core.api.AssessmentResult;
import org.tierflow.core.api.AssessmentService;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.NominationState;
import org.tierflow.core.api.NotFoundException;
import org.tierflow.core.api.TierFlowException;
import org.tierflow.core.api.program.Assessment;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.TierDefinition;
import org.tierflow.core.internal.engine.TierFlowRuntime;
import org.tierflow.core.internal.persistence.AssessmentResultEntity;
import org.tierflow.core.internal.persistence.AssessmentResults;
import org.tierflow.core.internal.persistence.DatabaseErrors;
import org.tierflow.core.internal.persistence.NominationEntity;
import org.tierflow.core.internal.persistence.NominationRecords;
import org.tierflow.core.internal.request.FieldProblems;

/**
 * {@link AssessmentService} on TierFlow's tables. Idempotency rests on the unique key (source, external id): a
 * re-send that loses a race with its twin fails on that key and is answered from the row the twin stored.
 */
public final class DefaultAssessmentService implements AssessmentService {

    private static final int MAX_SOURCE = 100;
    private static final int MAX_EXTERNAL_ID = 200;
    /** Days are calendar days in China Standard Time, as everywhere in TierFlow. */
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final TierFlowRuntime runtime;

    public DefaultAssessmentService(TierFlowRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public AssessmentResult record(AssessmentRecord record) {
        Objects.requireNonNull(record, "record");
        checkFields(record);
        try {
            return runtime.inTransaction(() -> recordOnce(record));
        } catch (LostRace e) {
            return runtime.inTransaction(() -> results().stored(record.source(), record.externalResultId())
                    .map(stored -> sameOrConflict(stored, record))
                    .orElseThrow(() -> new IllegalStateException(e.getMessage(), e.getCause())));
        }
    }

    @Override
    public List<AssessmentResult> results(String nominationId) {
        return runtime.inTransaction(() -> {
            NominationEntity nomination = find(nominationId);
            TierDefinition tier = tierOf(nomination);
            return results().of(nominationId).stream().map(row -> toResult(row, tier)).toList();
        });
    }

    private AssessmentResult recordOnce(AssessmentRecord record) {
        Optional<AssessmentResultEntity> existing = results().stored(record.source(), record.externalResultId());
        if (existing.isPresent()) {
            return sameOrConflict(existing.get(), record);
        }
        NominationEntity nomination = find(record.nominationId());
        TierDefinition tier = tierOf(nomination);
        if (tier.assessments().isEmpty()) {
            throw new InvalidRequestException("no-assessments", new LocalizedText(
                    "人才类别 “" + tier.name().zh() + "” 没有考核要求", "the tier '" + tier.name().en() + "' has no assessments"));
        }
        if (nomination.getState() != NominationState.IN_REVIEW
                && nomination.getState() != NominationState.RETURNED_FOR_CORRECTION) {
            throw new InvalidRequestException("not-under-review", new LocalizedText(
                    "申报 " + nomination.getId() + " 已不在审核中（当前状态 " + nomination.getState() + "），不能再登记考核成绩",
                    "nomination " + nomination.getId() + " is no longer under review (it is " + nomination.getState()
                            + "); exam results can no longer be recorded"));
        }
        FieldProblems problems = new FieldProblems("invalid-assessment-result", new LocalizedText("考核成绩", "exam result"));
        Optional<Assessment> assessment = tier.assessments().stream()
                .filter(a -> a.code().equals(record.assessmentCode())).findFirst();
        if (assessment.isEmpty()) {
            String known = String.join(", ", tier.assessments().stream().map(Assessment::code).toList());
            problems.add("assessmentCode", "未知的考核 “" + record.assessmentCode() + "”，可用：" + known,
                    "unknown assessment '" + record.assessmentCode() + "'; the tier has: " + known);
        } else if (record.score().compareTo(assessment.get().maxScore()) > 0) {
            problems.add("score", "超过满分 " + assessment.get().maxScore().toPlainString() + "，实际为 "
                            + record.score().toPlainString(),
                    "is above the maximum " + assessment.get().maxScore().toPlainString() + ", was "
                            + record.score().toPlainString());
        }
        LocalDate today = runtime.now().atZone(ZONE).toLocalDate();
        if (record.takenOn().isAfter(today)) {
            problems.add("takenOn", record.takenOn() + " 是将来的日期（今天是 " + today + "）",
                    record.takenOn() + " is in the future (today is " + today + ")");
        }
        problems.throwIfAny();

        // The nomination's lock orders its results (seq), so concurrent results of one candidate never collide.
        Session session = runtime.persistence().currentSession();
        session.lock(nomination, LockModeType.PESSIMISTIC_WRITE);
        AssessmentResultEntity row = new AssessmentResultEntity();
        row.setSeq(results().nextSeq(nomination.getId()));
        row.setId(UUID.randomUUID().toString());
        row.setNominationId(record.nominationId());
        row.setAssessmentCode(record.assessmentCode());
        row.setScore(record.score().setScale(2));
        row.setTakenOn(record.takenOn());
        row.setSource(record.source());
        row.setExternalResultId(record.externalResultId());
        row.setRecordedAt(runtime.now());
        session.persist(row);
        try {
            session.flush();
        } catch (RuntimeException e) {
            if (DatabaseErrors.isUniqueViolation(e)) {
                throw new LostRace(record, e);
            }
            throw e;
        }
        return toResult(row, tier);
    }

    private AssessmentResult sameOrConflict(AssessmentResultEntity stored, AssessmentRecord sent) {
        List<String> differing = new ArrayList<>();
        if (!Objects.equals(stored.getNominationId(), sent.nominationId())) differing.add("nominationId");
        if (!Objects.equals(stored.getAssessmentCode(), sent.assessmentCode())) differing.add("assessmentCode");
        if (stored.getScore().compareTo(sent.score()) != 0) differing.add("score");
        if (!Objects.equals(stored.getTakenOn(), sent.takenOn())) differing.add("takenOn");
        if (differing.isEmpty()) {
            return toResult(stored, tierOf(find(stored.getNominationId())));
        }
        String fields = String.join(", ", differing);
        throw new InvalidRequestException("conflicting-assessment-result", new LocalizedText(
                "来源 “" + sent.source() + "” 的成绩 “" + sent.externalResultId() + "” 已于 " + stored.getRecordedAt()
                        + " 登记，内容不同（" + fields + "）；成绩只增不改，补考或更正请用新的成绩编号",
                "result '" + sent.externalResultId() + "' from source '" + sent.source() + "' was already stored at "
                        + stored.getRecordedAt() + " with different content (" + fields
                        + "); results are append-only, send a retake or correction under a new id"));
    }

    private static void checkFields(AssessmentRecord record) {
        FieldProblems problems = new FieldProblems("invalid-assessment-result", new LocalizedText("考核成绩", "exam result"));
        problems.required("nominationId", record.nominationId(), 36);
        problems.required("assessmentCode", record.assessmentCode(), 100);
        problems.required("source", record.source(), MAX_SOURCE);
        problems.required("externalResultId", record.externalResultId(), MAX_EXTERNAL_ID);
        if (record.takenOn() == null) {
            problems.add("takenOn", "缺少考核日期", "is missing");
        }
        BigDecimal score = record.score();
        if (score == null) {
            problems.add("score", "缺少成绩", "is missing");
        } else if (score.signum() < 0) {
            problems.add("score", "不能为负数，实际为 " + score.toPlainString(), "must not be negative, was " + score.toPlainString());
        } else if (score.stripTrailingZeros().scale() > 2) {
            problems.add("score", "最多两位小数，实际为 " + score.toPlainString(),
                    "may have at most two decimals, was " + score.toPlainString());
        }
        problems.throwIfAny();
    }

    private static AssessmentResult toResult(AssessmentResultEntity row, TierDefinition tier) {
        boolean passed = tier.assessments().stream()
                .filter(a -> a.code().equals(row.getAssessmentCode()))
                .anyMatch(a -> row.getScore().compareTo(a.passMark()) >= 0);
        return new AssessmentResult(row.getId(), row.getNominationId(), row.getAssessmentCode(), row.getScore(), passed,
                row.getTakenOn(), row.getSource(), row.getExternalResultId(), row.getRecordedAt());
    }

    private NominationEntity find(String nominationId) {
        return new NominationRecords(runtime.persistence()).find(nominationId).orElseThrow(() -> new NotFoundException(
                new LocalizedText("找不到申报 " + nominationId, "no nomination " + nominationId)));
    }

    private TierDefinition tierOf(NominationEntity nomination) {
        return runtime.programs.find(nomination.getProgramCode())
                .flatMap(p -> p.tier(nomination.getTierCode()))
                .orElseThrow(() -> new InvalidRequestException("unknown-tier", new LocalizedText(
                        "培养方案 “" + nomination.getProgramCode() + "” 中没有人才类别 “" + nomination.getTierCode() + "”",
                        "program '" + nomination.getProgramCode() + "' has no tier '" + nomination.getTierCode() + "'")));
    }

    private AssessmentResults results() {
        return new AssessmentResults(runtime.persistence().currentSession());
    }

    private static final class LostRace extends TierFlowException {
        LostRace(AssessmentRecord record, RuntimeException cause) {
            super("concurrent-assessment-result", new LocalizedText(
                    "来源 “" + record.source() + "” 的成绩 “" + record.externalResultId() + "” 正被同时登记",
                    "result '" + record.externalResultId() + "' from source '" + record.source()
                            + "' is being stored concurrently"), cause);
        }
    }
}
