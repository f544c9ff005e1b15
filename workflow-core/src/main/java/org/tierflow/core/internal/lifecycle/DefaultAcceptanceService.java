package org.tierflow.core.internal.lifecycle;

import static org.tierflow.bpmn.TierFlowBpmn.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;
import org.tierflow.core.api.AcceptanceReview;
import org.tierflow.core.api.AcceptanceRound;
import org.tierflow.core.api.AcceptanceService;
import org.tierflow.core.api.DeadlineKind;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.LifecyclePhase;
import org.tierflow.core.api.LifecycleStatus;
import org.tierflow.core.api.NotFoundException;
import org.tierflow.core.api.OrganisationUnit;
import org.tierflow.core.api.program.AcceptanceDefinition;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.ReviewAction;
import org.tierflow.core.api.program.ReviewChain;
import org.tierflow.core.api.program.ReviewStep;
import org.tierflow.core.api.program.TierDefinition;
import org.tierflow.core.internal.persistence.AcceptanceReviewEntity;
import org.tierflow.core.internal.persistence.AcceptanceRoundEntity;
import org.tierflow.core.internal.persistence.JsonCodec;
import org.tierflow.core.internal.persistence.LifecycleEntity;
import org.tierflow.core.internal.persistence.NominationEntity;
import org.tierflow.core.spi.NotificationKind;

/** {@link AcceptanceService} on the acceptance model and TierFlow's tables. */
final class DefaultAcceptanceService implements AcceptanceService {

    private static final int MAX_REPORT = 20000;
    private static final int MAX_COMMENT = 2000;
    private static final BigDecimal MAX_SCORE = BigDecimal.valueOf(100);

    private final LifecycleSupport support;
    private final DefaultLifecycleService lifecycles;

    DefaultAcceptanceService(LifecycleSupport support, DefaultLifecycleService lifecycles) {
        this.support = support;
        this.lifecycles = lifecycles;
    }

    @Override
    public List<AcceptanceRound> rounds(String nominationId) {
        return support.runtime.inTransaction(() -> {
            support.nomination(nominationId);
            List<AcceptanceRoundEntity> rounds = roundsOf(nominationId);
            if (rounds.isEmpty()) {
                throw new NotFoundException(new LocalizedText("申报 " + nominationId + " 尚未进入考核验收",
                        "nomination " + nominationId + " has not reached acceptance"));
            }
            return rounds.stream().map(this::toRound).toList();
        });
    }

    @Override
    public AcceptanceRound submitReport(String nominationId, String candidateId, String report) {
        return support.runtime.inTransaction(() -> {
            NominationEntity nomination = support.nomination(nominationId);
            support.requireCandidate(candidateId, nomination, new LocalizedText("提交总结报告", "submit the report"));
            Task task = support.openTask(nominationId, TASK_SUBMIT_ACCEPTANCE_REPORT).orElseThrow(() ->
                    new InvalidRequestException("no-report-due", new LocalizedText(
                            "申报 " + nominationId + " 当前无需提交报告：工作期尚未结束，或报告已提交",
                            "no report is due for nomination " + nominationId
                                    + ": the working period has not ended, or the report was already submitted")));
            if (report == null || report.isBlank()) {
                throw new InvalidRequestException("report-required", new LocalizedText(
                        "report（总结报告）不能为空", "the report must not be blank"));
            }
            if (report.length() > MAX_REPORT) {
                throw new InvalidRequestException("report-too-long", new LocalizedText(
                        "report（总结报告）不能超过 " + MAX_REPORT + " 个字符", "the report must be at most " + MAX_REPORT + " characters"));
            }
            AcceptanceRoundEntity round = round(nominationId, roundOf(task));
            round.setReport(report.strip());
            round.setReportSubmittedAt(support.now());
            support.phase(support.lifecycle(nominationId), LifecyclePhase.ACCEPTANCE);
            support.complete(task, Map.of());
            return toRound(round);
        });
    }

