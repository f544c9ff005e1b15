package org.tierflow.core.internal.selection;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.function.Supplier;

import org.flowable.common.engine.impl.context.Context;
import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.hibernate.Session;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.program.LocalizedText;

/**
 * The guard of reviews being applied by a batch ({@code SelectionService.submitBatch}): while an item waits for its
 * job, every other decision, claim, delegation or withdrawal of it is refused with {@code batch-pending}. The batch's
 * own job marks its command, which the guard lets through. Called by the review engine inside the caller's command.
 */
public final class PendingBatches {

    /** Command attribute naming the batch whose job runs in the command. */
    static final String APPLYING = PendingBatches.class.getName() + ".applying";

    private final Supplier<Session> session;

    public PendingBatches(Supplier<Session> session) {
        this.session = session;
    }

    /**
     * Refuses to touch a review task that waits in a batch.
     *
     * @throws InvalidRequestException {@code batch-pending}
     */
    public void refuseIfTaskPending(String taskId) {
        pendingBatch("task_id", taskId).ifPresent(batchId -> {
            throw pending(batchId, "该审核任务", "this review");
        });
    }

    /**
     * Refuses to touch a nomination that waits in a batch.
     *
     * @throws InvalidRequestException {@code batch-pending}
     */
    public void refuseIfNominationPending(String nominationId) {
        pendingBatch("nomination_id", nominationId).ifPresent(batchId -> {
            throw pending(batchId, "申报 " + nominationId, "nomination " + nominationId);
        });
    }

    /** Which of these nominations wait in a batch (whichever command asks), a thousand per query. */
    public java.util.Set<String> pendingAmong(java.util.Collection<String> nominationIds) {
        java.util.Set<String> pending = new java.util.HashSet<>();
        java.util.List<String> ids = nominationIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return pending;
        }
        session.get().doWork(connection -> {
            for (int from = 0; from < ids.size(); from += 1000) {
                java.util.List<String> part = ids.subList(from, Math.min(ids.size(), from + 1000));
                String marks = String.join(", ", java.util.Collections.nCopies(part.size(), "?"));
                try (PreparedStatement query = connection.prepareStatement("select nomination_id from tierflow_batch_item"
                        + " where state = 'PENDING' and nomination_id in (" + marks + ")")) {
                    for (int i = 0; i < part.size(); i++) {
                        query.setString(i + 1, part.get(i));
                    }
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            pending.add(rows.getString(1));
                        }
                    }
                }
            }
        });
        return pending;
    }

    /** The problem of a batch item that another batch is applying. */
    static org.tierflow.core.api.BatchItemProblem problem(String nominationId) {
        return new org.tierflow.core.api.BatchItemProblem(nominationId, "batch-pending", new LocalizedText(
                "申报 " + nominationId + " 已由另一批量遴选选定，正在后台办理",
                "nomination " + nominationId + " is being applied by another batch selection"));
    }

    private static InvalidRequestException pending(String batchId, String whatZh, String whatEn) {
        return new InvalidRequestException("batch-pending", new LocalizedText(
                whatZh + "已由批量遴选 " + batchId + " 选定，正在后台办理，办理完成前不能再作其他处理",
                whatEn + " is being applied by batch selection " + batchId
                        + "; nothing else can be done with it until the batch has applied it"));
    }

    /** The batch in which this task or nomination waits, unless the current command is that batch's job. */
    private Optional<String> pendingBatch(String column, String value) {
        if (value == null) {
            return Optional.empty();
        }
        String batchId = session.get().doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("select batch_id from tierflow_batch_item where "
                    + column + " = ? and state = 'PENDING'")) {
                query.setString(1, value);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? rows.getString(1) : null;
                }
            }
        });
        if (batchId == null) {
            return Optional.empty();
        }
        CommandContext command = Context.getCommandContext();
        Object applying = command == null ? null : command.getAttribute(APPLYING);
        return batchId.equals(applying) ? Optional.empty() : Optional.of(batchId);
    }
}
