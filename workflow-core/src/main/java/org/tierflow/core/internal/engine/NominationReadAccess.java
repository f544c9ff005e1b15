package org.tierflow.core.internal.engine;

import static org.tierflow.bpmn.TierFlowBpmn.*;

import java.util.List;
import java.util.Map;

import org.flowable.task.api.Task;
import org.tierflow.core.api.NotAuthorizedException;
import org.tierflow.core.api.OrganisationUnit;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.api.program.ReviewAction;
import org.tierflow.core.api.program.ReviewChain;
import org.tierflow.core.api.program.ReviewStep;
import org.tierflow.core.internal.persistence.NominationEntity;
import org.tierflow.core.spi.ApproverQuery;

/**
 * Who may read a nomination and its timeline (see {@code NominationService#get(String, String)}): the applicant
 * (for a school or a project: every approver of the applying unit),
 * the administrator, anyone its timeline names as having acted, anyone who holds or may act on one of its open
 * reviews, and the approvers of its chain's units from the step it has reached upwards. Cheapest checks first.
 */
final class NominationReadAccess {

    private final TierFlowRuntime runtime;
    private final CandidateRules candidates;

    NominationReadAccess(TierFlowRuntime runtime) {
        this.runtime = runtime;
        this.candidates = new CandidateRules(runtime);
    }

    /** Refuses unless the actor may read the nomination; runs inside the caller's transaction. */
    void requireMayRead(NominationEntity nomination, String actorId) {
        if (!mayRead(nomination, actorId)) {
            throw new NotAuthorizedException(new LocalizedText(
                    "用户 " + actorId + " 无权查看申报 " + nomination.getId()
                            + "：只有申请人、审核链上已到达及以上层级单位的审核人、经办人和管理员可以查看",
                    "user " + actorId + " may not read nomination " + nomination.getId()
                            + ": only the applicant, the approvers of the chain's units from the level it has reached"
                            + " upwards, those who acted on it and the administrator may"));
        }
    }

    private boolean mayRead(NominationEntity nomination, String actorId) {
        if (actorId == null || actorId.isBlank()) {
            return false;
        }
        if (actorId.equals(nomination.getApplicantId()) || actorId.equals(runtime.policies.administratorId())) {
            return true;
        }
        if (candidates.mayActForUnit(actorId, nomination)) {
            return true; // a school's or project's nomination: every approver of the applying unit speaks for it
        }
        if (runtime.records().history(nomination.getId()).stream().anyMatch(r -> actorId.equals(r.getActorId()))) {
            return true;
        }
        if (mayActOnAnOpenReview(nomination, actorId)) {
            return true;
        }
        return isApproverFromReachedStepUp(nomination, actorId);
    }

    private boolean mayActOnAnOpenReview(NominationEntity nomination, String actorId) {
        List<Task> open = runtime.engine().getTaskService().createTaskQuery()
                .processInstanceBusinessKey(nomination.getId())
                .taskDefinitionKey(TASK_REVIEW_NOMINATION)
                .includeProcessVariables()
                .list();
        for (Task task : open) {
            if (actorId.equals(task.getAssignee())) {
                return true;
            }
            Map<String, Object> v = task.getProcessVariables();
            Object unitId = v.get(VAR_APPROVER_UNIT_ID);
            Object level = v.get(VAR_APPROVER_LEVEL);
            Object action = v.get(VAR_REVIEW_ACTION);
            if (unitId != null && level != null && action != null && runtime.approvers.mayAct(actorId,
                    new ApproverQuery(nomination.getProgramCode(), nomination.getTierCode(), (String) unitId,
                            OrganisationLevel.valueOf((String) level), ReviewAction.valueOf((String) action)))) {
                return true;
            }
        }
        return false;
    }

    private boolean isApproverFromReachedStepUp(NominationEntity nomination, String actorId) {
        ReviewChain chain = runtime.chainOf(nomination);
        List<ReviewStep> steps = chain.steps();
        for (int i = Math.max(0, nomination.getStepIndex()); i < steps.size(); i++) {
            ReviewStep step = steps.get(i);
            OrganisationUnit unit = runtime.organisations.ancestorAt(nomination.getUnitId(), step.level()).orElse(null);
            if (unit != null && runtime.approvers.mayAct(actorId, new ApproverQuery(nomination.getProgramCode(),
                    nomination.getTierCode(), unit.id(), step.level(), step.action()))) {
                return true;
            }
        }
        return false;
    }
}