    @Override
    public AcceptanceRound review(String nominationId, String actorId, boolean passed, String comment) {
        return support.runtime.inTransaction(() -> {
            Step step = currentStep(nominationId);
            support.authorize(actorId, step.nomination(), step.unit(), step.step().action(), new LocalizedText("审核验收", "review the acceptance"));
            if (step.step().action() == ReviewAction.DECIDE) {
                throw new InvalidRequestException("accepting-step", new LocalizedText(
                        "“" + step.step().name().zh() + "”是作出验收结论的环节，请使用 decide 评分并作出结论",
                        "'" + step.step().name().en() + "' is the accepting step; score and decide it with decide"));
            }
            String text = comment(comment);
            appendReview(step, actorId, passed, null, text);
            if (passed) {
                support.complete(step.task(), Map.of(VAR_ACCEPTANCE_DECIDED, false, VAR_ACCEPTANCE_STEP_INDEX, step.index() + 1));
                return toRound(round(nominationId, step.round()));
            }
            return conclude(step, actorId, null, false, text);
        });
    }

    @Override
    public AcceptanceRound scheduleOnSite(String nominationId, String actorId, LocalDate date, List<String> expertTeam) {
        return support.runtime.inTransaction(() -> {
            Step step = acceptingStep(nominationId, actorId, new LocalizedText("安排现场验收", "schedule the on-site acceptance"));
            if (date == null) {
                throw new InvalidRequestException("missing-field", new LocalizedText(
                        "缺少字段 date（现场验收日期）", "the field date (day of the on-site acceptance) is missing"));
            }
            List<String> team = expertTeam == null ? List.of()
                    : expertTeam.stream().filter(e -> e != null && !e.isBlank()).map(String::strip).toList();
            if (team.isEmpty()) {
                throw new InvalidRequestException("expert-team-required", new LocalizedText(
                        "expertTeam（专家组）至少需要一名专家", "the expertTeam needs at least one expert"));
            }
            AcceptanceRoundEntity round = round(nominationId, step.round());
            round.setOnSiteDate(date);
            round.setExpertTeamJson(JsonCodec.write(team));
            round.setOnSiteScheduledBy(actorId);
            round.setOnSiteScheduledAt(support.now());
            return toRound(round);
        });
    }

    @Override
    public AcceptanceRound decide(String nominationId, String actorId, BigDecimal score, boolean passed, String comment) {
        return support.runtime.inTransaction(() -> {
            Step step = acceptingStep(nominationId, actorId, new LocalizedText("作出验收结论", "decide the acceptance"));
            if (score == null || score.signum() < 0 || score.compareTo(MAX_SCORE) > 0) {
                throw new InvalidRequestException("invalid-score", new LocalizedText(
                        "score（验收得分）必须在 0 到 100 之间，实际为 " + score,
                        "the score must be between 0 and 100, got " + score));
            }
            AcceptanceRoundEntity round = round(nominationId, step.round());
            if (step.acceptance().onSite() && round.getOnSiteDate() == null) {
                throw new InvalidRequestException("on-site-not-scheduled", new LocalizedText(
                        "该类别原则上现场验收：请先安排现场验收（日期和专家组），再评分并作出结论",
                        "this tier is accepted on site in principle: schedule the on-site acceptance (date and expert"
                                + " team) before scoring and deciding"));
            }
            String text = comment(comment);
            appendReview(step, actorId, passed, score, text);
            return conclude(step, actorId, score, passed, text);
        });
    }

