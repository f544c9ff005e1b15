package org.tierflow.core.internal.engine;

import static org.tierflow.bpmn.TierFlowBpmn.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.flowable.engine.impl.persistence.entity.ExecutionEntity;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.task.api.Task;
import org.flowable.task.api.TaskQuery;
import org.flowable.variable.api.persistence.entity.VariableInstance;
import org.tierflow.core.api.Decision;
import org.tierflow.core.api.DecisionOutcome;
import org.tierflow.core.api.DecisionVetoedException;
import org.tierflow.core.api.InboxQuery;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationState;
import org.tierflow.core.api.NotAuthorizedException;
import org.tierflow.core.api.NotFoundException;
import org.tierflow.core.api.Page;
import org.tierflow.core.api.ReviewService;
import org.tierflow.core.api.ReviewTask;
import org.tierflow.core.api.TimelineEntryType;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.api.program.ReviewAction;
import org.tierflow.core.api.program.ReviewStep;
import org.tierflow.core.internal.persistence.NominationEntity;
import org.tierflow.core.internal.persistence.RecordMapper;
import org.tierflow.core.internal.selection.QuotaLedger;
import org.tierflow.core.internal.selection.ReviewSteps;
import org.tierflow.core.spi.ApproverQuery;
import org.tierflow.core.spi.DecisionContext;
import org.tierflow.core.spi.DecisionHandler;
import org.tierflow.core.spi.NominationEventType;
import org.tierflow.core.spi.NotificationKind;

/**
 * {@link ReviewService} on the engine. Flowable does not check who completes a task; TierFlow asks the
 * host's approver directory on every call and refuses before anything changes.
 */
public final class DefaultReviewService implements ReviewService, ReviewSteps {

    private static final int MAX_PAGE_SIZE = 500;

    /** The level variables a decision reads: who may act, and where the nomination stands. */
    private static final List<String> DECISION_VARIABLES = List.of(VAR_NOMINATION_ID, VAR_STEP_INDEX,
            VAR_REVIEW_UNIT_ID, VAR_APPLICANT_ID, VAR_APPROVER_SOURCE, VAR_PROGRAM_CODE, VAR_TIER_CODE,
            VAR_APPROVER_UNIT_ID, VAR_APPROVER_LEVEL, VAR_REVIEW_ACTION);

    private final TierFlowRuntime runtime;
    private final Events events;
    private final Notifications notifications;

    public DefaultReviewService(TierFlowRuntime runtime) {
        this.runtime = runtime;
        this.events = new Events(runtime);
        this.notifications = new Notifications(runtime);
    }

    @Override
    public Page<ReviewTask> inbox(String userId, InboxQuery query) {
        if (query.page() < 0 || query.size() < 1 || query.size() > MAX_PAGE_SIZE) {
            throw new InvalidRequestException("invalid-page", new LocalizedText(
                    "分页参数无效：页码从 0 开始，每页 1–" + MAX_PAGE_SIZE + " 条",
                    "invalid paging: page starts at 0, size must be 1–" + MAX_PAGE_SIZE));
        }
        // Served from TierFlow's inbox table alone (ReviewInbox, kept by an engine listener): the page's entries
        // carry what a ReviewTask shows, the total is the approver's count row.
        return runtime.inTransaction(() -> {
            ReviewInbox.InboxPage page = ReviewInbox.page(userId, query);
            return new Page<>(page.items(), query.page(), query.size(), page.total());
        });
    }

    @Override
    public ReviewTask claim(String taskId, String userId) {
        return runtime.inTransaction(() -> {
            Task task = reviewTask(taskId);
            runtime.pendingBatches().refuseIfTaskPending(taskId);
            authorize(task, userId, "claim");
            if (task.getAssignee() != null && !task.getAssignee().equals(userId)) {
                throw new InvalidRequestException("already-claimed", new LocalizedText(
                        "该审核任务已被 " + task.getAssignee() + " 认领", "this review is already claimed by " + task.getAssignee()));
            }
            runtime.engine().getTaskService().claim(taskId, userId);
            record(task, TimelineEntryType.CLAIMED, userId, null, Map.of());
            return toReviewTask(reviewTask(taskId));
        });
    }

