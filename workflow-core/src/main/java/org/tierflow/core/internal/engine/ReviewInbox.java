package org.tierflow.core.internal.engine;

import static org.tierflow.bpmn.TierFlowBpmn.TASK_REVIEW_NOMINATION;
import static org.tierflow.bpmn.TierFlowBpmn.VAR_APPLICANT_ID;
import static org.tierflow.bpmn.TierFlowBpmn.VAR_NOMINATION_ID;
import static org.tierflow.bpmn.TierFlowBpmn.VAR_PROGRAM_CODE;
import static org.tierflow.bpmn.TierFlowBpmn.VAR_REVIEW_ACTION;
import static org.tierflow.bpmn.TierFlowBpmn.VAR_REVIEW_LEVEL;
import static org.tierflow.bpmn.TierFlowBpmn.VAR_REVIEW_UNIT_ID;
import static org.tierflow.bpmn.TierFlowBpmn.VAR_STEP_INDEX;
import static org.tierflow.bpmn.TierFlowBpmn.VAR_STEP_NAME_EN;
import static org.tierflow.bpmn.TierFlowBpmn.VAR_STEP_NAME_ZH;
import static org.tierflow.bpmn.TierFlowBpmn.VAR_TIER_CODE;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEntityEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.common.engine.impl.context.Context;
import org.flowable.common.engine.impl.db.DbSqlSession;
import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.flowable.common.engine.impl.interceptor.CommandContextCloseListener;
import org.flowable.engine.impl.persistence.entity.ExecutionEntity;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.engine.impl.util.ProcessDefinitionUtil;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.identitylink.service.impl.persistence.entity.IdentityLinkEntity;
import org.flowable.task.service.impl.persistence.entity.TaskEntity;
import org.flowable.variable.api.event.FlowableVariableEvent;
import org.tierflow.core.api.InboxQuery;
import org.tierflow.core.api.ReviewTask;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.api.program.ReviewAction;
import org.tierflow.core.internal.selection.InboxCounts;

/**
 * TierFlow's copy of every approver's inbox, table {@code tierflow_inbox} (migration V8): one row per open level
 * review ({@code Task_reviewNomination}) and per user who sees it in Flowable's
 * {@code taskCandidateOrAssigned} query, that is its assignee, or, while nobody has claimed it, each candidate
 * user. An entry carries every field of a {@link ReviewTask} (V14), and each approver's number of entries is kept in
 * {@code tierflow_inbox_count} ({@link InboxCounts}) by the same writes: the first page is one index range read and
 * the total one row, instead of counting and sorting all of the approver's tasks in the engine's tables
 * (docs/reference/performance.md).
 *
 * <p>Kept by an engine event listener, so whatever path changes a review task keeps it exact: TierFlow's services
 * (submit, claim, unclaim, delegate, decide, withdrawal, removal) and a host calling Flowable's services directly
 * alike. Events only mark the task; when the command closes (before the engine flushes, on the command's own
 * connection, in its transaction), each marked task's rows are rewritten once from the task as the command left
 * it: its assignee and its candidate links, which the engine keeps on the task entity.
 */
final class ReviewInbox implements FlowableEventListener {

    private static final String PENDING = ReviewInbox.class.getName() + ".pending";

    private static final String INSERT = "insert into tierflow_inbox (user_id, task_id, process_instance_id, created_at,"
            + " claimed, nomination_id, program_code, tier_code, review_level, applicant_id, step_index, review_action,"
            + " step_name_zh, step_name_en, review_unit_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The process variables an entry copies (a {@link ReviewTask} is made of them); a change to one rewrites it. */
    private static final Set<String> ENTRY_VARIABLES = Set.of(VAR_NOMINATION_ID, VAR_PROGRAM_CODE, VAR_TIER_CODE,
            VAR_REVIEW_LEVEL, VAR_APPLICANT_ID, VAR_STEP_INDEX, VAR_REVIEW_ACTION, VAR_STEP_NAME_ZH, VAR_STEP_NAME_EN,
            VAR_REVIEW_UNIT_ID);

    private final TierFlowRuntime runtime;

    ReviewInbox(TierFlowRuntime runtime) {
        this.runtime = runtime;
    }

    /** What a command did to a task so far. */
    private static final class Change {
        TaskEntity task;
        boolean created;
        boolean deleted;
        /** Candidate users linked in this command (all of them for a task created in it), and unlinked. */
        final Set<String> linked = new LinkedHashSet<>();
        final Set<String> unlinked = new LinkedHashSet<>();
    }

