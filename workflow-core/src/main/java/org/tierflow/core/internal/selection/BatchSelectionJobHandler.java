package org.tierflow.core.internal.selection;

import java.util.Optional;

import org.flowable.common.engine.impl.interceptor.CommandContext;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.job.service.JobHandler;
import org.flowable.job.service.impl.persistence.entity.JobEntity;
import org.flowable.variable.api.delegate.VariableScope;

/**
 * The engine job that applies one chunk of a batch selection ({@code SelectionService.submitBatch}): configuration
 * {@code <batchId>:<chunk>}. It runs in the job's own transaction on whichever node runs Flowable's async executor;
 * a failure rolls back the chunk, and the engine retries the job (then keeps it as a dead-letter job, which the
 * batch reports).
 */
public final class BatchSelectionJobHandler implements JobHandler {

    public static final String TYPE = "tierflow-batch-selection";

    private final DefaultSelectionService selection;

    BatchSelectionJobHandler(DefaultSelectionService selection) {
        this.selection = selection;
    }

    /** Registers the handler with an engine configuration, before the engine is built. */
    public static void register(ProcessEngineConfiguration configuration, DefaultSelectionService selection) {
        if (!(configuration instanceof ProcessEngineConfigurationImpl impl)) {
            throw new IllegalArgumentException("TierFlow needs a ProcessEngineConfigurationImpl; got " + configuration.getClass());
        }
        impl.addCustomJobHandler(new BatchSelectionJobHandler(selection));
    }

    @Override
    public String getType() {
        return TYPE;
    }

    @Override
    public void execute(JobEntity job, String configuration, VariableScope variableScope, CommandContext commandContext) {
        int colon = configuration.lastIndexOf(':');
        String batchId = configuration.substring(0, colon);
        int chunk = Integer.parseInt(configuration.substring(colon + 1));
        commandContext.addAttribute(PendingBatches.APPLYING, batchId);
        try {
            selection.applyChunk(batchId, chunk);
        } catch (RuntimeException e) {
            // The engine keeps the message of what the job throws (the batch reports it): the item's own failure,
            // not the command wrapper around it.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ItemFailed failed) {
                    throw failed;
                }
            }
            throw e;
        } finally {
            commandContext.removeAttribute(PendingBatches.APPLYING);
        }
    }

    /** An item of the chunk could not be applied: names it, and why, in Chinese and English. */
    static final class ItemFailed extends RuntimeException {
        ItemFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static String configuration(String batchId, int chunk) {
        return batchId + ":" + chunk;
    }

    /** The chunk a job of this batch applies, or empty for another batch's job. */
    static Optional<Integer> chunkOf(String batchId, String configuration) {
        return configuration != null && configuration.startsWith(batchId + ":")
                ? Optional.of(Integer.parseInt(configuration.substring(batchId.length() + 1))) : Optional.empty();
    }
}
