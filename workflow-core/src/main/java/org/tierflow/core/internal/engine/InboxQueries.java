package org.tierflow.core.internal.engine;

import static org.tierflow.bpmn.TierFlowBpmn.*;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.flowable.engine.ProcessEngine;
import org.flowable.task.api.NativeTaskQuery;
import org.flowable.task.api.Task;
import org.flowable.variable.api.persistence.entity.VariableInstance;
import org.tierflow.core.api.InboxQuery;
import org.tierflow.core.api.Page;
import org.tierflow.core.api.ReviewTask;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.api.program.ReviewAction;

/**
 * An approver's inbox in the shape that stays fast with hundreds of thousands of open reviews: the tasks are found
 * from the approver's candidate links and assignments (an index lookup of the approver's own rows, see the V8
 * migration) instead of testing every open task for a link, as Flowable's {@code taskCandidateOrAssigned} query
 * does; only the page's process variables are read afterwards, in one query. Same result, order and count as
 * the task query it replaces. Runs inside the caller's command.
 */
final class InboxQueries {

    private final TierFlowRuntime runtime;

    InboxQueries(TierFlowRuntime runtime) {
        this.runtime = runtime;
    }

    Page<ReviewTask> page(String userId, InboxQuery query) {
        ProcessEngine engine = runtime.engine();
        StringBuilder where = new StringBuilder()
                .append(" from ACT_RU_TASK RES where RES.TASK_DEF_KEY_ = #{taskKey}")
                .append(" and RES.PROC_DEF_ID_ in (select D.ID_ from ACT_RE_PROCDEF D where D.KEY_ = #{processKey})");
        String assigned = "select A.ID_ from ACT_RU_TASK A where A.ASSIGNEE_ = #{userId}";
        String candidate = "select L.TASK_ID_ from ACT_RU_IDENTITYLINK L where L.USER_ID_ = #{userId}"
                + " and L.TYPE_ = 'candidate' and L.TASK_ID_ is not null";
        switch (query.state() == null ? InboxQuery.TaskState.ANY : query.state()) {
            case ANY -> where.append(" and RES.ID_ in (").append(candidate).append(" union ").append(assigned).append(")")
                    .append(" and (RES.ASSIGNEE_ is null or RES.ASSIGNEE_ = #{userId})");
            case UNCLAIMED -> where.append(" and RES.ID_ in (").append(candidate).append(") and RES.ASSIGNEE_ is null");
            case CLAIMED_BY_ME -> where.append(" and RES.ASSIGNEE_ = #{userId}");
        }
        Map<String, String> variableFilters = new HashMap<>();
        if (query.programCode() != null) variableFilters.put(VAR_PROGRAM_CODE, query.programCode());
        if (query.tierCode() != null) variableFilters.put(VAR_TIER_CODE, query.tierCode());
        if (query.level() != null) variableFilters.put(VAR_REVIEW_LEVEL, query.level().name());
        int n = 0;
        Map<String, Object> parameters = new HashMap<>();
        for (Map.Entry<String, String> filter : variableFilters.entrySet()) {
            where.append(" and exists (select 1 from ACT_RU_VARIABLE V").append(n)
                    .append(" where V").append(n).append(".EXECUTION_ID_ = RES.PROC_INST_ID_")
                    .append(" and V").append(n).append(".TASK_ID_ is null")
                    .append(" and V").append(n).append(".NAME_ = #{varName").append(n).append("}")
                    .append(" and V").append(n).append(".TYPE_ = 'string'")
                    .append(" and V").append(n).append(".TEXT_ = #{varValue").append(n).append("})");
            parameters.put("varName" + n, filter.getKey());
            parameters.put("varValue" + n, filter.getValue());
            n++;
        }
        parameters.put("taskKey", TASK_REVIEW_NOMINATION);
        parameters.put("processKey", LEVEL_REVIEW_PROCESS);
        parameters.put("userId", userId);
        String direction = query.order() == InboxQuery.Order.NEWEST_FIRST ? "desc" : "asc";

        long total = withParameters(engine.getTaskService().createNativeTaskQuery()
                .sql("select count(*)" + where), parameters).count();
        List<Task> tasks = total == 0 ? List.of() : withParameters(engine.getTaskService().createNativeTaskQuery()
                .sql("select RES.*" + where + " order by RES.CREATE_TIME_ " + direction + ", RES.ID_ asc"), parameters)
                .listPage(query.page() * query.size(), query.size());

        Set<String> instances = new LinkedHashSet<>();
        tasks.forEach(t -> instances.add(t.getProcessInstanceId()));
        Map<String, Map<String, Object>> variables = new HashMap<>();
        if (!instances.isEmpty()) {
            for (VariableInstance v : engine.getRuntimeService().getVariableInstancesByExecutionIds(instances)) {
                if (v.getExecutionId().equals(v.getProcessInstanceId())) {
                    variables.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
                }
            }
        }
        List<ReviewTask> items = tasks.stream()
                .map(t -> toReviewTask(t, variables.getOrDefault(t.getProcessInstanceId(), Map.of())))
                .toList();
        return new Page<>(items, query.page(), query.size(), total);
    }

    private static NativeTaskQuery withParameters(NativeTaskQuery query, Map<String, Object> parameters) {
        parameters.forEach(query::parameter);
        return query;
    }

    static ReviewTask toReviewTask(Task task, Map<String, Object> v) {
        return new ReviewTask(task.getId(), (String) v.get(VAR_NOMINATION_ID), (String) v.get(VAR_PROGRAM_CODE),
                (String) v.get(VAR_TIER_CODE), (String) v.get(VAR_APPLICANT_ID), ((Number) v.get(VAR_STEP_INDEX)).intValue(),
                OrganisationLevel.valueOf((String) v.get(VAR_REVIEW_LEVEL)), ReviewAction.valueOf((String) v.get(VAR_REVIEW_ACTION)),
                new LocalizedText((String) v.get(VAR_STEP_NAME_ZH), (String) v.get(VAR_STEP_NAME_EN)),
                (String) v.get(VAR_REVIEW_UNIT_ID), task.getAssignee(), task.getCreateTime().toInstant());
    }
}
