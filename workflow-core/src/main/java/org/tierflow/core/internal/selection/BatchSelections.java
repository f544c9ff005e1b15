package org.tierflow.core.internal.selection;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.engine.impl.util.CommandContextUtil;
import org.flowable.job.api.Job;
import org.flowable.job.service.JobService;
import org.flowable.job.service.impl.persistence.entity.JobEntity;
import org.hibernate.Session;
import org.tierflow.core.api.BatchSelection;
import org.tierflow.core.api.BatchSelectionItem;
import org.tierflow.core.api.DecisionOutcome;
import org.tierflow.core.api.SelectionRound;

/**
 * The rows of batch selections applied by engine jobs (tables {@code tierflow_batch_selection} and
 * {@code tierflow_batch_item}, migration V13), written and read with plain JDBC on the command's connection: a batch
 * of ten thousand items is written in a few statements, not one entity flush per item. Every method runs inside the
 * caller's engine command.
 */
final class BatchSelections {

    /** Items a job applies in one transaction. */
    static final int CHUNK_SIZE = 100;

    /** Rows per JDBC batch and per {@code in (...)} list. */
    private static final int STATEMENT_BATCH = 1000;

    private final SelectionContext context;

    BatchSelections(SelectionContext context) {
        this.context = context;
    }

    /** An item as submitted. */
    record NewItem(String nominationId, String taskId, DecisionOutcome outcome, int rank, BigDecimal score) {
    }

    /** A batch as stored. */
    record BatchRow(String id, String roundId, String userId, String comment, boolean rejectOthers, int chunkCount,
                    Instant submittedAt) {
    }

    /** An item as stored. */
    record ItemRow(int seq, int chunk, String nominationId, String taskId, DecisionOutcome outcome, int rank,
                   BigDecimal score, String state, String message, Instant appliedAt) {
    }