    @Override
    public ReviewTask unclaim(String taskId, String userId) {
        return runtime.inTransaction(() -> {
            Task task = reviewTask(taskId);
            if (!userId.equals(task.getAssignee())) {
                throw new NotAuthorizedException(new LocalizedText(
                        "只有认领人可以退回认领；该任务" + (task.getAssignee() == null ? "尚未被认领" : "由 " + task.getAssignee() + " 认领"),
                        "only the approver who claimed it can unclaim it; it is "
                                + (task.getAssignee() == null ? "unclaimed" : "claimed by " + task.getAssignee())));
            }
            runtime.engine().getTaskService().unclaim(taskId);
            record(task, TimelineEntryType.UNCLAIMED, userId, null, Map.of());
            return toReviewTask(reviewTask(taskId));
        });
    }

    @Override
    public Nomination decide(String taskId, String userId, Decision decision) {
        return decide(taskId, userId, decision, true);
    }

    /** A pass on TierFlow's own behalf (waitlist promotion): no approver, recorded as passed automatically. */
    @Override
    public Nomination passAutomatically(String taskId, String comment, Map<String, Object> data) {
        return decide(taskId, null, new Decision(DecisionOutcome.PASS, comment, List.of(), data), false);
    }

    private Nomination decide(String taskId, String userId, Decision decision, boolean byApprover) {
        return runtime.inTransaction(() -> {
            // The task without its variables, then only the level's variables (not the serialised candidate list);
            // both stay in the command's cache, where completing the task finds them again.
            Task task = openReviewTask(taskId);
            runtime.pendingBatches().refuseIfTaskPending(taskId);
            Map<String, Object> variables = levelVariables(task);
            if (byApprover) {
                authorize(variables, userId, "decide");
            }
            if (byApprover && task.getAssignee() != null && !task.getAssignee().equals(userId)) {
                throw new NotAuthorizedException(new LocalizedText(
                        "该审核任务已由 " + task.getAssignee() + " 认领，只有认领人可以作出决定",
                        "this review is claimed by " + task.getAssignee() + "; only they can decide it"));
            }
            NominationEntity nomination = runtime.nomination((String) variables.get(VAR_NOMINATION_ID));
            int stepIndex = ((Number) variables.get(VAR_STEP_INDEX)).intValue();
            ReviewStep step = runtime.chainOf(nomination).steps().get(stepIndex);
            String unitId = (String) variables.get(VAR_REVIEW_UNIT_ID);
            validate(decision, stepIndex, step);

            Nomination before = RecordMapper.INSTANCE.toNomination(nomination);
            HandlerContext context = new HandlerContext(before, step, unitId, userId, decision);
            DecisionHandler handler = runtime.handlerFor(unitId);
            Optional<LocalizedText> veto = handler.beforeDecision(context);
            if (veto.isPresent()) {
                throw new DecisionVetoedException(veto.get());
            }
            QuotaLedger.EarlyCheck quotaCheck = null;
            if (decision.outcome() == DecisionOutcome.PASS) {
                AssessmentGate.requirePassed(runtime, nomination, step);
                quotaCheck = runtime.quotas().refuseIfAlreadyFull(nomination.getId(), nomination.getProgramCode(),
                        nomination.getTierCode(), nomination.getUnitId(), stepIndex, unitId);
            }

            Map<String, Object> data = new HashMap<>(decision.data());
            data.putAll(context.addedData());
            NominationEventType eventType;
            TimelineEntryType entryType;
            switch (decision.outcome()) {
                case PASS -> {
                    entryType = byApprover ? TimelineEntryType.PASSED : TimelineEntryType.PASSED_AUTOMATICALLY;
                    eventType = NominationEventType.PASSED_LEVEL;
                    if (step.action() == ReviewAction.DECIDE) {
                        nomination.setState(NominationState.SELECTED);
                    }
                }
                case REJECT -> {
                    entryType = TimelineEntryType.REJECTED;
                    eventType = NominationEventType.REJECTED;
                    nomination.setState(NominationState.REJECTED);
                }
                case RETURN_TO_APPLICANT -> {
                    entryType = TimelineEntryType.RETURNED_TO_APPLICANT;
                    eventType = NominationEventType.RETURNED;
                    nomination.setState(NominationState.RETURNED_FOR_CORRECTION);
                }
                case RETURN_TO_LOWER_LEVEL -> {
                    entryType = TimelineEntryType.RETURNED_TO_LOWER_LEVEL;
                    eventType = NominationEventType.RETURNED;
                    nomination.setState(NominationState.IN_REVIEW);
                }
                default -> throw new IllegalStateException("unknown outcome " + decision.outcome());
            }
            nomination.setUpdatedAt(runtime.now());
            runtime.records().append(nomination.getId(), entryType, stepIndex, step.level(), step.action(), unitId,
                    userId, decision.comment(), decision.attachments(), data, runtime.now());
            events.publish(eventType, nomination, step.level(), unitId, userId, decision.comment());
            notifications.afterDecision(before.state(), nomination, decision.comment());

            Map<String, Object> outcome = new HashMap<>();
            outcome.put(VAR_LEVEL_OUTCOME, decision.outcome().name());
            runtime.engine().getTaskService().complete(taskId, outcome);
            if (decision.outcome() == DecisionOutcome.PASS) {
                // Selection under quota: take the slot last, so the row lock is held only until the commit.
                runtime.quotas().consumeOnPass(nomination.getId(), nomination.getProgramCode(),
                        nomination.getTierCode(), nomination.getUnitId(), stepIndex, unitId, quotaCheck);
            }

            handler.afterDecision(context);
            return RecordMapper.INSTANCE.toNomination(nomination);
        });
    }

