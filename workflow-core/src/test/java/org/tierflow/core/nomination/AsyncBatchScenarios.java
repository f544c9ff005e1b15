package org.tierflow.core.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.tierflow.core.nomination.TierFlowTestEngine.NINGXIA;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.flowable.engine.ManagementService;
import org.flowable.job.api.Job;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tierflow.bpmn.TierFlowBpmn;
import org.tierflow.core.api.BatchItemProblem;
import org.tierflow.core.api.BatchRejectedException;
import org.tierflow.core.api.BatchSelection;
import org.tierflow.core.api.BatchSelectionItem;
import org.tierflow.core.api.Decision;
import org.tierflow.core.api.DecisionOutcome;
import org.tierflow.core.api.InboxQuery;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationService;
import org.tierflow.core.api.NominationState;
import org.tierflow.core.api.NominationSubmission;
import org.tierflow.core.api.QuotaExceededException;
import org.tierflow.core.api.RankedCandidate;
import org.tierflow.core.api.ReviewService;
import org.tierflow.core.api.SelectionRound;
import org.tierflow.core.api.SelectionService;
import org.tierflow.core.api.TimelineEntry;
import org.tierflow.core.api.TimelineEntryType;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.internal.selection.BatchSelectionJobHandler;
import org.tierflow.core.spi.DecisionContext;
import org.tierflow.core.spi.DecisionHandler;

