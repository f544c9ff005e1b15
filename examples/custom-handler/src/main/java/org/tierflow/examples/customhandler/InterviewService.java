package org.tierflow.examples.customhandler;

import static org.tierflow.bpmn.TierFlowBpmn.*;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flowable.engine.HistoryService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.flowable.task.api.history.HistoricTaskInstance;
import org.springframework.stereotype.Service;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.NotAuthorizedException;
import org.tierflow.core.api.NotFoundException;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.api.program.ReviewAction;
import org.tierflow.core.spi.ApproverDirectory;
import org.tierflow.core.spi.ApproverQuery;

/**
 * The interview step Huangdao added to its level review ({@value #INTERVIEW_TASK} in
 * {@code huangdaoLevelReviewProcess}). TierFlow completes only its own contract tasks; the district's extra task is
 * the host's, completed here through Flowable's {@link TaskService}. As TierFlow does for decisions, the host asks
 * its approver directory first, with the variables TierFlow set for the level.
 */
@Service
public class InterviewService {

    /** The interview task's id in the district's model. */
    public static final String INTERVIEW_TASK = "Task_interviewCandidate";

    private final TaskService tasks;
    private final HistoryService history;
    private final ApproverDirectory approvers;

    InterviewService(TaskService tasks, HistoryService history, ApproverDirectory approvers) {
        this.tasks = tasks;
        this.history = history;
        this.approvers = approvers;
    }

    /** An interview: who held it, the score, notes, when. */
    public record Interview(String nominationId, String interviewerId, int score, String notes, Instant at) {
    }

    /** Ids of the nominations waiting for an interview by this user. */
    public List<String> waitingFor(String userId) {
        return tasks.createTaskQuery().taskDefinitionKey(INTERVIEW_TASK).taskCandidateOrAssigned(userId)
                .orderByTaskCreateTime().asc().list().stream()
                .map(task -> (String) tasks.getVariable(task.getId(), VAR_NOMINATION_ID))
                .toList();
    }

    /**
     * Records the interview of a nomination waiting for one; the district's decision task opens next.
     *
     * @throws NotFoundException      when the nomination waits for no interview
     * @throws NotAuthorizedException when the user may not review for the level
     */
    public void record(String nominationId, String userId, int score, String notes) {
        if (score < 0 || score > 100) {
            throw new InvalidRequestException("invalid-interview-score", new LocalizedText(
                    "面试评分必须在 0–100 之间，实际为 " + score, "an interview score must be from 0 to 100, got " + score));
        }
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(nominationId).taskDefinitionKey(INTERVIEW_TASK)
                .includeProcessVariables().singleResult();
        if (task == null) {
            throw new NotFoundException(new LocalizedText(
                    "申报 " + nominationId + " 当前没有待进行的面试", "nomination " + nominationId + " is not waiting for an interview"));
        }
        Map<String, Object> v = task.getProcessVariables();
        ApproverQuery query = new ApproverQuery((String) v.get(VAR_PROGRAM_CODE), (String) v.get(VAR_TIER_CODE),
                (String) v.get(VAR_APPROVER_UNIT_ID), OrganisationLevel.valueOf((String) v.get(VAR_APPROVER_LEVEL)),
                ReviewAction.valueOf((String) v.get(VAR_REVIEW_ACTION)));
        if (userId.equals(v.get(VAR_APPLICANT_ID)) || !approvers.mayAct(userId, query)) {
            throw new NotAuthorizedException(new LocalizedText(
                    "用户 " + userId + " 无权为单位 " + query.unitId() + " 面试候选人",
                    "user " + userId + " may not interview candidates for unit " + query.unitId()));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("interviewerId", userId);
        result.put("interviewScore", score);
        result.put("interviewNotes", notes);
        tasks.setAssignee(task.getId(), userId);
        tasks.complete(task.getId(), result, true);
    }

    /** Every interview the nomination had, oldest first (a return to the district means another one). */
    public List<Interview> interviews(String nominationId) {
        List<HistoricTaskInstance> done = history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(nominationId)
                .taskDefinitionKey(INTERVIEW_TASK).finished().includeTaskLocalVariables()
                .orderByHistoricTaskInstanceEndTime().asc().list();
        return done.stream().map(task -> {
            Map<String, Object> local = task.getTaskLocalVariables();
            return new Interview(nominationId, (String) local.get("interviewerId"),
                    ((Number) local.get("interviewScore")).intValue(), (String) local.get("interviewNotes"),
                    task.getEndTime().toInstant());
        }).toList();
    }
}
