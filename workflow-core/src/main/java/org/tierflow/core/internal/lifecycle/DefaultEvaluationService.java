package org.tierflow.core.internal.lifecycle;

import static org.tierflow.bpmn.TierFlowBpmn.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.flowable.task.api.Task;
import org.tierflow.core.api.Evaluation;
import org.tierflow.core.api.EvaluationService;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.LifecyclePhase;
import org.tierflow.core.api.NotAuthorizedException;
import org.tierflow.core.api.NotFoundException;
import org.tierflow.core.api.OrganisationUnit;
import org.tierflow.core.api.program.EvaluationDefinition;
import org.tierflow.core.api.program.EvaluationParty;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.ReviewAction;
import org.tierflow.core.api.program.RubricCriterion;
import org.tierflow.core.api.program.TierDefinition;
import org.tierflow.core.internal.persistence.EvaluationScoreEntity;
import org.tierflow.core.internal.persistence.JsonCodec;
import org.tierflow.core.internal.persistence.LifecycleEntity;
import org.tierflow.core.internal.persistence.NominationEntity;
import org.tierflow.core.spi.ApproverQuery;

/** {@link EvaluationService} on the evaluation model and TierFlow's tables. */
final class DefaultEvaluationService implements EvaluationService {

    /** The party the candidate scores for themselves (个人自评). */
    static final String SELF = "self";

    private static final int SCALE = 4;

    private final LifecycleSupport support;

    DefaultEvaluationService(LifecycleSupport support) {
        this.support = support;
    }

    @Override
    public Evaluation score(String nominationId, String partyCode, String scorerId, Map<String, BigDecimal> scores) {
        return support.runtime.inTransaction(() -> {
            NominationEntity nomination = support.nomination(nominationId);
            TierDefinition tier = support.tier(nomination);
            EvaluationDefinition definition = definition(nominationId, tier);
            EvaluationParty party = definition.parties().stream().filter(p -> p.code().equals(partyCode)).findFirst()
                    .orElseThrow(() -> new InvalidRequestException("unknown-party", new LocalizedText(
                            "“" + partyCode + "”不是该类别综合考评的评价方；评价方为："
                                    + definition.parties().stream().map(EvaluationParty::code).collect(Collectors.joining("、")),
                            "'" + partyCode + "' is not a party of this tier's evaluation; the parties are: "
                                    + definition.parties().stream().map(EvaluationParty::code).collect(Collectors.joining(", ")))));
            authorize(nomination, party, scorerId);
            Task task = support.openTask(nominationId, TASK_COLLECT_EVALUATION_SCORES).orElseThrow(() ->
                    new InvalidRequestException("evaluation-not-open", new LocalizedText(
                            "申报 " + nominationId + " 的综合考评尚未开始或已结束",
                            "the evaluation of nomination " + nominationId + " is not open (not started, or already concluded)")));
            List<EvaluationScoreEntity> sheets = sheets(nominationId);
            if (sheets.stream().anyMatch(s -> s.getPartyCode().equals(partyCode))) {
                throw new InvalidRequestException("already-scored", new LocalizedText(
                        "评价方 “" + party.name().zh() + "” 已评分，评分不可修改",
                        "the party '" + party.name().en() + "' has already scored; scores are never rewritten"));
            }
            Map<String, BigDecimal> valid = validScores(definition, scores);
            EvaluationScoreEntity sheet = new EvaluationScoreEntity();
            sheet.setId(UUID.randomUUID().toString());
            sheet.setNominationId(nominationId);
            sheet.setPartyCode(partyCode);
            sheet.setScorerId(scorerId);
            Map<String, String> stored = new LinkedHashMap<>();
            valid.forEach((code, value) -> stored.put(code, value.toPlainString()));
            sheet.setScoresJson(JsonCodec.write(stored));
            sheet.setPartyScore(weighted(definition, valid));
            sheet.setScoredAt(support.now());
            support.session().persist(sheet);
            sheets = new ArrayList<>(sheets);
            sheets.add(sheet);

            Evaluation evaluation = toEvaluation(nominationId, definition, sheets);
            if (evaluation.total() != null) {
                LifecycleEntity lifecycle = support.lifecycle(nominationId);
                lifecycle.setEvaluationScore(evaluation.total());
                lifecycle.setEvaluationQualified(evaluation.qualified());
                support.phase(lifecycle, !evaluation.qualified() ? LifecyclePhase.ENDED_WITHOUT_CREDENTIAL
                        : tier.credential().isPresent() ? LifecyclePhase.AWAITING_CREDENTIAL : LifecyclePhase.COMPLETED);
                Map<String, Object> variables = new HashMap<>();
                variables.put(VAR_EVALUATION_QUALIFIED, evaluation.qualified());
                support.complete(task, variables);
            }
            return evaluation;
        });
    }

    @Override
    public Evaluation get(String nominationId) {
        return support.runtime.inTransaction(() -> {
            NominationEntity nomination = support.nomination(nominationId);
            EvaluationDefinition definition = definition(nominationId, support.tier(nomination));
            return toEvaluation(nominationId, definition, sheets(nominationId));
        });
    }

