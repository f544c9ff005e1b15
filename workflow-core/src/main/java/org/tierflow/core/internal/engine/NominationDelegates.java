package org.tierflow.core.internal.engine;

import static org.tierflow.bpmn.TierFlowBpmn.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.engine.impl.persistence.entity.ExecutionEntity;
import org.tierflow.core.api.NominationState;
import org.tierflow.core.api.ReviewPolicies;
import org.tierflow.core.api.TimelineEntryType;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.ReviewAction;
import org.tierflow.core.api.program.ReviewChain;
import org.tierflow.core.api.program.ReviewStep;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.OrganisationUnit;
import org.tierflow.core.internal.persistence.NominationEntity;
import org.tierflow.core.spi.ApproverQuery;
import org.tierflow.core.spi.NominationEventType;
import org.tierflow.core.spi.NotificationKind;

/**
 * The service tasks of the nomination models, by the bean names the models call. The models decide the
 * order of steps; these delegates only read the program definition and keep TierFlow's records.
 */
final class NominationDelegates {

    private final TierFlowRuntime runtime;
    private final Events events;
    private final Notifications notifications;

    NominationDelegates(TierFlowRuntime runtime) {
        this.runtime = runtime;
        this.events = new Events(runtime);
        this.notifications = new Notifications(runtime);
    }

    /** Bean name → delegate, as the models' delegate expressions name them. */
    Map<Object, Object> byBeanName() {
        Map<Object, Object> beans = new LinkedHashMap<>();
        beans.put(DELEGATE_PREPARE_REVIEW_CHAIN, (JavaDelegate) this::prepareReviewChain);
        beans.put(DELEGATE_PREPARE_LEVEL, (JavaDelegate) this::prepareLevel);
        beans.put(DELEGATE_FILE_WITH_LEVEL, (JavaDelegate) this::fileWithLevel);
        beans.put(DELEGATE_ADVANCE_TO_NEXT_LEVEL, (JavaDelegate) this::advanceToNextLevel);
        beans.put(DELEGATE_RETURN_TO_LOWER_LEVEL, (JavaDelegate) this::returnToLowerLevel);
        beans.put(DELEGATE_RECORD_REJECTION, (JavaDelegate) this::recordRejection);
        beans.put(DELEGATE_COMPLETE_NOMINATION, (JavaDelegate) this::completeNomination);
        return beans;
    }

    private void prepareReviewChain(DelegateExecution execution) {
        NominationEntity nomination = nominationOf(execution);
        ReviewChain chain = runtime.chainOf(nomination);
        execution.setVariable(VAR_STEP_INDEX, nomination.getStepIndex());
        execution.setVariable(VAR_CHAIN_LENGTH, chain.steps().size());
        chooseLevelReview(execution, nomination, nomination.getStepIndex());
    }

    /** Sets which level-review process the step runs: the one of the step's unit (nearest up the tree), or TierFlow's. */
    private void chooseLevelReview(DelegateExecution execution, NominationEntity nomination, int stepIndex) {
        ReviewStep step = runtime.chainOf(nomination).steps().get(stepIndex);
        OrganisationUnit unit = runtime.unitAt(nomination.getUnitId(), step.level());
        setIfChanged(execution, VAR_LEVEL_REVIEW_PROCESS, runtime.levelReviewProcessFor(unit.id()));
    }

    /**
     * Sets a variable of the nomination process only when its value changes: setting the same value again still
     * costs the engine a read and an update of the variable's history row (issue 9a; the value is read from the
     * variables the engine already holds for the execution).
     */
    private static void setIfChanged(DelegateExecution execution, String name, Object value) {
        if (!execution.hasVariable(name) || !java.util.Objects.equals(execution.getVariable(name), value)) {
            execution.setVariable(name, value);
        }
    }