    @Override
    public LifecycleStatus moveWorkingPeriodEnd(String nominationId, String actorId, Instant newEnd, String reason) {
        LocalizedText what = new LocalizedText("调整工作期结束时间", "move the end of the working period");
        String why = LifecycleSupport.reason(reason, what);
        if (newEnd == null) {
            throw new InvalidRequestException("missing-field", new LocalizedText(
                    "缺少字段 newEnd（新的工作期结束时间）", "the field newEnd is missing"));
        }
        return support.runtime.inTransaction(() -> {
            NominationEntity nomination = support.nomination(nominationId);
            TierDefinition tier = support.tier(nomination);
            OrganisationUnit unit = support.unitAt(nomination, support.periodAuthority(nomination, tier));
            support.authorize(actorId, nomination, unit, ReviewAction.DECIDE, what);
            List<ProcessInstance> waiting = new ArrayList<>();
            for (String key : List.of(IMPLEMENTATION_PROCESS, ACCEPTANCE_PROCESS)) {
                support.running(nominationId, key).stream()
                        .filter(instance -> !support.timersOn(instance, VAR_WORKING_PERIOD_ENDS_AT).isEmpty())
                        .forEach(waiting::add);
            }
            if (waiting.isEmpty()) {
                throw new InvalidRequestException("no-running-period", new LocalizedText(
                        "申报 " + nominationId + " 当前没有进行中的工作期（实施期或延长期）",
                        "nomination " + nominationId + " has no working period running (implementation or extension)"));
            }
            DefaultTaskBookService.requireFuture(newEnd, support.now());
            LifecycleEntity lifecycle = support.lifecycle(nominationId);
            DefaultTaskBookService.record(nominationId, DeadlineKind.WORKING_PERIOD_END, lifecycle.getWorkingPeriodEndsAt(),
                    newEnd, why, actorId, support);
            lifecycle.setWorkingPeriodEndsAt(newEnd);
            lifecycle.setUpdatedAt(support.now());
            waiting.forEach(instance -> support.moveTimers(instance, VAR_WORKING_PERIOD_ENDS_AT, newEnd));
            return lifecycles.toStatus(lifecycle, tier);
        });
    }

    // ------------------------------------------------------------------------------------------ the round's outcome

    /** Ends the round: records the outcome, tells the candidate, and lets the model go on. */
    private AcceptanceRound conclude(Step step, String actorId, BigDecimal score, boolean passed, String comment) {
        String nominationId = step.nomination().getId();
        AcceptanceRoundEntity round = round(nominationId, step.round());
        round.setScore(score);
        round.setPassed(passed);
        round.setDecidedBy(actorId);
        round.setDecidedUnitId(step.unit().id());
        round.setDecidedAt(support.now());
        round.setDecisionComment(comment);
        LifecycleEntity lifecycle = support.lifecycle(nominationId);
        TierDefinition tier = support.tier(step.nomination());
        boolean extensionAvailable = !passed && lifecycle.getExtensionsUsed() < step.acceptance().maxExtensions();
        if (passed) {
            lifecycle.setAcceptancePassed(true);
            support.phase(lifecycle, tier.evaluation().isPresent() ? LifecyclePhase.EVALUATION
                    : tier.credential().isPresent() ? LifecyclePhase.AWAITING_CREDENTIAL : LifecyclePhase.COMPLETED);
            tellCandidate(step.nomination(), new LocalizedText("考核验收通过", "Acceptance passed"),
                    new LocalizedText("您的考核验收（第 " + step.round() + " 轮）已通过。",
                            "Your acceptance (round " + step.round() + ") passed."));
        } else if (!extensionAvailable) {
            lifecycle.setAcceptancePassed(false);
            support.phase(lifecycle, LifecyclePhase.ENDED_WITHOUT_CREDENTIAL);
            tellCandidate(step.nomination(), new LocalizedText("考核验收未通过", "Acceptance failed"),
                    new LocalizedText("您的考核验收（第 " + step.round() + " 轮）未通过，已无延期整改机会，不予认定。",
                            "Your acceptance (round " + step.round() + ") did not pass and no extension is left;"
                                    + " you will not be recognised."));
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_ACCEPTANCE_DECIDED, true);
        variables.put(VAR_ACCEPTANCE_PASSED, passed);
        variables.put(VAR_EXTENSION_AVAILABLE, extensionAvailable);
        support.complete(step.task(), variables);
        return toRound(round);
    }

    private void tellCandidate(NominationEntity nomination, LocalizedText subject, LocalizedText body) {
        support.notify(List.of(nomination.getApplicantId()), NotificationKind.ACCEPTANCE_DECIDED, nomination, subject, body);
    }

    // ------------------------------------------------------------------------------------------ the current step

    private record Step(NominationEntity nomination, AcceptanceDefinition acceptance, Task task, int round, int index,
                        ReviewStep step, OrganisationUnit unit) {
    }