    /**
     * The engine events that can change an inbox: tasks created, changed, assigned, ended; links made or removed; a
     * level review's variable that an entry copies changed.
     */
    static final FlowableEngineEventType[] EVENTS = {FlowableEngineEventType.ENTITY_CREATED,
            FlowableEngineEventType.ENTITY_UPDATED, FlowableEngineEventType.ENTITY_DELETED,
            FlowableEngineEventType.TASK_CREATED, FlowableEngineEventType.TASK_ASSIGNED,
            FlowableEngineEventType.TASK_COMPLETED, FlowableEngineEventType.VARIABLE_UPDATED};

    // --- maintenance ---------------------------------------------------------------------------------

    @Override
    public void onEvent(FlowableEvent event) {
        if (event instanceof FlowableVariableEvent variable) {
            onVariableUpdated(variable);
            return;
        }
        if (!(event instanceof FlowableEntityEvent entityEvent) || !(event.getType() instanceof FlowableEngineEventType type)) {
            return;
        }
        Object entity = entityEvent.getEntity();
        if (entity instanceof TaskEntity task) {
            if (!TASK_REVIEW_NOMINATION.equals(task.getTaskDefinitionKey()) || task.getProcessInstanceId() == null) {
                return;
            }
            Change change = mark(task.getId());
            change.task = task;
            switch (type) {
                case ENTITY_CREATED, TASK_CREATED -> change.created = true;
                case ENTITY_DELETED, TASK_COMPLETED -> change.deleted = true;
                default -> { }
            }
        } else if (entity instanceof IdentityLinkEntity link && link.getTaskId() != null && link.getUserId() != null
                && (type == FlowableEngineEventType.ENTITY_CREATED || type == FlowableEngineEventType.ENTITY_DELETED)) {
            Change change = mark(link.getTaskId());
            if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                if (type == FlowableEngineEventType.ENTITY_CREATED) {
                    change.unlinked.remove(link.getUserId());
                    change.linked.add(link.getUserId());
                } else {
                    change.linked.remove(link.getUserId());
                    change.unlinked.add(link.getUserId());
                }
            }
        }
    }

    /**
     * A host (TierFlow itself sets them only before the review task exists) changed a copied variable of a level
     * review: its open review task's entries are rewritten with the new value.
     */
    private void onVariableUpdated(FlowableVariableEvent variable) {
        if (variable.getType() != FlowableEngineEventType.VARIABLE_UPDATED || variable.getTaskId() != null
                || !ENTRY_VARIABLES.contains(variable.getVariableName()) || variable.getProcessInstanceId() == null
                || !variable.getProcessInstanceId().equals(variable.getExecutionId())
                || variable.getProcessDefinitionId() == null || !runtime.levelReviewProcessKeys()
                        .contains(ProcessDefinitionUtil.getProcessDefinition(variable.getProcessDefinitionId()).getKey())) {
            return;
        }
        CommandContext context = Context.getCommandContext();
        for (TaskEntity task : CommandContextUtil.getTaskService(context).findTasksByProcessInstanceId(variable.getProcessInstanceId())) {
            if (TASK_REVIEW_NOMINATION.equals(task.getTaskDefinitionKey())) {
                Change change = mark(task.getId());
                if (change.task == null) {
                    change.task = task;
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Change mark(String taskId) {
        CommandContext commandContext = Context.getCommandContext();
        Map<String, Change> pending = (Map<String, Change>) commandContext.getAttribute(PENDING);
        if (pending == null) {
            pending = new LinkedHashMap<>();
            commandContext.addAttribute(PENDING, pending);
            // Opens TierFlow's session on the command's connection: it commits or rolls back TierFlow's writes
            // with the engine's, also when the engine itself wrote nothing.
            if (runtime.persistence() != null) {
                runtime.persistence().currentSession();
            }
            Map<String, Change> changes = pending;
            commandContext.addCloseListener(new CommandContextCloseListener() {
                @Override
                public void closing(CommandContext context) {
                    write(context, changes);
                }

                @Override public void afterSessionsFlush(CommandContext context) { }
                @Override public void closed(CommandContext context) { }
                @Override public void closeFailure(CommandContext context) { }
                @Override public Integer order() { return 10; }
                @Override public boolean multipleAllowed() { return true; }
            });
        }
        return pending.computeIfAbsent(taskId, id -> new Change());
    }

    private void write(CommandContext context, Map<String, Change> changes) {
        if (context.getException() != null) {
            return;  // the command fails and rolls back: nothing to keep in step
        }
        Connection connection = context.getSession(DbSqlSession.class).getSqlSession().getConnection();
        InboxCounts counts = new InboxCounts();
        String databaseType = CommandContextUtil.getProcessEngineConfiguration(context).getDatabaseType();
        try (PreparedStatement delete = connection.prepareStatement(InboxCounts.deleteReturning(databaseType, "task_id = ?"));
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            boolean inserts = false;
            for (Map.Entry<String, Change> entry : changes.entrySet()) {
                Change change = entry.getValue();
                // Marked by an identity link only: the task is in the command's cache (or still in the database).
                TaskEntity task = change.task != null ? change.task
                        : (TaskEntity) CommandContextUtil.getTaskService(context).getTask(entry.getKey());
                if (task == null || !TASK_REVIEW_NOMINATION.equals(task.getTaskDefinitionKey())
                        || task.getProcessInstanceId() == null || change.created && (change.deleted || task.isDeleted())) {
                    continue;
                }
                if (!change.created) {
                    delete.setString(1, entry.getKey());
                    counts.subtract(delete);
                }
                if (change.deleted || task.isDeleted() || !isLevelReview(task)) {
                    continue;
                }
                inserts |= addRows(context, task, change, insert, counts);
            }
            if (inserts) {
                insert.executeBatch();
            }
            counts.write(connection, databaseType);
        } catch (SQLException e) {
            throw new IllegalStateException("TierFlow could not update the review inbox: " + e.getMessage(), e);
        }
    }

    private boolean isLevelReview(TaskEntity task) {
        return task.getProcessDefinitionId() != null && runtime.levelReviewProcessKeys()
                .contains(ProcessDefinitionUtil.getProcessDefinition(task.getProcessDefinitionId()).getKey());
    }

    /** The task's rows: its assignee's, or each candidate user's while unclaimed. */
    private static boolean addRows(CommandContext context, TaskEntity task, Change change, PreparedStatement insert,
                                   InboxCounts counts) throws SQLException {
        Set<String> users = new LinkedHashSet<>();
        boolean claimed = task.getAssignee() != null;
        if (claimed) {
            users.add(task.getAssignee());
        } else if (change.created) {
            // Created in this command: its candidate links are the ones the events reported.
            users.addAll(change.linked);
        } else {
            // The engine's links as the command left them (its cache of new and deleted links over the database).
            // Not task.getIdentityLinks(): a task loaded by a query may carry an empty list there.
            for (IdentityLinkEntity link : CommandContextUtil.getIdentityLinkService(context).findIdentityLinksByTaskId(task.getId())) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null && !link.isDeleted()) {
                    users.add(link.getUserId());
                }
            }
            users.removeAll(change.unlinked);
        }
        if (users.isEmpty()) {
            return false;
        }
        ExecutionEntity process = CommandContextUtil.getExecutionEntityManager(context).findById(task.getProcessInstanceId());
        Timestamp createdAt = new Timestamp(task.getCreateTime().getTime());
        for (String user : users) {
            insert.setString(1, user);
            insert.setString(2, task.getId());
            insert.setString(3, task.getProcessInstanceId());
            insert.setTimestamp(4, createdAt);
            insert.setBoolean(5, claimed);
            insert.setString(6, text(process, VAR_NOMINATION_ID));
            insert.setString(7, text(process, VAR_PROGRAM_CODE));
            insert.setString(8, text(process, VAR_TIER_CODE));
            insert.setString(9, text(process, VAR_REVIEW_LEVEL));
            insert.setString(10, text(process, VAR_APPLICANT_ID));
            Object stepIndex = process == null ? null : process.getVariable(VAR_STEP_INDEX);
            if (stepIndex instanceof Number number) {
                insert.setInt(11, number.intValue());
            } else {
                insert.setNull(11, Types.INTEGER);
            }
            insert.setString(12, text(process, VAR_REVIEW_ACTION));
            insert.setString(13, text(process, VAR_STEP_NAME_ZH));
            insert.setString(14, text(process, VAR_STEP_NAME_EN));
            insert.setString(15, text(process, VAR_REVIEW_UNIT_ID));
            insert.addBatch();
            counts.add(user, claimed, 1);
        }
        return true;
    }

    private static String text(ExecutionEntity process, String name) {
        Object value = process == null ? null : process.getVariable(name);
        return value == null ? null : value.toString();
    }

    @Override
    public boolean isFailOnException() {
        return true;
    }

    @Override
    public boolean isFireOnTransactionLifecycleEvent() {
        return false;
    }

    @Override
    public String getOnTransaction() {
        return null;
    }

    // --- reading -------------------------------------------------------------------------------------

    /** One page of an approver's inbox, in order, and how many entries match in all. */
    record InboxPage(List<ReviewTask> items, long total) {
    }

    private static final String ENTRY_COLUMNS = "select task_id, nomination_id, program_code, tier_code, applicant_id,"
            + " step_index, review_level, review_action, step_name_zh, step_name_en, review_unit_id, claimed, user_id,"
            + " created_at";

    /**
     * Reads the page from the table alone, in the current command. The total of an inbox filtered by nothing but
     * claimed/unclaimed is the user's count row ({@link InboxCounts}); other filters count the matching entries.
     */
    static InboxPage page(String userId, InboxQuery query) {
        StringBuilder where = new StringBuilder(" from tierflow_inbox where user_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(userId);
        InboxQuery.TaskState state = query.state() == null ? InboxQuery.TaskState.ANY : query.state();
        Boolean claimed = state == InboxQuery.TaskState.ANY ? null : state == InboxQuery.TaskState.CLAIMED_BY_ME;
        if (claimed != null) {
            where.append(" and claimed = ?");
            params.add(claimed);
        }
        if (query.programCode() != null) {
            where.append(" and program_code = ?");
            params.add(query.programCode());
        }
        if (query.tierCode() != null) {
            where.append(" and tier_code = ?");
            params.add(query.tierCode());
        }
        if (query.level() != null) {
            where.append(" and review_level = ?");
            params.add(query.level().name());
        }
        if (query.nominationId() != null) {
            where.append(" and nomination_id = ?");
            params.add(query.nominationId());
        }
        String order = query.order() == InboxQuery.Order.NEWEST_FIRST ? " order by created_at desc, task_id asc"
                : " order by created_at asc, task_id asc";
        Connection connection = Context.getCommandContext().getSession(DbSqlSession.class).getSqlSession().getConnection();
        try {
            // Filtered by nothing but the state: the approver's count row holds the total.
            boolean counted = query.programCode() == null && query.tierCode() == null && query.level() == null
                    && query.nominationId() == null;
            long total;
            if (counted) {
                total = InboxCounts.read(connection, userId, claimed);
            } else {
                try (PreparedStatement count = prepare(connection, "select count(*)" + where, params);
                     ResultSet rs = count.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<ReviewTask> items = new ArrayList<>();
            long offset = (long) query.page() * query.size();
            if (offset < total) {
                List<Object> pageParams = new ArrayList<>(params);
                pageParams.add(query.size());
                pageParams.add(offset);
                try (PreparedStatement page = prepare(connection, ENTRY_COLUMNS + where + order + " limit ? offset ?", pageParams);
                     ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        items.add(reviewTask(rs));
                    }
                }
            }
            return new InboxPage(items, total);
        } catch (SQLException e) {
            throw new IllegalStateException("TierFlow could not read the review inbox: " + e.getMessage(), e);
        }
    }

    private static ReviewTask reviewTask(ResultSet rs) throws SQLException {
        String taskId = rs.getString(1);
        int stepIndex = rs.getInt(6);
        if (rs.wasNull() || rs.getString(7) == null || rs.getString(8) == null) {
            throw new IllegalStateException("the review inbox entry of task " + taskId + " lacks its level review's"
                    + " stepIndex, reviewLevel or reviewAction variable");
        }
        return new ReviewTask(taskId, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), stepIndex,
                OrganisationLevel.valueOf(rs.getString(7)), ReviewAction.valueOf(rs.getString(8)),
                new LocalizedText(rs.getString(9), rs.getString(10)), rs.getString(11),
                rs.getBoolean(12) ? rs.getString(13) : null, rs.getTimestamp(14).toInstant());
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            Object value = params.get(i);
            if (value instanceof Boolean flag) {
                statement.setBoolean(i + 1, flag);
            } else if (value instanceof Integer number) {
                statement.setInt(i + 1, number);
            } else if (value instanceof Long number) {
                statement.setLong(i + 1, number);
            } else {
                statement.setString(i + 1, (String) value);
            }
        }
        return statement;
    }
}