    @Override
    public java.util.Collection<String> levelReviewProcessKeys() {
        return runtime.levelReviewProcessKeys();
    }

    /** A selected candidate withdraws: the process ends, the nomination is withdrawn, timeline and hosts are told. */
    @Override
    public Nomination withdrawAfterSelection(String nominationId, String actorId, String reason, Map<String, Object> data) {
        return runtime.inTransaction(() -> {
            NominationEntity nomination = runtime.nomination(nominationId);
            String processId = nomination.getProcessInstanceId();
            if (processId != null && runtime.engine().getRuntimeService().createProcessInstanceQuery()
                    .processInstanceId(processId).count() > 0) {
                runtime.engine().getRuntimeService().deleteProcessInstance(processId, "withdrawn after selection: " + reason);
            }
            // The life cycle after selection ends too (its phases are called by it, so they go with it).
            runtime.engine().getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(nominationId)
                    .processDefinitionKey(LIFECYCLE_PROCESS).list().forEach(instance -> runtime.engine().getRuntimeService()
                            .deleteProcessInstance(instance.getId(), "withdrawn after selection: " + reason));
            org.tierflow.core.internal.persistence.LifecycleEntity lifecycle = runtime.persistence().currentSession()
                    .get(org.tierflow.core.internal.persistence.LifecycleEntity.class, nominationId);
            if (lifecycle != null) {
                lifecycle.setPhase(org.tierflow.core.api.LifecyclePhase.ENDED_WITHOUT_CREDENTIAL.name());
                lifecycle.setUpdatedAt(runtime.now());
            }
            nomination.setState(NominationState.WITHDRAWN);
            nomination.setUpdatedAt(runtime.now());
            runtime.records().append(nominationId, TimelineEntryType.WITHDRAWN, nomination.getStepIndex(),
                    nomination.getCurrentLevel(), null, nomination.getUnitId(), actorId, reason, List.of(), data,
                    runtime.now());
            events.publish(NominationEventType.WITHDRAWN, nomination, nomination.getCurrentLevel(),
                    nomination.getUnitId(), actorId, reason);
            notifications.toApplicant(NotificationKind.WITHDRAWN, nomination, reason);
            return RecordMapper.INSTANCE.toNomination(nomination);
        });
    }

    /** A published candidate is removed after an upheld objection: the process ends, the nomination is rejected. */
    @Override
    public Nomination removeAfterObjection(String nominationId, String reviewerId, String reason, Map<String, Object> data) {
        return runtime.inTransaction(() -> {
            NominationEntity nomination = runtime.nomination(nominationId);
            String processId = nomination.getProcessInstanceId();
            if (processId != null && runtime.engine().getRuntimeService().createProcessInstanceQuery()
                    .processInstanceId(processId).count() > 0) {
                runtime.engine().getRuntimeService().deleteProcessInstance(processId, "removed after objection: " + reason);
            }
            nomination.setState(NominationState.REJECTED);
            nomination.setUpdatedAt(runtime.now());
            runtime.records().append(nominationId, TimelineEntryType.REJECTED, nomination.getStepIndex(),
                    nomination.getCurrentLevel(), null, nomination.getUnitId(), reviewerId, reason, List.of(), data,
                    runtime.now());
            events.publish(NominationEventType.REJECTED, nomination, nomination.getCurrentLevel(),
                    nomination.getUnitId(), reviewerId, reason);
            notifications.toApplicant(NotificationKind.REJECTED, nomination, reason);
            return RecordMapper.INSTANCE.toNomination(nomination);
        });
    }