/**
 * Batch selections applied by engine jobs ({@link SelectionService#submitBatch}) on the real engine and a real
 * database: the submission checks and reserves at once, the jobs apply each chunk in its own transaction, a failing
 * chunk is retried and reported. The engine's async executor is off: the tests run the jobs with
 * {@link ManagementService#executeJob} on the test thread. Each test works in its own city of the tree.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AsyncBatchScenarios {

    static final String BACKBONE = SelectionScenarios.BACKBONE;

    /** The nomination whose decision the host's handler fails after recording it; none when null. */
    static final AtomicReference<String> FAIL_AFTER = new AtomicReference<>();

    static final DecisionHandler FAILING_HANDLER = new DecisionHandler() {
        @Override
        public Optional<LocalizedText> beforeDecision(DecisionContext context) {
            return Optional.empty();
        }

        @Override
        public void afterDecision(DecisionContext context) {
            if (context.nomination().id().equals(FAIL_AFTER.get())) {
                throw new IllegalStateException("host system down while recording " + context.nomination().id());
            }
        }
    };

    final AtomicInteger applicants = new AtomicInteger();
    TierFlowTestEngine fixture;
    NominationService nominations;
    ReviewService reviews;
    SelectionService selection;
    ManagementService management;

    abstract DataSource dataSource();

    abstract void closeDatabase() throws Exception;

    @BeforeAll
    void startEngine() {
        fixture = TierFlowTestEngine.start(dataSource(), builder -> builder
                .organisations(SelectionScenarios.tree("apply", "refuse", "fail", "big", "race"))
                .approvers(SelectionScenarios.APPROVERS)
                .decisionHandler("fail", FAILING_HANDLER));
        nominations = fixture.tierFlow.nominations();
        reviews = fixture.tierFlow.reviews();
        selection = fixture.tierFlow.selection();
        management = fixture.engine.getManagementService();
    }

    @AfterAll
    void stopEngine() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
        closeDatabase();
    }

    @Test
    void aSubmittedBatchReservesAtOnceRefusesEverybodyElseAndItsJobsApplyItLikeSelectBatch() {
        int size = 120; // two chunks
        selection.allocate(NINGXIA, BACKBONE, "nx", Map.of("apply-d1", size, "apply-d2", size), "nx-approver");
        List<String> async = submitAll("apply-d1-s1", size);
        List<String> sync = submitAll("apply-d2-s1", size);
        Nomination outsider = submit("apply-d1-s1");
        SelectionRound asyncRound = openRoundNow("apply-d1");
        SelectionRound syncRound = openRoundNow("apply-d2");
        List<String> ranked = rankedIds(asyncRound, "apply-d1-approver");
        List<String> selected = ranked.stream().filter(id -> !id.equals(outsider.id())).toList();
        assertThat(selected).hasSize(size);

        BatchSelection batch = selection.submitBatch(asyncRound.id(), "apply-d1-approver", selected, "择优 / merit", false);

        // Recorded and reserved in the submission's transaction; nothing decided yet.
        assertThat(batch.state()).isEqualTo(BatchSelection.State.PENDING);
        assertThat(batch.items()).extracting(BatchSelectionItem::nominationId).containsExactlyElementsOf(selected);
        assertThat(batch.items()).extracting(BatchSelectionItem::state).containsOnly(BatchSelectionItem.State.WAITING);
        assertThat(batch.items()).extracting(BatchSelectionItem::outcome).containsOnly(DecisionOutcome.PASS);
        assertThat(batch.items().get(0).rank()).isEqualTo(ranked.indexOf(selected.get(0)) + 1);
        assertThat(selection.quota(NINGXIA, BACKBONE, "apply-d1").used()).as("slots reserved").isEqualTo(size);
        assertThat(nominations.get(selected.get(0)).state()).isEqualTo(NominationState.IN_REVIEW);
        assertThat(jobsOf(batch)).hasSize(2);
        assertThat(reviews.inbox("apply-d1-approver", InboxQuery.all()).total())
                .as("only the outsider is left in the inbox").isEqualTo(1);
        assertThat(rankedIds(asyncRound, "apply-d1-approver")).containsExactly(outsider.id());

        // Nobody else can decide, claim or withdraw a waiting item, nor select it in another batch.
        String pendingTask = openTask(selected.get(5)).getId();
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> reviews.decide(pendingTask,
                "apply-d1-approver-2", Decision.pass("抢先 / first")))).extracting(InvalidRequestException::code)
                .isEqualTo("batch-pending");
        assertThat(catchThrowableOfType(InvalidRequestException.class,
                () -> reviews.claim(pendingTask, "apply-d1-approver-2"))).extracting(InvalidRequestException::code)
                .isEqualTo("batch-pending");
        Nomination pendingNomination = nominations.get(selected.get(5));
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> nominations.withdraw(pendingNomination.id(),
                pendingNomination.applicantId(), "不报了 / changed my mind"))).extracting(InvalidRequestException::code)
                .isEqualTo("batch-pending");
        BatchRejectedException again = catchThrowableOfType(BatchRejectedException.class, () -> selection.selectBatch(
                asyncRound.id(), "apply-d1-approver-2", List.of(selected.get(5), outsider.id()), "再选 / again"));
        assertThat(again.problems()).extracting(BatchItemProblem::nominationId, BatchItemProblem::code)
                .contains(org.assertj.core.groups.Tuple.tuple(selected.get(5), "batch-pending"),
                        org.assertj.core.groups.Tuple.tuple(outsider.id(), "quota-full"));
        // The reserved slots are gone for everybody else: the outsider does not fit.
        assertThatThrownBy(() -> reviews.decide(openTask(outsider.id()).getId(), "apply-d1-approver",
                Decision.pass("也选 / too"))).isInstanceOf(QuotaExceededException.class);

        runJobs(batch);

        BatchSelection applied = selection.batchSelection(batch.id());
        assertThat(applied.state()).isEqualTo(BatchSelection.State.APPLIED);
        assertThat(applied.items()).extracting(BatchSelectionItem::state).containsOnly(BatchSelectionItem.State.APPLIED);
        assertThat(applied.items()).allSatisfy(item -> assertThat(item.appliedAt()).isNotNull());
        assertThat(jobsOf(batch)).isEmpty();

        // The same end state as the synchronous batch.
        selection.selectBatch(syncRound.id(), "apply-d2-approver", rankedIds(syncRound, "apply-d2-approver"),
                "择优 / merit");
        assertThat(selection.quota(NINGXIA, BACKBONE, "apply-d1").used()).as("no second slot").isEqualTo(size);
        assertThat(selection.quota(NINGXIA, BACKBONE, "apply-d2").used()).isEqualTo(size);
        assertThat(reviews.inbox("apply-d1-approver", InboxQuery.all()).total()).isEqualTo(1);
        assertThat(reviews.inbox("apply-d2-approver", InboxQuery.all()).total()).isZero();
        for (int i : new int[] {0, 99, 100, size - 1}) {
            String a = selected.get(i);
            String s = sync.get(i);
            assertThat(shape(a)).isEqualTo(shape(s));
            assertThat(nominations.get(a).state()).isEqualTo(NominationState.SELECTED);
            TimelineEntry passed = lastDecision(a);
            assertThat(passed.actorId()).isEqualTo("apply-d1-approver");
            assertThat(passed.comment()).isEqualTo("择优 / merit");
            assertThat(passed.data()).containsEntry("roundId", asyncRound.id())
                    .containsEntry("rank", applied.items().get(i).rank())
                    .containsEntry("batchSelectionId", batch.id());
        }
        assertThat(async).containsExactlyInAnyOrderElementsOf(selected);

        // Applied items are ordinary selected candidates again: the waitlist works on them.
        assertThat(selection.withdrawSelected(selected.get(0), "apply-d1-approver", "放弃 / declined").promoted())
                .map(Nomination::id).contains(outsider.id());
    }

    @Test
    void aSubmissionWithProblemsIsRefusedLikeSelectBatchAndChangesNothing() {
        selection.allocate(NINGXIA, BACKBONE, "nx", Map.of("refuse-d1", 2), "nx-approver");
        List<String> ids = submitAll("refuse-d1-s1", 3);
        SelectionRound round = openRoundNow("refuse-d1");
        List<String> ranked = rankedIds(round, "refuse-d1-approver");
        List<String> batch = new ArrayList<>(ranked);
        batch.add("no-such-nomination");
        batch.add(ranked.get(0));

        BatchRejectedException asynchronous = catchThrowableOfType(BatchRejectedException.class,
                () -> selection.submitBatch(round.id(), "refuse-d1-approver", batch, " ", true));
        BatchRejectedException synchronous = catchThrowableOfType(BatchRejectedException.class,
                () -> selection.selectBatch(round.id(), "refuse-d1-approver", batch, " ", true));

        assertThat(asynchronous.problems()).isEqualTo(synchronous.problems());
        assertThat(asynchronous.problems()).extracting(BatchItemProblem::code)
                .contains("reason-required", "not-found", "duplicate", "quota-full");
        assertThat(selection.quota(NINGXIA, BACKBONE, "refuse-d1").used()).isZero();
        assertThat(reviews.inbox("refuse-d1-approver", InboxQuery.all()).total()).isEqualTo(3);
        assertThat(rankedIds(round, "refuse-d1-approver")).containsExactlyElementsOf(ranked);
        assertThat(management.createJobQuery().handlerType(BatchSelectionJobHandler.TYPE).count()).isZero();
        assertThat(ids).containsExactlyInAnyOrderElementsOf(ranked);
        assertThat(catchThrowableOfType(BatchRejectedException.class, () -> selection.submitBatch(round.id(),
                "refuse-d2-approver", ranked.subList(0, 1), "择优 / merit", false)).problems())
                .extracting(BatchItemProblem::code).contains("not-authorized");
    }

    @Test
    void aFailingItemFailsOnlyItsChunkWhichIsRetriedThenReportedAndCanBeRunAgain() {
        int size = 150; // chunk 0: 100 items, chunk 1: 50 items and 10 rejections
        selection.allocate(NINGXIA, BACKBONE, "nx", Map.of("fail-d1", size), "nx-approver");
        submitAll("fail-d1-s1", size + 10);
        SelectionRound round = openRoundNow("fail-d1");
        List<String> ranked = rankedIds(round, "fail-d1-approver");
        List<String> selected = ranked.subList(0, size);
        String failing = selected.get(120);
        BatchSelection batch = selection.submitBatch(round.id(), "fail-d1-approver", selected, "择优 / merit", true);
        assertThat(batch.items()).hasSize(size + 10);
        assertThat(batch.items().subList(size, size + 10)).extracting(BatchSelectionItem::outcome)
                .containsOnly(DecisionOutcome.REJECT);

        FAIL_AFTER.set(failing);
        try {
            List<Job> jobs = jobsOf(batch);
            assertThat(jobs).hasSize(2);
            for (Job job : jobs) {
                runUntilDoneOrDead(job);
            }
        } finally {
            FAIL_AFTER.set(null);
        }

        BatchSelection reported = selection.batchSelection(batch.id());
        assertThat(reported.state()).isEqualTo(BatchSelection.State.FAILED);
        assertThat(reported.count(BatchSelectionItem.State.APPLIED)).as("the first chunk").isEqualTo(100);
        assertThat(reported.count(BatchSelectionItem.State.FAILED)).as("the second chunk, rolled back").isEqualTo(60);
        BatchSelectionItem failed = reported.items().get(120);
        assertThat(failed.failure()).contains(failing).contains("host system down");
        assertThat(nominations.get(selected.get(0)).state()).isEqualTo(NominationState.SELECTED);
        assertThat(nominations.get(selected.get(101)).state()).as("rolled back with its chunk")
                .isEqualTo(NominationState.IN_REVIEW);
        assertThat(lastDecisionOrNone(failing)).isEmpty();
        assertThat(selection.quota(NINGXIA, BACKBONE, "fail-d1").used()).as("still reserved").isEqualTo(size);
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> reviews.decide(openTask(failing).getId(),
                "fail-d1-approver", Decision.pass("手工 / by hand")))).extracting(InvalidRequestException::code)
                .isEqualTo("batch-pending");

        // Once the host's problem is fixed, the dead-letter job runs again and the batch completes.
        Job dead = management.createDeadLetterJobQuery().handlerType(BatchSelectionJobHandler.TYPE).list().stream()
                .filter(job -> job.getJobHandlerConfiguration().startsWith(batch.id())).findFirst().orElseThrow();
        management.executeJob(management.moveDeadLetterJobToExecutableJob(dead.getId(), 1).getId());
        BatchSelection done = selection.batchSelection(batch.id());
        assertThat(done.state()).isEqualTo(BatchSelection.State.APPLIED);
        assertThat(nominations.get(failing).state()).isEqualTo(NominationState.SELECTED);
        assertThat(nominations.get(ranked.get(size)).state()).isEqualTo(NominationState.REJECTED);
        assertThat(selection.quota(NINGXIA, BACKBONE, "fail-d1").used()).isEqualTo(size);
        assertThat(reviews.inbox("fail-d1-approver", InboxQuery.all()).total()).isZero();
    }

    @Test
    void aConcurrentPassAndSubmissionNeverTakeMoreThanTheQuota() throws Exception {
        int size = 5;
        selection.allocate(NINGXIA, BACKBONE, "nx", Map.of("race-d1", size), "nx-approver");
        List<String> batchIds = submitAll("race-d1-s1", size);
        Nomination outsider = submit("race-d1-s1");
        SelectionRound round = openRoundNow("race-d1");
        String outsiderTask = openTask(outsider.id()).getId();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<Object> batch = threads.submit(() -> {
                start.await();
                try {
                    return selection.submitBatch(round.id(), "race-d1-approver", batchIds, "择优 / merit", false);
                } catch (BatchRejectedException | org.tierflow.core.api.ConcurrentChangeException e) {
                    return e;
                }
            });
            java.util.concurrent.Future<Object> pass = threads.submit(() -> {
                start.await();
                try {
                    return reviews.decide(outsiderTask, "race-d1-approver-2", Decision.pass("先到 / first"));
                } catch (QuotaExceededException | InvalidRequestException
                         | org.tierflow.core.api.ConcurrentChangeException e) {
                    return e;
                }
            });
            start.countDown();
            Object batchResult = batch.get(2, java.util.concurrent.TimeUnit.MINUTES);
            Object passResult = pass.get(2, java.util.concurrent.TimeUnit.MINUTES);
            boolean batchWon = batchResult instanceof BatchSelection;
            boolean passWon = passResult instanceof Nomination;
            assertThat(batchWon && passWon).as("both cannot fit: %s / %s", batchResult, passResult).isFalse();
            assertThat(batchWon || passWon).as("one of them goes through: %s / %s", batchResult, passResult).isTrue();
            assertThat(selection.quota(NINGXIA, BACKBONE, "race-d1").used()).isEqualTo(batchWon ? size : 1);
            if (batchWon) {
                runJobs((BatchSelection) batchResult);
                assertThat(selection.quota(NINGXIA, BACKBONE, "race-d1").used()).isEqualTo(size);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** Runs the job, and its retries, until it succeeded or the engine gave up on it (a dead-letter job). */
    void runUntilDoneOrDead(Job job) {
        String id = job.getId();
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                management.executeJob(id);
                return;
            } catch (RuntimeException failed) {
                Job retry = management.createTimerJobQuery().jobId(id).singleResult();
                if (retry == null) {
                    assertThat(management.createDeadLetterJobQuery().jobId(id).singleResult()).isNotNull();
                    return;
                }
                id = management.moveTimerToExecutableJob(retry.getId()).getId();
            }
        }
        throw new AssertionError("job " + job.getId() + " neither succeeded nor failed for good");
    }

    List<Job> jobsOf(BatchSelection batch) {
        return management.createJobQuery().handlerType(BatchSelectionJobHandler.TYPE).list().stream()
                .filter(job -> job.getJobHandlerConfiguration().startsWith(batch.id() + ":"))
                .toList();
    }

    void runJobs(BatchSelection batch) {
        jobsOf(batch).forEach(job -> management.executeJob(job.getId()));
    }

    /** What a decision leaves of a nomination, to compare two nominations decided alike. */
    List<Object> shape(String nominationId) {
        return List.of(nominations.get(nominationId).state(),
                nominations.timeline(nominationId).stream().map(TimelineEntry::type).toList(),
                fixture.engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(nominationId)
                        .count(),
                fixture.engine.getTaskService().createTaskQuery()
                        .processVariableValueEquals(TierFlowBpmn.VAR_NOMINATION_ID, nominationId).count(),
                selection.quota(NINGXIA, BACKBONE, nominations.get(nominationId).unitId()).used());
    }

    List<String> submitAll(String unitId, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(submit(unitId).id());
        }
        return ids;
    }

    Nomination submit(String unitId) {
        return nominations.submit(new NominationSubmission(NINGXIA, BACKBONE,
                "applicant-" + getClass().getSimpleName() + "-" + applicants.incrementAndGet(), unitId,
                TierFlowTestEngine.eligibleFacts(BACKBONE), List.of()));
    }

    List<String> rankedIds(SelectionRound round, String userId) {
        return selection.rankedCandidates(round.id(), userId).stream().map(RankedCandidate::nominationId).toList();
    }

    Task openTask(String nominationId) {
        return fixture.engine.getTaskService().createTaskQuery()
                .processDefinitionKey(TierFlowBpmn.LEVEL_REVIEW_PROCESS)
                .taskDefinitionKey(TierFlowBpmn.TASK_REVIEW_NOMINATION)
                .processVariableValueEquals(TierFlowBpmn.VAR_NOMINATION_ID, nominationId)
                .singleResult();
    }

    SelectionRound openRoundNow(String districtId) {
        Instant now = fixture.engine.getProcessEngineConfiguration().getClock().getCurrentTime().toInstant();
        return selection.openRound(NINGXIA, BACKBONE, districtId, OrganisationLevel.DISTRICT, now.minusSeconds(60),
                now.plus(Duration.ofDays(1)), districtId + "-approver");
    }

    TimelineEntry lastDecision(String nominationId) {
        return lastDecisionOrNone(nominationId).orElseThrow();
    }

    Optional<TimelineEntry> lastDecisionOrNone(String nominationId) {
        List<TimelineEntry> decisions = nominations.timeline(nominationId).stream()
                .filter(e -> e.type() == TimelineEntryType.PASSED || e.type() == TimelineEntryType.REJECTED)
                .toList();
        return decisions.isEmpty() ? Optional.empty() : Optional.of(decisions.get(decisions.size() - 1));
    }
}