    private Step currentStep(String nominationId) {
        NominationEntity nomination = support.nomination(nominationId);
        Task task = support.openTask(nominationId, TASK_REVIEW_ACCEPTANCE).orElseThrow(() -> new InvalidRequestException(
                "no-acceptance-review", new LocalizedText(
                "申报 " + nominationId + " 当前没有等待办理的验收环节",
                "no acceptance step of nomination " + nominationId + " is waiting")));
        AcceptanceDefinition acceptance = support.tier(nomination).acceptance().orElseThrow();
        ReviewChain chain = support.acceptanceChain(nomination, acceptance);
        int index = ((Number) task.getProcessVariables().get(VAR_ACCEPTANCE_STEP_INDEX)).intValue();
        ReviewStep step = chain.steps().get(index);
        return new Step(nomination, acceptance, task, roundOf(task), index, step, support.unitAt(nomination, step.level()));
    }

    private Step acceptingStep(String nominationId, String actorId, LocalizedText what) {
        Step step = currentStep(nominationId);
        support.authorize(actorId, step.nomination(), step.unit(), step.step().action(), what);
        if (step.step().action() != ReviewAction.DECIDE) {
            throw new InvalidRequestException("not-accepting-step", new LocalizedText(
                    "验收当前在“" + step.step().name().zh() + "”环节，尚未到作出验收结论的层级",
                    "the acceptance is at '" + step.step().name().en() + "', not yet at the accepting level"));
        }
        return step;
    }

    private void appendReview(Step step, String actorId, boolean passed, BigDecimal score, String comment) {
        AcceptanceReviewEntity review = new AcceptanceReviewEntity();
        review.setId(UUID.randomUUID().toString());
        review.setNominationId(step.nomination().getId());
        review.setRoundNo(step.round());
        review.setStepIndex(step.index());
        review.setLevel(step.step().level());
        review.setUnitId(step.unit().id());
        review.setActorId(actorId);
        review.setPassed(passed);
        review.setScore(score);
        review.setComment(comment);
        review.setDecidedAt(support.now());
        support.session().persist(review);
    }

    private static String comment(String comment) {
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new InvalidRequestException("comment-too-long", new LocalizedText(
                    "comment（意见）不能超过 " + MAX_COMMENT + " 个字符", "the comment must be at most " + MAX_COMMENT + " characters"));
        }
        return comment == null || comment.isBlank() ? null : comment.strip();
    }

    private static int roundOf(Task task) {
        return ((Number) task.getProcessVariables().get(VAR_ACCEPTANCE_ROUND)).intValue();
    }

    // ------------------------------------------------------------------------------------------ records

    private List<AcceptanceRoundEntity> roundsOf(String nominationId) {
        return support.session().createSelectionQuery(
                        "from AcceptanceRoundEntity r where r.nominationId = :id order by r.roundNo", AcceptanceRoundEntity.class)
                .setParameter("id", nominationId).getResultList();
    }

    private AcceptanceRoundEntity round(String nominationId, int round) {
        return support.session().createSelectionQuery(
                        "from AcceptanceRoundEntity r where r.nominationId = :id and r.roundNo = :round", AcceptanceRoundEntity.class)
                .setParameter("id", nominationId).setParameter("round", round).getSingleResult();
    }

    private AcceptanceRound toRound(AcceptanceRoundEntity round) {
        // The session runs on the engine's connection outside a Hibernate transaction, so it does not flush by itself
        // before a query: flush so that the review recorded in this call is listed.
        support.session().flush();
        List<AcceptanceReview> reviews = support.session().createSelectionQuery(
                        "from AcceptanceReviewEntity r where r.nominationId = :id and r.roundNo = :round"
                                + " order by r.decidedAt, r.stepIndex", AcceptanceReviewEntity.class)
                .setParameter("id", round.getNominationId()).setParameter("round", round.getRoundNo()).getResultList()
                .stream().map(r -> new AcceptanceReview(r.getStepIndex(), r.getLevel(), r.getUnitId(), r.getActorId(),
                        r.getPassed(), r.getScore(), r.getComment(), r.getDecidedAt())).toList();
        List<String> team = round.getExpertTeamJson() == null ? List.of() : JsonCodec.readList(round.getExpertTeamJson());
        return new AcceptanceRound(round.getRoundNo(), round.getOpenedAt(), round.getReport(), round.getReportSubmittedAt(),
                round.getOnSiteDate(), team, round.getScore(), round.getPassed(), round.getDecidedBy(), round.getDecidedAt(),
                reviews);
    }
}
