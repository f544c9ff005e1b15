package org.tierflow.core.internal.panel;

import static org.tierflow.bpmn.TierFlowBpmn.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.flowable.task.api.Task;
import org.hibernate.Session;
import org.tierflow.core.api.CriterionScore;
import org.tierflow.core.api.ExpertScore;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NotAuthorizedException;
import org.tierflow.core.api.NotFoundException;
import org.tierflow.core.api.PanelResult;
import org.tierflow.core.api.PanelService;
import org.tierflow.core.api.PanelTask;
import org.tierflow.core.api.ScoreSheet;
import org.tierflow.core.api.program.ExpertPanel;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.api.program.PanelQuorum;
import org.tierflow.core.api.program.ReviewStep;
import org.tierflow.core.api.program.RubricCriterion;
import org.tierflow.core.api.program.ScoreAggregation;
import org.tierflow.core.internal.panel.PanelAssignmentEntity.Status;
import org.tierflow.core.spi.ApproverQuery;
import org.tierflow.core.spi.ExpertQuery;

/**
 * {@link PanelService} on the engine: each call is one engine command, so one transaction. Blind scoring is
 * enforced here: the sheets of a panel are shown to one of its experts only after that expert's own submission.
 */
public final class DefaultPanelService implements PanelService {

    private final PanelContext context;
    private final PanelEngine engine;

    public DefaultPanelService(PanelContext context, PanelEngine engine) {
        this.context = context;
        this.engine = engine;
    }

    @Override
    public List<PanelTask> inbox(String expertId) {
        Objects.requireNonNull(expertId, "expertId");
        return context.transactions().inTransaction(() -> context.engine().get().getTaskService().createTaskQuery()
                .processDefinitionKey(LEVEL_REVIEW_PROCESS)
                .taskDefinitionKey(TASK_SCORE_NOMINATION)
                .taskAssignee(expertId)
                .includeProcessVariables()
                .orderByTaskCreateTime().asc()
                .orderByTaskId().asc()
                .list().stream()
                .map(this::toPanelTask)
                .toList());
    }

    @Override
    public List<ExpertScore> done(String expertId) {
        Objects.requireNonNull(expertId, "expertId");
        return context.transactions().inTransaction(() -> session().createSelectionQuery(
                        "from PanelSubmissionEntity s where s.expertId = :expert order by s.submittedAt desc, s.id",
                        PanelSubmissionEntity.class)
                .setParameter("expert", expertId)
                .getResultList().stream()
                .map(this::toExpertScore)
                .toList());
    }

    @Override
    public ExpertScore submit(String taskId, String expertId, ScoreSheet sheet) {
        Objects.requireNonNull(sheet, "sheet");
        return context.transactions().inTransaction(() -> {
            Task task = taskId == null ? null : context.engine().get().getTaskService().createTaskQuery()
                    .taskId(taskId)
                    .taskDefinitionKey(TASK_SCORE_NOMINATION)
                    .includeProcessVariables()
                    .singleResult();
            if (task == null) {
                throw new NotFoundException(new LocalizedText(
                        "评分任务 " + taskId + " 不存在，或专家组已作出决定",
                        "scoring task " + taskId + " does not exist, or its panel has already decided"));
            }
            Map<String, Object> v = task.getProcessVariables();
            if (expertId == null || !expertId.equals(task.getAssignee())) {
                throw new NotAuthorizedException(new LocalizedText(
                        "评分任务 " + taskId + " 没有分配给 " + expertId + "，只有被分配的专家可以提交评分",
                        "scoring task " + taskId + " is not assigned to " + expertId
                                + "; only the expert it was assigned to may submit scores"));
            }
            String nominationId = (String) v.get(VAR_NOMINATION_ID);
            int stepIndex = ((Number) v.get(VAR_STEP_INDEX)).intValue();
            Nomination nomination = context.nominations().get(nominationId);
            ReviewStep step = engine.step(nomination, stepIndex);
            ExpertPanel panel = step.panel().orElseThrow();
            String reviewUnitId = (String) v.get(VAR_REVIEW_UNIT_ID);
            ExpertQuery query = new ExpertQuery(nomination.programCode(), nomination.tierCode(), reviewUnitId,
                    step.level(), stepIndex);
            if (context.experts() == null || !context.experts().isExpert(expertId, query)) {
                throw new NotAuthorizedException(new LocalizedText(
                        "专家库中 " + expertId + " 已不是单位 " + reviewUnitId + "（" + step.level().label().zh()
                                + "级）的评审专家，不能提交评分",
                        "the expert directory no longer lists " + expertId + " as an expert of unit " + reviewUnitId
                                + " (" + step.level().label().en() + " level); they cannot submit scores"));
            }
            Map<String, BigDecimal> scores = validate(panel.rubric(), sheet);
            String run = task.getProcessInstanceId();
            PanelAssignmentEntity assignment = session().createSelectionQuery(
                            "from PanelAssignmentEntity a where a.panelRunId = :run and a.expertId = :expert",
                            PanelAssignmentEntity.class)
                    .setParameter("run", run).setParameter("expert", expertId)
                    .getSingleResult();

            PanelSubmissionEntity submission = new PanelSubmissionEntity();
            submission.setId(UUID.randomUUID().toString());
            submission.setAssignmentId(assignment.getId());
            submission.setPanelRunId(run);
            submission.setNominationId(nominationId);
            submission.setStepIndex(stepIndex);
            submission.setSeq(engine.submissions(run).size() + 1);
            submission.setExpertId(expertId);
            submission.setTotal(Scoring.total(panel.rubric(), scores));
            submission.setRecommend(sheet.recommend());
            submission.setComment(sheet.comment());
            submission.setSubmittedAt(context.clock().get());
            session().persist(submission);
            int seq = 0;
            for (RubricCriterion criterion : panel.rubric()) {
                PanelCriterionScoreEntity row = new PanelCriterionScoreEntity();
                row.setId(UUID.randomUUID().toString());
                row.setSubmissionId(submission.getId());
                row.setSeq(++seq);
                row.setCriterionCode(criterion.code());
                row.setScore(scores.get(criterion.code()));
                session().persist(row);
            }
            assignment.setStatus(Status.SUBMITTED);
            assignment.setEndedAt(context.clock().get());
            // The quorum bean queries the sheets while the task completes: the session does not flush by itself
            // before queries here (the engine owns the transaction), so it must see this sheet now.
            session().flush();
            // Completing the instance evaluates the quorum; when it has decided, the others' tasks are cancelled.
            context.engine().get().getTaskService().complete(taskId);
            return toExpertScore(submission);
        });
    }