    /** Works out who acts at this level, applying the self-approval and empty-approver policies. */
    private void prepareLevel(DelegateExecution execution) {
        NominationEntity nomination = nominationOf(execution);
        int stepIndex = ((Number) execution.getVariable(VAR_STEP_INDEX)).intValue();
        ReviewStep step = runtime.chainOf(nomination).steps().get(stepIndex);
        OrganisationUnit unit = runtime.unitAt(nomination.getUnitId(), step.level());

        nomination.setStepIndex(stepIndex);
        nomination.setCurrentLevel(step.level());
        nomination.setUpdatedAt(runtime.now());
        if (nomination.getState() != NominationState.SELECTED) {
            nomination.setState(NominationState.IN_REVIEW);
        }
        execution.setVariable(VAR_REVIEW_UNIT_ID, unit.id());
        execution.setVariable(VAR_REVIEW_LEVEL, step.level().name());
        execution.setVariable(VAR_REVIEW_ACTION, step.action().name());
        execution.setVariable(VAR_STEP_NAME_ZH, step.name().zh());
        execution.setVariable(VAR_STEP_NAME_EN, step.name().en());
        execution.setVariable(VAR_LEVEL_OUTCOME, null);

        if (step.action() == ReviewAction.FILE) {
            execution.setVariable(VAR_LEVEL_MODE, MODE_FILE);
            return;
        }
        ApproverQuery query = new ApproverQuery(nomination.getProgramCode(), nomination.getTierCode(), unit.id(),
                step.level(), step.action());
        List<String> candidates = new ArrayList<>(runtime.approvers.approvers(query));
        ReviewPolicies policies = runtime.policies;
        if (candidates.contains(nomination.getApplicantId())) {
            if (policies.selfApproval() == ReviewPolicies.SelfApprovalPolicy.SKIP_TO_NEXT_LEVEL) {
                passAutomatically(execution, nomination, stepIndex, step, unit.id(), new LocalizedText(
                        "申请人本人是本级审核人，按规则跳过本级", "the applicant is an approver of this level; the level is skipped"));
                return;
            }
            candidates.remove(nomination.getApplicantId());
        }
        String approverUnitId = unit.id();
        String approverLevel = step.level().name();
        String source = SOURCE_DIRECTORY;
        if (candidates.isEmpty()) {
            switch (policies.emptyApprovers()) {
                case AUTO_PASS -> {
                    passAutomatically(execution, nomination, stepIndex, step, unit.id(), new LocalizedText(
                            "本级没有审核人，按规则自动通过", "this level has no approver; passed by policy"));
                    return;
                }
                case ADMINISTRATOR -> {
                    candidates.add(policies.administratorId());
                    source = SOURCE_ADMINISTRATOR;
                }
                case ESCALATE -> {
                    OrganisationUnit escalatedTo = null;
                    for (OrganisationUnit ancestor : runtime.organisations.ancestors(unit.id())) {
                        ApproverQuery upper = new ApproverQuery(query.programCode(), query.tierCode(), ancestor.id(),
                                ancestor.level(), step.action());
                        List<String> found = new ArrayList<>(runtime.approvers.approvers(upper));
                        found.remove(nomination.getApplicantId());
                        if (!found.isEmpty()) {
                            candidates = found;
                            escalatedTo = ancestor;
                            break;
                        }
                    }
                    if (escalatedTo == null) {
                        throw new InvalidRequestException("no-approver", new LocalizedText(
                                "单位 “" + unit.id() + "” 及其上级都没有可以审核的人员，请在用户目录中配置审核人",
                                "nobody may review at unit '" + unit.id() + "' or above it; configure approvers in the directory"));
                    }
                    approverUnitId = escalatedTo.id();
                    approverLevel = escalatedTo.level().name();
                }
            }
        }
        execution.setVariable(VAR_APPROVER_UNIT_ID, approverUnitId);
        execution.setVariable(VAR_APPROVER_LEVEL, approverLevel);
        execution.setVariable(VAR_APPROVER_SOURCE, source);
        execution.setVariable(VAR_REVIEW_CANDIDATES, candidates);
        // A level with an expert panel lets its experts score first; its reviewers decide once the panel recommends.
        // Without an expert directory the host has no experts: the reviewers decide as before (see the guide).
        execution.setVariable(VAR_LEVEL_MODE, step.panel().isPresent() && runtime.panelsEnabled ? MODE_PANEL : MODE_DECIDE);
        notifications.reviewWaiting(nomination, step, candidates);
    }