    @Override
    public ReviewTask delegate(String taskId, String userId, String delegateUserId, String comment) {
        return runtime.inTransaction(() -> {
            Task task = reviewTask(taskId);
            runtime.pendingBatches().refuseIfTaskPending(taskId);
            authorize(task, userId, "delegate");
            if (task.getAssignee() != null && !task.getAssignee().equals(userId)) {
                throw new NotAuthorizedException(new LocalizedText(
                        "该审核任务已由 " + task.getAssignee() + " 认领，只有认领人可以转交",
                        "this review is claimed by " + task.getAssignee() + "; only they can delegate it"));
            }
            if (!mayAct(task, delegateUserId)) {
                throw new InvalidRequestException("delegate-not-approver", new LocalizedText(
                        delegateUserId + " 不是本单位本级的审核人，不能接收转交",
                        delegateUserId + " is not an approver of this organisation and level and cannot receive the review"));
            }
            runtime.engine().getTaskService().addCandidateUser(taskId, delegateUserId);
            runtime.engine().getTaskService().setAssignee(taskId, delegateUserId);
            record(task, TimelineEntryType.DELEGATED, userId, comment, Map.of("delegateTo", delegateUserId));
            return toReviewTask(reviewTask(taskId));
        });
    }

    private static void validate(Decision decision, int stepIndex, ReviewStep step) {
        boolean needsReason = decision.outcome() != DecisionOutcome.PASS;
        if (needsReason && (decision.comment() == null || decision.comment().isBlank())) {
            throw new InvalidRequestException("reason-required", new LocalizedText(
                    "不通过或退回时必须填写理由", "a reason is required to reject or return a nomination"));
        }
        if (decision.outcome() == DecisionOutcome.RETURN_TO_LOWER_LEVEL && stepIndex == 0) {
            throw new InvalidRequestException("no-lower-level", new LocalizedText(
                    step.name().zh() + "是第一级，没有下级可退回；请退回申请人修改",
                    step.name().en() + " is the first level; there is no level below to return to — return it to the applicant instead"));
        }
    }

    /** The open review task, or a not-found error. Process variables are included. */
    private Task reviewTask(String taskId) {
        Task task = runtime.engine().getTaskService().createTaskQuery()
                .taskId(taskId)
                .taskDefinitionKey(TASK_REVIEW_NOMINATION)
                .includeProcessVariables()
                .singleResult();
        if (task == null) {
            throw new NotFoundException(new LocalizedText(
                    "审核任务 " + taskId + " 不存在或已办结", "review " + taskId + " does not exist or is already decided"));
        }
        return task;
    }

    /** The open review task without its variables, or a not-found error. */
    private Task openReviewTask(String taskId) {
        Task task = runtime.engine().getTaskService().createTaskQuery()
                .taskId(taskId)
                .taskDefinitionKey(TASK_REVIEW_NOMINATION)
                .singleResult();
        if (task == null) {
            throw new NotFoundException(new LocalizedText(
                    "审核任务 " + taskId + " 不存在或已办结", "review " + taskId + " does not exist or is already decided"));
        }
        return task;
    }

    /**
     * The variables of the task's level review that a decision reads. The process instance's variable rows are
     * loaded once (the engine reads them again when the task completes, from the command's cache); only these
     * values are deserialised, so the candidate list (a serialised Java list) is neither fetched nor read.
     */
    private static Map<String, Object> levelVariables(Task task) {
        ExecutionEntity instance = CommandContextUtil.getExecutionEntityManager().findById(task.getProcessInstanceId());
        Map<String, VariableInstance> rows = instance.getVariableInstances();
        Map<String, Object> values = new HashMap<>();
        for (String name : DECISION_VARIABLES) {
            VariableInstance row = rows.get(name);
            if (row != null) {
                values.put(name, row.getValue());
            }
        }
        return values;
    }

