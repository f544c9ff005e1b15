package org.tierflow.benchmarks;

import java.util.List;
import java.util.Locale;

import com.zaxxer.hikari.HikariDataSource;
import org.flowable.engine.ManagementService;
import org.flowable.job.api.Job;
import org.tierflow.core.api.BatchSelection;
import org.tierflow.core.api.RankedCandidate;
import org.tierflow.core.api.SelectionRound;
import org.tierflow.core.internal.selection.BatchSelectionJobHandler;

/**
 * Scenario c with the asynchronous batch ({@code SelectionService.submitBatch}): the same data as the synchronous
 * batch (on a database of its own), timed twice — the submission's answer (checks, quota reservation, the batch's
 * record, its jobs), which is what the target is about, and then the time until every job has applied its chunk.
 * The harness drains the jobs itself with {@link ManagementService#executeJob}, one after the other on one thread
 * (the benchmark engine runs no async executor), so the catching-up time is one node working alone.
 */
final class AsyncBatchScenario {

    private AsyncBatchScenario() {
    }

    static void run(Options options, NationalTree tree, Report report, BenchDatabase kind) {
        HikariDataSource ds = kind.create("batchasync");
        try (TierFlowContender tierFlow = new TierFlowContender(ds, tree)) {
            SelectionRound round = Dataset.provinceRound(tierFlow, tree, new Cloner(ds), options.batch(),
                    options.templates() / 3);
            String approver = NationalTree.approverOf("p");
            List<String> ids = tierFlow.tierFlow.selection().rankedCandidates(round.id(), approver).stream()
                    .map(RankedCandidate::nominationId).toList();

            long start = System.nanoTime();
            BatchSelection batch = tierFlow.tierFlow.selection().submitBatch(round.id(), approver, ids, "batch", false);
            double submitSeconds = (System.nanoTime() - start) / 1e9;

            ManagementService management = tierFlow.engine.getManagementService();
            start = System.nanoTime();
            int jobs = 0;
            for (Job job : management.createJobQuery().handlerType(BatchSelectionJobHandler.TYPE).list()) {
                if (options.drain()) {
                    management.executeJob(job.getId());
                }
                jobs++;
            }
            double drainSeconds = options.drain() ? (System.nanoTime() - start) / 1e9 : Double.NaN;
            if (!options.drain()) {
                report.note("scenario c on " + kind + ": --no-drain, the batch's " + jobs
                        + " jobs were not run; only submitBatch's answer was timed");
            }
            BatchSelection applied = tierFlow.tierFlow.selection().batchSelection(batch.id());

            String subject = String.format(Locale.ROOT, "%,d candidates waiting, all selected, tier quota 10,000;"
                    + " submitBatch, then its %d jobs drained on one thread", ids.size(), jobs);
            report.add(Scenarios.C, kind.name(), subject, "submitBatch (s)", submitSeconds, "s");
            if (options.drain()) {
                report.add(Scenarios.C, kind.name(), subject, "jobs until every item applied (s)", drainSeconds, "s");
                report.add(Scenarios.C, kind.name(), subject, "applied", applied.count(
                        org.tierflow.core.api.BatchSelectionItem.State.APPLIED), "nominations");
            }
            report.target("(c) batch of " + String.format(Locale.ROOT, "%,d", ids.size())
                            + " under 5 s (submitBatch's answer)", kind.name(),
                    options.drain() ? String.format(Locale.ROOT, "%.1f s (then %.0f s until applied)", submitSeconds, drainSeconds)
                            : String.format(Locale.ROOT, "%.1f s (jobs not run: --no-drain)", submitSeconds),
                    ids.size() >= 10_000 ? submitSeconds < 5 : null);
        } finally {
            kind.drop(ds);
        }
    }
}