    private void authorize(NominationEntity nomination, EvaluationParty party, String scorerId) {
        LocalizedText what = new LocalizedText("代表“" + party.name().zh() + "”评分", "score for '" + party.name().en() + "'");
        if (SELF.equals(party.code())) {
            support.requireCandidate(scorerId, nomination, what);
            return;
        }
        if (scorerId == null || scorerId.isBlank() || scorerId.equals(nomination.getApplicantId())) {
            throw new NotAuthorizedException(new LocalizedText("候选人只能进行个人自评，不能" + what.zh(),
                    "the candidate may only score for themselves (self), not " + what.en()));
        }
        for (OrganisationUnit unit : support.runtime.organisations.pathToRoot(nomination.getUnitId())) {
            if (support.runtime.approvers.mayAct(scorerId, new ApproverQuery(nomination.getProgramCode(),
                    nomination.getTierCode(), unit.id(), unit.level(), ReviewAction.REVIEW))) {
                return;
            }
        }
        throw new NotAuthorizedException(new LocalizedText(
                "用户 " + scorerId + " 无权" + what.zh() + "：用户目录中，他不能代表候选人所在单位或其上级单位参与评审",
                "user " + scorerId + " may not " + what.en() + ": the directory does not let them review for the"
                        + " candidate's unit or any unit above it"));
    }

    private static Map<String, BigDecimal> validScores(EvaluationDefinition definition, Map<String, BigDecimal> scores) {
        Map<String, BigDecimal> given = scores == null ? Map.of() : scores;
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        Map<String, BigDecimal> valid = new LinkedHashMap<>();
        for (RubricCriterion criterion : definition.criteria()) {
            BigDecimal value = given.get(criterion.code());
            if (value == null) {
                zh.add("缺少“" + criterion.code() + "”（" + criterion.name().zh() + "）的评分");
                en.add("no score for '" + criterion.code() + "' (" + criterion.name().en() + ")");
            } else if (value.signum() < 0 || value.compareTo(criterion.maxScore()) > 0) {
                zh.add("“" + criterion.code() + "”的评分 " + value.toPlainString() + " 不在 0 到 " + criterion.maxScore().toPlainString() + " 之间");
                en.add("the score " + value.toPlainString() + " for '" + criterion.code() + "' is not between 0 and "
                        + criterion.maxScore().toPlainString());
            } else {
                valid.put(criterion.code(), value);
            }
        }
        for (String code : given.keySet()) {
            if (definition.criteria().stream().noneMatch(c -> c.code().equals(code))) {
                zh.add("“" + code + "”不是考评指标");
                en.add("'" + code + "' is not a criterion");
            }
        }
        if (!zh.isEmpty()) {
            String codes = definition.criteria().stream().map(RubricCriterion::code).collect(Collectors.joining(", "));
            throw new InvalidRequestException("invalid-scores", new LocalizedText(
                    String.join("；", zh) + "。考评指标：" + codes, String.join("; ", en) + ". The criteria are: " + codes));
        }
        return valid;
    }

    private static BigDecimal weighted(EvaluationDefinition definition, Map<String, BigDecimal> scores) {
        BigDecimal sum = BigDecimal.ZERO;
        for (RubricCriterion criterion : definition.criteria()) {
            sum = sum.add(criterion.weight().multiply(scores.get(criterion.code())));
        }
        return sum.setScale(SCALE, RoundingMode.HALF_UP);
    }

    private Evaluation toEvaluation(String nominationId, EvaluationDefinition definition, List<EvaluationScoreEntity> entities) {
        List<Evaluation.Sheet> sheets = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (EvaluationParty party : definition.parties()) {
            Optional<EvaluationScoreEntity> sheet = entities.stream().filter(s -> s.getPartyCode().equals(party.code())).findFirst();
            if (sheet.isEmpty()) {
                missing.add(party.code());
                continue;
            }
            EvaluationScoreEntity s = sheet.get();
            Map<String, BigDecimal> scores = new LinkedHashMap<>();
            JsonCodec.readMap(s.getScoresJson()).forEach((code, value) -> scores.put(code, new BigDecimal(value.toString())));
            sheets.add(new Evaluation.Sheet(party.code(), party.name(), party.weight(), s.getScorerId(), scores,
                    s.getPartyScore(), s.getScoredAt()));
            total = total.add(party.weight().multiply(s.getPartyScore()));
        }
        boolean complete = missing.isEmpty();
        BigDecimal rounded = total.setScale(SCALE, RoundingMode.HALF_UP);
        return new Evaluation(nominationId, definition.passScore(), sheets, missing, complete ? rounded : null,
                complete ? rounded.compareTo(definition.passScore()) >= 0 : null);
    }

    private EvaluationDefinition definition(String nominationId, TierDefinition tier) {
        return tier.evaluation().orElseThrow(() -> new NotFoundException(new LocalizedText(
                "申报 " + nominationId + " 所在的人才类别 “" + tier.name().zh() + "” 没有综合考评",
                "the tier '" + tier.name().en() + "' of nomination " + nominationId + " has no comprehensive evaluation")));
    }

    private List<EvaluationScoreEntity> sheets(String nominationId) {
        return support.session().createSelectionQuery(
                        "from EvaluationScoreEntity s where s.nominationId = :id order by s.scoredAt, s.id", EvaluationScoreEntity.class)
                .setParameter("id", nominationId).getResultList();
    }
}