    private void authorize(Task task, String userId, String what) {
        authorize(task.getProcessVariables(), userId, what);
    }

    private void authorize(Map<String, Object> v, String userId, String what) {
        if (!mayAct(v, userId)) {
            throw new NotAuthorizedException(new LocalizedText(
                    "用户 " + userId + " 无权审核单位 " + v.get(VAR_APPROVER_UNIT_ID) + "（"
                            + OrganisationLevel.valueOf((String) v.get(VAR_APPROVER_LEVEL)).label().zh() + "级）的申报",
                    "user " + userId + " may not " + what + " reviews for unit " + v.get(VAR_APPROVER_UNIT_ID) + " ("
                            + OrganisationLevel.valueOf((String) v.get(VAR_APPROVER_LEVEL)).label().en() + " level)"));
        }
    }

    /** Asks the directory again (or checks the administrator) for the unit and level the review belongs to. */
    private boolean mayAct(Task task, String userId) {
        return mayAct(task.getProcessVariables(), userId);
    }

    private boolean mayAct(Map<String, Object> v, String userId) {
        if (userId == null || userId.equals(v.get(VAR_APPLICANT_ID))) {
            return false;
        }
        if (SOURCE_ADMINISTRATOR.equals(v.get(VAR_APPROVER_SOURCE))) {
            return userId.equals(runtime.policies.administratorId());
        }
        ApproverQuery query = new ApproverQuery((String) v.get(VAR_PROGRAM_CODE), (String) v.get(VAR_TIER_CODE),
                (String) v.get(VAR_APPROVER_UNIT_ID), OrganisationLevel.valueOf((String) v.get(VAR_APPROVER_LEVEL)),
                ReviewAction.valueOf((String) v.get(VAR_REVIEW_ACTION)));
        return runtime.approvers.mayAct(userId, query);
    }

    private void record(Task task, TimelineEntryType type, String userId, String comment, Map<String, Object> data) {
        Map<String, Object> v = task.getProcessVariables();
        runtime.records().append((String) v.get(VAR_NOMINATION_ID), type, ((Number) v.get(VAR_STEP_INDEX)).intValue(),
                OrganisationLevel.valueOf((String) v.get(VAR_REVIEW_LEVEL)), ReviewAction.valueOf((String) v.get(VAR_REVIEW_ACTION)),
                (String) v.get(VAR_REVIEW_UNIT_ID), userId, comment, List.of(), data, runtime.now());
    }

    private static ReviewTask toReviewTask(Task task) {
        return toReviewTask(task, task.getProcessVariables());
    }

    private static ReviewTask toReviewTask(Task task, Map<String, Object> v) {
        return new ReviewTask(task.getId(), (String) v.get(VAR_NOMINATION_ID), (String) v.get(VAR_PROGRAM_CODE),
                (String) v.get(VAR_TIER_CODE), (String) v.get(VAR_APPLICANT_ID), ((Number) v.get(VAR_STEP_INDEX)).intValue(),
                OrganisationLevel.valueOf((String) v.get(VAR_REVIEW_LEVEL)), ReviewAction.valueOf((String) v.get(VAR_REVIEW_ACTION)),
                new LocalizedText((String) v.get(VAR_STEP_NAME_ZH), (String) v.get(VAR_STEP_NAME_EN)),
                (String) v.get(VAR_REVIEW_UNIT_ID), task.getAssignee(), task.getCreateTime().toInstant());
    }

    /** The context handed to decision handlers. */
    private static final class HandlerContext implements DecisionContext {
        private final Nomination nomination;
        private final ReviewStep step;
        private final String unitId;
        private final String actorId;
        private final Decision decision;
        private final Map<String, Object> added = new HashMap<>();

        HandlerContext(Nomination nomination, ReviewStep step, String unitId, String actorId, Decision decision) {
            this.nomination = nomination;
            this.step = step;
            this.unitId = unitId;
            this.actorId = actorId;
            this.decision = decision;
        }

        @Override public Nomination nomination() { return nomination; }
        @Override public ReviewStep step() { return step; }
        @Override public String unitId() { return unitId; }
        @Override public String actorId() { return actorId; }
        @Override public Decision decision() { return decision; }
        @Override public Map<String, Object> addedData() { return Map.copyOf(added); }
        @Override public void addData(String key, Object value) { added.put(key, value); }
    }
}