    /**
     * Records the batch and its items as pending, takes the items' reviews out of the approvers' inboxes and creates
     * one async job per chunk of items.
     */
    void submit(BatchRow batch, List<NewItem> items) {
        Instant now = batch.submittedAt();
        session().flush();
        session().doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into tierflow_batch_selection (id, round_id,"
                    + " user_id, comment_text, reject_others, item_count, chunk_count, submitted_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, batch.id());
                insert.setString(2, batch.roundId());
                insert.setString(3, batch.userId());
                insert.setString(4, batch.comment());
                insert.setBoolean(5, batch.rejectOthers());
                insert.setInt(6, items.size());
                insert.setInt(7, batch.chunkCount());
                insert.setObject(8, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                insert.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into tierflow_batch_item (batch_id, seq,"
                    + " chunk, nomination_id, task_id, outcome, item_rank, score, state) values (?, ?, ?, ?, ?, ?, ?, ?,"
                    + " 'PENDING')")) {
                for (int seq = 0; seq < items.size(); seq++) {
                    NewItem item = items.get(seq);
                    insert.setString(1, batch.id());
                    insert.setInt(2, seq);
                    insert.setInt(3, seq / CHUNK_SIZE);
                    insert.setString(4, item.nominationId());
                    insert.setString(5, item.taskId());
                    insert.setString(6, item.outcome().name());
                    insert.setInt(7, item.rank());
                    insert.setBigDecimal(8, item.score());
                    insert.addBatch();
                    if ((seq + 1) % STATEMENT_BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            // Out of the approvers' inboxes while the batch applies them; the engine's listener (ReviewInbox) writes
            // the rows of the next step's reviews when a job completes these tasks.
            List<String> taskIds = items.stream().map(NewItem::taskId).toList();
            InboxCounts counts = new InboxCounts();
            String databaseType = engineConfiguration().getDatabaseType();
            for (int from = 0; from < taskIds.size(); from += STATEMENT_BATCH) {
                List<String> part = taskIds.subList(from, Math.min(taskIds.size(), from + STATEMENT_BATCH));
                try (PreparedStatement delete = connection.prepareStatement(InboxCounts.deleteReturning(databaseType,
                        "task_id in (" + String.join(", ", Collections.nCopies(part.size(), "?")) + ")"))) {
                    for (int i = 0; i < part.size(); i++) {
                        delete.setString(i + 1, part.get(i));
                    }
                    counts.subtract(delete);
                }
            }
            counts.write(connection, databaseType);
        });
        JobService jobs = engineConfiguration().getJobServiceConfiguration().getJobService();
        for (int chunk = 0; chunk < batch.chunkCount(); chunk++) {
            JobEntity job = jobs.createJob();
            job.setJobHandlerType(BatchSelectionJobHandler.TYPE);
            job.setJobHandlerConfiguration(BatchSelectionJobHandler.configuration(batch.id(), chunk));
            jobs.createAsyncJob(job, false);
            jobs.scheduleAsyncJob(job);
        }
    }

    Optional<BatchRow> batch(String batchId) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("select id, round_id, user_id, comment_text,"
                    + " reject_others, chunk_count, submitted_at from tierflow_batch_selection where id = ?")) {
                query.setString(1, batchId);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<BatchRow>empty();
                    }
                    return Optional.of(new BatchRow(row.getString(1), row.getString(2), row.getString(3),
                            row.getString(4), row.getBoolean(5), row.getInt(6), instant(row.getObject(7, OffsetDateTime.class))));
                }
            }
        });
    }

    /** The batch's items, in order; only those of one chunk when {@code chunk} is not null. */
    List<ItemRow> items(String batchId, Integer chunk) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("select seq, chunk, nomination_id, task_id,"
                    + " outcome, item_rank, score, state, message, applied_at from tierflow_batch_item where batch_id = ?"
                    + (chunk == null ? "" : " and chunk = ?") + " order by seq")) {
                query.setString(1, batchId);
                if (chunk != null) {
                    query.setInt(2, chunk);
                }
                List<ItemRow> items = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        items.add(new ItemRow(row.getInt(1), row.getInt(2), row.getString(3), row.getString(4),
                                DecisionOutcome.valueOf(row.getString(5)), row.getInt(6), row.getBigDecimal(7),
                                row.getString(8), row.getString(9), instant(row.getObject(10, OffsetDateTime.class))));
                    }
                }
                return items;
            }
        });
    }

    /** Marks an item as applied, or failed with a message, when its job decided or skipped it. */
    void finish(String batchId, int seq, String state, String message, Instant at) {
        session().doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("update tierflow_batch_item set state = ?,"
                    + " message = ?, applied_at = ? where batch_id = ? and seq = ?")) {
                update.setString(1, state);
                update.setString(2, message);
                update.setObject(3, at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                update.setString(4, batchId);
                update.setInt(5, seq);
                update.executeUpdate();
            }
        });
    }

    /** The batch as it stands: a pending item of a chunk whose job is dead-lettered counts as failed. */
    BatchSelection toBatchSelection(BatchRow batch, SelectionRound round) {
        Map<Integer, String> deadChunks = new HashMap<>();
        for (Job job : context.engine().get().getManagementService().createDeadLetterJobQuery()
                .handlerType(BatchSelectionJobHandler.TYPE).list()) {
            BatchSelectionJobHandler.chunkOf(batch.id(), job.getJobHandlerConfiguration())
                    .ifPresent(chunk -> deadChunks.put(chunk, job.getExceptionMessage()));
        }
        List<BatchSelectionItem> items = new ArrayList<>();
        for (ItemRow item : items(batch.id(), null)) {
            BatchSelectionItem.State state;
            String failure = item.message();
            switch (item.state()) {
                case "APPLIED" -> state = BatchSelectionItem.State.APPLIED;
                case "FAILED" -> state = BatchSelectionItem.State.FAILED;
                default -> {
                    if (deadChunks.containsKey(item.chunk())) {
                        state = BatchSelectionItem.State.FAILED;
                        failure = "本块（第 " + (item.chunk() + 1) + " 块）作业多次重试后仍失败，本块未办理任何申报 / the job of"
                                + " this chunk (chunk " + (item.chunk() + 1) + ") failed on every retry; nothing of the"
                                + " chunk was applied: " + deadChunks.get(item.chunk());
                    } else {
                        state = BatchSelectionItem.State.WAITING;
                    }
                }
            }
            items.add(new BatchSelectionItem(item.nominationId(), item.outcome(), item.rank(), item.score(), state,
                    item.appliedAt(), failure));
        }
        boolean waiting = items.stream().anyMatch(i -> i.state() == BatchSelectionItem.State.WAITING);
        boolean failed = items.stream().anyMatch(i -> i.state() == BatchSelectionItem.State.FAILED);
        BatchSelection.State state = waiting ? BatchSelection.State.PENDING
                : failed ? BatchSelection.State.FAILED : BatchSelection.State.APPLIED;
        return new BatchSelection(batch.id(), round, batch.userId(), batch.comment(), batch.rejectOthers(),
                batch.submittedAt(), state, items);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static ProcessEngineConfigurationImpl engineConfiguration() {
        CommandContext command = org.flowable.common.engine.impl.context.Context.getCommandContext();
        if (command == null) {
            throw new IllegalStateException("batch jobs are created inside an engine command");
        }
        return CommandContextUtil.getProcessEngineConfiguration(command);
    }

    private Session session() {
        return context.session().get();
    }
}