    private void passAutomatically(DelegateExecution execution, NominationEntity nomination, int stepIndex,
                                   ReviewStep step, String unitId, LocalizedText why) {
        // A pass by policy needs passed assessments and takes a quota slot like any other pass: missing results or a
        // full quota refuse it (and the call that led here).
        AssessmentGate.requirePassed(runtime, nomination, step);
        runtime.quotas().consumeOnPass(nomination.getId(), nomination.getProgramCode(), nomination.getTierCode(),
                nomination.getUnitId(), stepIndex, unitId);
        runtime.records().append(nomination.getId(), TimelineEntryType.PASSED_AUTOMATICALLY, stepIndex, step.level(),
                step.action(), unitId, null, why.toString(), List.of(), Map.of(), runtime.now());
        if (step.action() == ReviewAction.DECIDE) {
            nomination.setState(NominationState.SELECTED);
            notifications.toApplicant(NotificationKind.SELECTED, nomination, why.toString());
        }
        events.publish(NominationEventType.PASSED_LEVEL, nomination, step.level(), unitId, null, why.toString());
        execution.setVariable(VAR_LEVEL_MODE, MODE_AUTO);
        execution.setVariable(VAR_LEVEL_OUTCOME, OUTCOME_PASS);
    }

    private void fileWithLevel(DelegateExecution execution) {
        NominationEntity nomination = nominationOf(execution);
        int stepIndex = ((Number) execution.getVariable(VAR_STEP_INDEX)).intValue();
        ReviewStep step = runtime.chainOf(nomination).steps().get(stepIndex);
        String unitId = (String) execution.getVariable(VAR_REVIEW_UNIT_ID);
        runtime.records().append(nomination.getId(), TimelineEntryType.FILED, stepIndex, step.level(), step.action(),
                unitId, null, null, List.of(), Map.of(), runtime.now());
        events.publish(NominationEventType.FILED, nomination, step.level(), unitId, null, null);
        execution.setVariable(VAR_LEVEL_OUTCOME, OUTCOME_PASS);
    }

    private void advanceToNextLevel(DelegateExecution execution) {
        NominationEntity nomination = nominationOf(execution);
        int next = ((Number) execution.getVariable(VAR_STEP_INDEX)).intValue() + 1;
        int length = ((Number) execution.getVariable(VAR_CHAIN_LENGTH)).intValue();
        execution.setVariable(VAR_STEP_INDEX, next);
        setIfChanged(execution, VAR_CHAIN_COMPLETE, next >= length);
        if (next < length) {
            nomination.setStepIndex(next);
            nomination.setUpdatedAt(runtime.now());
            chooseLevelReview(execution, nomination, next);
        }
    }

    private void returnToLowerLevel(DelegateExecution execution) {
        NominationEntity nomination = nominationOf(execution);
        int lower = ((Number) execution.getVariable(VAR_STEP_INDEX)).intValue() - 1;
        execution.setVariable(VAR_STEP_INDEX, lower);
        chooseLevelReview(execution, nomination, lower);
        nomination.setStepIndex(lower);
        nomination.setState(NominationState.IN_REVIEW);
        nomination.setUpdatedAt(runtime.now());
    }

    private void recordRejection(DelegateExecution execution) {
        NominationEntity nomination = nominationOf(execution);
        nomination.setState(NominationState.REJECTED);
        nomination.setUpdatedAt(runtime.now());
    }

    private void completeNomination(DelegateExecution execution) {
        NominationEntity nomination = nominationOf(execution);
        nomination.setState(NominationState.SELECTED);
        nomination.setUpdatedAt(runtime.now());
        events.publish(NominationEventType.REACHED_TOP, nomination, nomination.getCurrentLevel(), null, null, null);
        startLifecycle(execution, nomination);
    }

    /**
     * A nomination reviewed on its own (started by NominationService.submit) goes on in the life cycle after
     * selection: tierflowLifecycleProcess starts at the task book. A nomination the life cycle called needs nothing:
     * its life cycle carries on by itself.
     */
    private void startLifecycle(DelegateExecution execution, NominationEntity nomination) {
        boolean calledByLifecycle = execution instanceof ExecutionEntity entity && entity.getProcessInstance() != null
                && entity.getProcessInstance().getSuperExecutionId() != null;
        if (calledByLifecycle) {
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_NOMINATION_ID, nomination.getId());
        variables.put(VAR_PROGRAM_CODE, nomination.getProgramCode());
        variables.put(VAR_TIER_CODE, nomination.getTierCode());
        variables.put(VAR_APPLICANT_ID, nomination.getApplicantId());
        variables.put(VAR_NOMINATION_REVIEWED, true);
        runtime.engine().getRuntimeService().startProcessInstanceByKey(LIFECYCLE_PROCESS, nomination.getId(), variables);
    }

    private NominationEntity nominationOf(DelegateExecution execution) {
        return runtime.nomination((String) execution.getVariable(VAR_NOMINATION_ID));
    }
}