    /** Criterion code → score (null: N/A), every criterion once; every problem of the sheet in one refusal. */
    private static Map<String, BigDecimal> validate(List<RubricCriterion> rubric, ScoreSheet sheet) {
        Map<String, RubricCriterion> byCode = new LinkedHashMap<>();
        rubric.forEach(c -> byCode.put(c.code(), c));
        Map<String, BigDecimal> scores = new HashMap<>();
        List<LocalizedText> problems = new ArrayList<>();
        for (CriterionScore given : sheet.criteria()) {
            RubricCriterion criterion = byCode.get(given.code());
            if (criterion == null) {
                problems.add(new LocalizedText("评分标准中没有指标 “" + given.code() + "”",
                        "the rubric has no criterion '" + given.code() + "'"));
            } else if (scores.containsKey(given.code())) {
                problems.add(new LocalizedText("指标 “" + given.code() + "” 评了两次",
                        "criterion '" + given.code() + "' is scored twice"));
            } else {
                BigDecimal score = given.score();
                if (score != null && (score.signum() < 0 || score.compareTo(criterion.maxScore()) > 0)) {
                    problems.add(new LocalizedText(
                            "指标 “" + given.code() + "” 的分数必须在 0 到 " + criterion.maxScore().toPlainString()
                                    + " 之间，实际为 " + score.toPlainString(),
                            "the score of criterion '" + given.code() + "' must be between 0 and "
                                    + criterion.maxScore().toPlainString() + ", got " + score.toPlainString()));
                }
                scores.put(given.code(), score);
            }
        }
        List<String> missing = byCode.keySet().stream().filter(code -> !scores.containsKey(code)).toList();
        if (!missing.isEmpty()) {
            problems.add(new LocalizedText(
                    "缺少指标 " + String.join("、", missing) + " 的评分：每个指标都要评分或标为不适用（N/A）",
                    "criteria " + String.join(", ", missing) + " are neither scored nor marked not applicable (N/A)"));
        }
        if (problems.isEmpty() && scores.values().stream().allMatch(Objects::isNull)) {
            problems.add(new LocalizedText("所有指标都标为不适用（N/A），至少要为一个指标评分",
                    "every criterion is marked not applicable (N/A); score at least one"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("invalid-score-sheet", new LocalizedText(
                    "评分表无效：" + String.join("；", problems.stream().map(LocalizedText::zh).toList()),
                    "invalid score sheet: " + String.join("; ", problems.stream().map(LocalizedText::en).toList())));
        }
        return scores;
    }

    @Override
    public List<ExpertScore> scores(String nominationId, String userId) {
        return context.transactions().inTransaction(() -> {
            String run = readableRun(nominationId, userId);
            return engine.submissions(run).stream().map(this::toExpertScore).toList();
        });
    }

    @Override
    public Optional<PanelResult> result(String nominationId, String userId) {
        return context.transactions().inTransaction(() -> {
            String run = readableRun(nominationId, userId);
            PanelResultEntity result = session().find(PanelResultEntity.class, run);
            if (result == null) {
                return Optional.<PanelResult>empty();
            }
            return Optional.of(new PanelResult(result.getNominationId(), result.getStepIndex(),
                    quorum(result.getQuorum(), result.getAssigned()), ScoreAggregation.valueOf(result.getAggregation()),
                    result.isRecommended(), result.getScore(), result.getAssigned(), result.getSubmitted(),
                    result.getRecommending(), result.getDecidedAt()));
        });
    }

    /**
     * The nomination's latest panel run, if this user may read it: an approver of the panel's level always; one
     * of its experts only after submitting their own sheet.
     */
    private String readableRun(String nominationId, String userId) {
        List<PanelAssignmentEntity> latest = session().createSelectionQuery(
                        "from PanelAssignmentEntity a where a.nominationId = :id order by a.runNo desc",
                        PanelAssignmentEntity.class)
                .setParameter("id", nominationId)
                .setMaxResults(1)
                .getResultList();
        if (latest.isEmpty()) {
            throw new NotFoundException(new LocalizedText(
                    "申报 " + nominationId + " 没有经过专家评审", "nomination " + nominationId + " has had no expert panel"));
        }
        PanelAssignmentEntity any = latest.get(0);
        String run = any.getPanelRunId();
        Optional<PanelAssignmentEntity> own = session().createSelectionQuery(
                        "from PanelAssignmentEntity a where a.panelRunId = :run and a.expertId = :user",
                        PanelAssignmentEntity.class)
                .setParameter("run", run).setParameter("user", userId)
                .getResultStream().findFirst();
        if (own.isPresent()) {
            if (own.get().getStatus() == Status.SUBMITTED) {
                return run;
            }
            throw new NotAuthorizedException(new LocalizedText(
                    "专家评审是背对背的：" + userId + " 尚未提交自己的评分，不能查看其他专家的评分",
                    "scoring is blind: " + userId + " has not submitted their own scores, so they may not see the"
                            + " other experts' scores"));
        }
        if (userId != null && isApprover(any, userId)) {
            return run;
        }
        throw new NotAuthorizedException(new LocalizedText(
                "用户 " + userId + " 既不是该专家组的专家，也不是单位 " + any.getReviewUnitId() + " 的审核人，不能查看专家评分",
                "user " + userId + " is neither an expert of this panel nor an approver of unit " + any.getReviewUnitId()
                        + "; they may not see the panel's scores"));
    }

    private boolean isApprover(PanelAssignmentEntity assignment, String userId) {
        Nomination nomination = context.nominations().get(assignment.getNominationId());
        ReviewStep step = engine.step(nomination, assignment.getStepIndex());
        return context.approvers().mayAct(userId, new ApproverQuery(assignment.getProgramCode(),
                assignment.getTierCode(), assignment.getReviewUnitId(),
                OrganisationLevel.valueOf(assignment.getReviewLevel()), step.action()));
    }

    private static PanelQuorum quorum(String written, int experts) {
        if ("ALL".equals(written)) {
            return PanelQuorum.all(experts);
        }
        if ("ANY".equals(written)) {
            return PanelQuorum.any();
        }
        return PanelQuorum.ratio(Integer.parseInt(written.substring(0, written.indexOf(' '))));
    }

    private PanelTask toPanelTask(Task task) {
        Map<String, Object> v = task.getProcessVariables();
        Nomination nomination = context.nominations().get((String) v.get(VAR_NOMINATION_ID));
        int stepIndex = ((Number) v.get(VAR_STEP_INDEX)).intValue();
        ReviewStep step = engine.step(nomination, stepIndex);
        return new PanelTask(task.getId(), nomination.id(), nomination.programCode(), nomination.tierCode(), stepIndex,
                step.level(), (String) v.get(VAR_REVIEW_UNIT_ID), step.name(),
                step.panel().map(ExpertPanel::rubric).orElse(List.of()), task.getCreateTime().toInstant());
    }

    private ExpertScore toExpertScore(PanelSubmissionEntity submission) {
        List<CriterionScore> criteria = session().createSelectionQuery(
                        "from PanelCriterionScoreEntity c where c.submissionId = :id order by c.seq",
                        PanelCriterionScoreEntity.class)
                .setParameter("id", submission.getId())
                .getResultList().stream()
                .map(c -> new CriterionScore(c.getCriterionCode(), c.getScore()))
                .toList();
        return new ExpertScore(submission.getNominationId(), submission.getStepIndex(), submission.getExpertId(),
                criteria, submission.getTotal(), submission.isRecommend(), submission.getComment(),
                submission.getSubmittedAt());
    }

    private Session session() {
        return context.session().get();
    }
}
