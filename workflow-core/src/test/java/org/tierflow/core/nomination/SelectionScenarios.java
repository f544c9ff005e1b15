package org.tierflow.core.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.tierflow.core.nomination.TierFlowTestEngine.NINGXIA;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.flowable.common.engine.impl.runtime.Clock;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tierflow.bpmn.TierFlowBpmn;
import org.tierflow.core.api.AllocationProblem;
import org.tierflow.core.api.BatchItemProblem;
import org.tierflow.core.api.BatchOutcome;
import org.tierflow.core.api.BatchRejectedException;
import org.tierflow.core.api.Decision;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationService;
import org.tierflow.core.api.NominationState;
import org.tierflow.core.api.NominationSubmission;
import org.tierflow.core.api.NotAuthorizedException;
import org.tierflow.core.api.OrganisationUnit;
import org.tierflow.core.api.Quota;
import org.tierflow.core.api.QuotaAllocationException;
import org.tierflow.core.api.QuotaExceededException;
import org.tierflow.core.api.RankedCandidate;
import org.tierflow.core.api.ReviewService;
import org.tierflow.core.api.SelectionRound;
import org.tierflow.core.api.SelectionService;
import org.tierflow.core.api.TimelineEntry;
import org.tierflow.core.api.TimelineEntryType;
import org.tierflow.core.api.Withdrawal;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.spi.ApproverDirectory;
import org.tierflow.core.spi.DecisionContext;
import org.tierflow.core.spi.DecisionHandler;
import org.tierflow.core.support.InMemoryOrganisationDirectory;

/**
 * Selection under quota on the real engine and a real database: allocation rules, enforcement on every pass,
 * ranking, all-or-nothing batches, the round window and the waitlist. Each test works in its own city of the
 * tree (a prefix below), so tests share the engine without sharing quotas. Subclasses choose the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SelectionScenarios {

    static final String TEACHING = "teaching-talent";
    static final String BACKBONE = "backbone-talent";

    /** Every unit has two approvers, {@code <unit>-approver} and {@code <unit>-approver-2}. */
    static final ApproverDirectory APPROVERS = query -> List.of(query.unitId() + "-approver", query.unitId() + "-approver-2");

    /** The review test tree, plus per test a city under the region with two districts and a school in each. */
    static InMemoryOrganisationDirectory tree(String... cities) {
        List<OrganisationUnit> units = new ArrayList<>(TierFlowTestEngine.testTree().units());
        for (String city : cities) {
            units.add(new OrganisationUnit(city, new LocalizedText(city + "市教育局", city + " city bureau"),
                    OrganisationLevel.CITY, "nx"));
            for (int d = 1; d <= 2; d++) {
                String district = city + "-d" + d;
                units.add(new OrganisationUnit(district, new LocalizedText(district + "区教育局", district + " district bureau"),
                        OrganisationLevel.DISTRICT, city));
                units.add(new OrganisationUnit(district + "-s1", new LocalizedText(district + "第一中学", district + " No. 1 school"),
                        OrganisationLevel.SCHOOL, district));
            }
        }
        return InMemoryOrganisationDirectory.of(units);
    }

    /** Candidates in the large batch: more than three of the selection service's chunks. */
    static final int LARGE_BATCH = 650;

    /** The nomination the large batch's handler vetoes, or fails after passing; none when null. */
    static final AtomicReference<String> VETO = new AtomicReference<>();
    static final AtomicReference<String> FAIL_AFTER = new AtomicReference<>();

    static final DecisionHandler LARGE_BATCH_HANDLER = new DecisionHandler() {
        @Override
        public Optional<LocalizedText> beforeDecision(DecisionContext context) {
            return context.nomination().id().equals(VETO.get())
                    ? Optional.of(new LocalizedText("材料不全", "papers incomplete")) : Optional.empty();
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
    Clock clock;

    abstract DataSource dataSource();

    abstract void closeDatabase() throws Exception;

    @BeforeAll
    void startEngine() {
        fixture = TierFlowTestEngine.start(dataSource(), builder -> builder
                .organisations(tree("alloc", "enforce", "rank", "batch", "window", "wait", "large"))
                .approvers(APPROVERS)
                .decisionHandler("large", LARGE_BATCH_HANDLER));
        nominations = fixture.tierFlow.nominations();
        reviews = fixture.tierFlow.reviews();
        selection = fixture.tierFlow.selection();
        clock = fixture.engine.getProcessEngineConfiguration().getClock();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @AfterAll
    void stopEngine() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
        closeDatabase();
    }

    // ------------------------------------------------------------------------------------------ allocation

    @Test
    void allocationReportsEveryProblemAtOnceAndChangesNothing() {
        selection.allocate(NINGXIA, TEACHING, "nx", Map.of("alloc", 10), "nx-approver");

        Map<String, Integer> wrong = new java.util.LinkedHashMap<>();
        wrong.put("alloc-d1", 6);
        wrong.put("alloc-d2", 5);           // 6 + 5 = 11 > the city's own 10
        wrong.put("rank-d1", 1);            // a district of another city
        wrong.put("alloc-d1-s1", 1);        // below the city, but a school: the level below the city is the district
        wrong.put("nowhere", 1);            // not in the tree
        QuotaAllocationException refused = catchThrowableOfType(QuotaAllocationException.class,
                () -> selection.allocate(NINGXIA, TEACHING, "alloc", wrong, "alloc-approver"));

        assertThat(refused.code()).isEqualTo("invalid-allocation");
        assertThat(refused.problems()).extracting(AllocationProblem::code, AllocationProblem::unitId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("over-parent-quota", null),
                org.assertj.core.groups.Tuple.tuple("not-a-child", "rank-d1"),
                org.assertj.core.groups.Tuple.tuple("wrong-level", "alloc-d1-s1"),
                org.assertj.core.groups.Tuple.tuple("unknown-unit", "nowhere"));
        assertThat(refused.problems().get(0).reason().en()).contains("11").contains("10").contains("alloc");
        assertThat(refused.problems().get(0).reason().zh()).contains("11").contains("10");
        assertThat(refused.getMessage()).contains("rank-d1").contains("alloc-d1-s1").contains("nowhere");
        assertThat(selection.quota(NINGXIA, TEACHING, "alloc-d1").limited()).as("nothing was allocated").isFalse();
        assertThat(selection.quota(NINGXIA, TEACHING, "alloc-d2").limited()).isFalse();

        List<Quota> allocated = selection.allocate(NINGXIA, TEACHING, "alloc", Map.of("alloc-d1", 6, "alloc-d2", 4),
                "alloc-approver");
        assertThat(allocated).extracting(Quota::unitId, Quota::allocated, Quota::remaining)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("alloc-d1", 6, 6),
                        org.assertj.core.groups.Tuple.tuple("alloc-d2", 4, 4));
        assertThatThrownBy(() -> selection.allocate(NINGXIA, TEACHING, "alloc", Map.of("alloc-d2", 5), "alloc-approver"))
                .as("the children of 'alloc' not named keep their share in the sum: 6 + 5 > 10")
                .isInstanceOf(QuotaAllocationException.class)
                .hasMessageContaining("11");
    }

    @Test
    void allocationCannotGoBelowWhatAChildUsedNorComeFromAUnitWithoutQuotaNorFromAnOutsider() {
        selection.allocate(NINGXIA, TEACHING, "nx", Map.of("enforce", 10), "nx-approver");
        selection.allocate(NINGXIA, TEACHING, "enforce", Map.of("enforce-d1", 3), "enforce-approver");
        Nomination first = submit(TEACHING, "enforce-d1-s1");
        Nomination second = submit(TEACHING, "enforce-d1-s1");
        for (Nomination n : List.of(first, second)) {
            pass(n, "enforce-d1-s1-approver");
            pass(n, "enforce-d1-approver");
        }
        assertThat(selection.quota(NINGXIA, TEACHING, "enforce-d1"))
                .isEqualTo(new Quota(NINGXIA, TEACHING, "enforce-d1", true, 3, 2, 1));

        QuotaAllocationException belowUsed = catchThrowableOfType(QuotaAllocationException.class,
                () -> selection.allocate(NINGXIA, TEACHING, "enforce", Map.of("enforce-d1", 1), "enforce-approver"));
        assertThat(belowUsed.problems()).extracting(AllocationProblem::code).containsExactly("below-used");
        assertThat(belowUsed.problems().get(0).reason().en()).contains("enforce-d1").contains("2").contains("1");
        assertThat(selection.quota(NINGXIA, TEACHING, "enforce-d1").allocated()).isEqualTo(3);

        selection.allocate(NINGXIA, TEACHING, "enforce", Map.of("enforce-d1", 2), "enforce-approver");
        assertThat(selection.quota(NINGXIA, TEACHING, "enforce-d1").remaining()).isZero();

        assertThatThrownBy(() -> selection.allocate(NINGXIA, TEACHING, "enforce", Map.of("enforce-d2", 1), "alloc-approver"))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("enforce");
        QuotaAllocationException withoutQuota = catchThrowableOfType(QuotaAllocationException.class,
                () -> selection.allocate(NINGXIA, TEACHING, "window", Map.of("window-d1", 1), "window-approver"));
        assertThat(withoutQuota.problems()).extracting(AllocationProblem::code).containsExactly("parent-without-quota");
        assertThat(selection.quota(NINGXIA, TEACHING, "nx").allocated()).as("the top unit's quota is the tier's").isEqualTo(1000);
    }

    // ------------------------------------------------------------------------------------------ enforcement

    @Test
    void aPassBeyondTheUnitsQuotaIsRefusedAndChangesNothing() {
        selection.allocate(NINGXIA, BACKBONE, "nx", Map.of("enforce-d2", 1), "nx-approver");
        Nomination first = submit(BACKBONE, "enforce-d2-s1");
        Nomination second = submit(BACKBONE, "enforce-d2-s1");
        int tierUsedBefore = selection.quota(NINGXIA, BACKBONE, "nx").used();

        assertThat(pass(first, "enforce-d2-approver").state()).isEqualTo(NominationState.SELECTED);
        assertThat(selection.quota(NINGXIA, BACKBONE, "nx").used()).as("the deciding step takes a slot of the tier's total")
                .isEqualTo(tierUsedBefore + 1);
        List<TimelineEntry> timelineBefore = nominations.timeline(second.id());

        QuotaExceededException full = catchThrowableOfType(QuotaExceededException.class,
                () -> pass(second, "enforce-d2-approver"));

        assertThat(full.code()).isEqualTo("quota-full");
        assertThat(full.unitId()).isEqualTo("enforce-d2");
        assertThat(full.allocated()).isEqualTo(1);
        assertThat(full.used()).isEqualTo(1);
        assertThat(full.text().zh()).contains("enforce-d2").contains("骨干人才").contains("分配 1 名").contains("已用 1 名");
        assertThat(full.text().en()).contains("enforce-d2").contains("backbone talent").contains("1 allocated")
                .contains("1 used");
        assertThat(nominations.get(second.id()).state()).isEqualTo(NominationState.IN_REVIEW);
        assertThat(nominations.timeline(second.id())).isEqualTo(timelineBefore);
        assertThat(openTask(second.id())).as("the review is still open").isNotNull();
        assertThat(selection.quota(NINGXIA, BACKBONE, "enforce-d2").used()).isEqualTo(1);
        assertThat(selection.quota(NINGXIA, BACKBONE, "nx").used()).isEqualTo(tierUsedBefore + 1);

        // Rejecting is never limited by the quota.
        reviews.decide(openTask(second.id()).getId(), "enforce-d2-approver", Decision.reject("名额已满 / quota is full"));
        assertThat(nominations.get(second.id()).state()).isEqualTo(NominationState.REJECTED);
    }

    // ------------------------------------------------------------------------------------------ ranking

    @Test
    void candidatesAreRankedByScoreThenSubmissionTimeThenId() {
        Instant t0 = Instant.parse("2021-03-01T08:00:00Z");
        clock.setCurrentTime(Date.from(t0));
        Nomination early = submit(BACKBONE, "rank-d1-s1");
        clock.setCurrentTime(Date.from(t0.plusSeconds(60)));
        Nomination tiedA = submit(BACKBONE, "rank-d1-s1");
        Nomination tiedB = submit(BACKBONE, "rank-d1-s1");
        clock.setCurrentTime(Date.from(t0.plusSeconds(120)));
        Nomination late = submit(BACKBONE, "rank-d1-s1");
        Nomination scored = submit(BACKBONE, "rank-d1-s1");
        selection.recordScore(late.id(), 0, new BigDecimal("80"), "rank-d1-approver");
        selection.recordScore(scored.id(), 0, new BigDecimal("70.5"), "rank-d1-approver");
        SelectionRound round = selection.openRound(NINGXIA, BACKBONE, "rank-d1", OrganisationLevel.DISTRICT,
                t0, t0.plus(Duration.ofDays(7)), "rank-d1-approver");

        List<String> tied = new ArrayList<>(List.of(tiedA.id(), tiedB.id()));
        tied.sort(String::compareTo);
        assertThat(selection.rankedCandidates(round.id(), "rank-d1-approver"))
                .extracting(RankedCandidate::nominationId)
                .containsExactly(late.id(), scored.id(), early.id(), tied.get(0), tied.get(1));

        // A later score supersedes an earlier one; both are kept.
        selection.recordScore(scored.id(), 0, new BigDecimal("95"), "rank-d1-approver-2");
        List<RankedCandidate> ranked = selection.rankedCandidates(round.id(), "rank-d1-approver-2");
        assertThat(ranked).extracting(RankedCandidate::nominationId)
                .containsExactly(scored.id(), late.id(), early.id(), tied.get(0), tied.get(1));
        assertThat(ranked).extracting(RankedCandidate::rank).containsExactly(1, 2, 3, 4, 5);
        assertThat(ranked.get(0).score()).isEqualByComparingTo("95");
        assertThat(ranked.get(2).score()).isNull();
        assertThat(ranked.get(2).submittedAt()).isEqualTo(t0);

        assertThatThrownBy(() -> selection.rankedCandidates(round.id(), "wait-d1-approver"))
                .isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> selection.recordScore(early.id(), 1, BigDecimal.ONE, "rank-d1-approver"))
                .isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).code()).isEqualTo("not-at-step");
        assertThatThrownBy(() -> selection.recordScore(early.id(), 0, new BigDecimal("-1"), "rank-d1-approver"))
                .isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).code()).isEqualTo("invalid-score");
        assertThatThrownBy(() -> selection.recordScore(early.id(), 0, BigDecimal.TEN, "rank-d2-approver"))
                .isInstanceOf(NotAuthorizedException.class);
    }

    // ------------------------------------------------------------------------------------------ batches

    @Test
    void aBatchWithInvalidItemsNamesEachProblemAndChangesNothing() {
        selection.allocate(NINGXIA, BACKBONE, "nx", Map.of("batch-d1", 2), "nx-approver");
        List<Nomination> waiting = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            waiting.add(submit(BACKBONE, "batch-d1-s1"));
        }
        Nomination elsewhere = submit(BACKBONE, "batch-d2-s1");
        reviews.claim(openTask(waiting.get(3).id()).getId(), "batch-d1-approver-2");
        SelectionRound round = openRoundNow("batch-d1");
        List<String> ranked = selection.rankedCandidates(round.id(), "batch-d1-approver").stream()
                .map(RankedCandidate::nominationId).toList();
        assertThat(ranked).hasSize(4);
        List<TimelineEntry> timelineBefore = nominations.timeline(ranked.get(0));

        List<String> batch = List.of(ranked.get(0), ranked.get(1), ranked.get(2), ranked.get(3), elsewhere.id(),
                "no-such-nomination", ranked.get(0));
        BatchRejectedException refused = catchThrowableOfType(BatchRejectedException.class,
                () -> selection.selectBatch(round.id(), "batch-d1-approver", batch, "择优 / merit"));

        assertThat(refused.code()).isEqualTo("batch-rejected");
        assertThat(refused.problems()).extracting(BatchItemProblem::nominationId, BatchItemProblem::code)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(ranked.get(0), "duplicate"),
                        org.assertj.core.groups.Tuple.tuple(ranked.get(2), "quota-full"),
                        org.assertj.core.groups.Tuple.tuple(ranked.get(3), "claimed"),
                        org.assertj.core.groups.Tuple.tuple(ranked.get(3), "quota-full"),
                        org.assertj.core.groups.Tuple.tuple(elsewhere.id(), "not-in-round"),
                        org.assertj.core.groups.Tuple.tuple("no-such-nomination", "not-found"));
        for (BatchItemProblem problem : refused.problems()) {
            assertThat(problem.reason().zh()).isNotBlank();
            assertThat(problem.reason().en()).isNotBlank();
        }
        assertThat(refused.problems()).filteredOn(p -> p.code().equals("quota-full")).first()
                .satisfies(p -> assertThat(p.reason().en()).contains("batch-d1").contains("2 allocated"));
        assertThat(refused.problems()).filteredOn(p -> p.code().equals("claimed")).first()
                .satisfies(p -> assertThat(p.reason().zh()).contains("batch-d1-approver-2"));
        assertThat(refused.getMessage()).contains(elsewhere.id()).contains("no-such-nomination");

        for (Nomination n : waiting) {
            assertThat(nominations.get(n.id()).state()).as("nothing changed").isEqualTo(NominationState.IN_REVIEW);
            assertThat(openTask(n.id())).isNotNull();
        }
        assertThat(nominations.timeline(ranked.get(0))).isEqualTo(timelineBefore);
        assertThat(selection.quota(NINGXIA, BACKBONE, "batch-d1").used()).isZero();

        BatchOutcome outcome = selection.selectBatch(round.id(), "batch-d1-approver", List.of(ranked.get(1), ranked.get(0)),
                "择优 / merit");
        assertThat(outcome.selected()).extracting(Nomination::id).containsExactly(ranked.get(0), ranked.get(1));
        assertThat(outcome.selected()).extracting(Nomination::state).containsOnly(NominationState.SELECTED);
        assertThat(outcome.rejected()).isEmpty();
        assertThat(outcome.quota()).isEqualTo(new Quota(NINGXIA, BACKBONE, "batch-d1", true, 2, 2, 0));
        assertThat(nominations.get(ranked.get(2)).state()).as("the others stay waiting").isEqualTo(NominationState.IN_REVIEW);
        TimelineEntry passed = lastDecision(ranked.get(0));
        assertThat(passed.type()).isEqualTo(TimelineEntryType.PASSED);
        assertThat(passed.actorId()).isEqualTo("batch-d1-approver");
        assertThat(passed.data()).containsEntry("roundId", round.id()).containsEntry("rank", 1);
    }

    @Test
    void aBatchIsOnlyAcceptedWhileTheRoundIsOpenByTheEngineClock() {
        Instant t0 = Instant.parse("2021-05-10T09:00:00Z");
        clock.setCurrentTime(Date.from(t0));
        selection.allocate(NINGXIA, BACKBONE, "nx", Map.of("window-d1", 5), "nx-approver");
        Nomination first = submit(BACKBONE, "window-d1-s1");
        Nomination second = submit(BACKBONE, "window-d1-s1");
        Nomination third = submit(BACKBONE, "window-d1-s1");
        SelectionRound round = selection.openRound(NINGXIA, BACKBONE, "window-d1", OrganisationLevel.DISTRICT,
                t0.plus(Duration.ofHours(1)), t0.plus(Duration.ofHours(2)), "window-d1-approver");

        assertThatThrownBy(() -> selection.openRound(NINGXIA, BACKBONE, "window-d1", OrganisationLevel.DISTRICT,
                t0.plus(Duration.ofMinutes(90)), t0.plus(Duration.ofHours(3)), "window-d1-approver"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining(round.id());
        assertThatThrownBy(() -> selection.openRound(NINGXIA, BACKBONE, "window-d1", OrganisationLevel.DISTRICT,
                t0.plus(Duration.ofHours(5)), t0.plus(Duration.ofHours(4)), "window-d1-approver"))
                .isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).code()).isEqualTo("invalid-window");
        assertThatThrownBy(() -> selection.openRound(NINGXIA, BACKBONE, "window-d1", OrganisationLevel.PROVINCE,
                t0, t0.plus(Duration.ofHours(1)), "window-d1-approver"))
                .isInstanceOf(InvalidRequestException.class);

        BatchRejectedException early = catchThrowableOfType(BatchRejectedException.class,
                () -> selection.selectBatch(round.id(), "window-d1-approver", List.of(first.id()), null));
        assertThat(early.problems()).extracting(BatchItemProblem::code).containsExactly("round-not-open");
        assertThat(early.problems().get(0).nominationId()).isNull();

        clock.setCurrentTime(Date.from(t0.plus(Duration.ofHours(3))));
        assertThatThrownBy(() -> selection.selectBatch(round.id(), "window-d1-approver", List.of(first.id()), null))
                .isInstanceOf(BatchRejectedException.class).hasMessageContaining(round.id());

        clock.setCurrentTime(Date.from(t0.plus(Duration.ofMinutes(90))));
        BatchRejectedException noReason = catchThrowableOfType(BatchRejectedException.class,
                () -> selection.selectBatch(round.id(), "window-d1-approver", List.of(first.id()), " ", true));
        assertThat(noReason.problems()).extracting(BatchItemProblem::code).containsExactly("reason-required");

        BatchOutcome outcome = selection.selectBatch(round.id(), "window-d1-approver", List.of(second.id()),
                "未入选本批 / not selected in this round", true);
        assertThat(outcome.selected()).extracting(Nomination::id).containsExactly(second.id());
        assertThat(outcome.rejected()).extracting(Nomination::id).containsExactlyInAnyOrder(first.id(), third.id());
        assertThat(nominations.get(first.id()).state()).isEqualTo(NominationState.REJECTED);
        assertThat(lastDecision(first.id()).comment()).isEqualTo("未入选本批 / not selected in this round");
        assertThat(selection.quota(NINGXIA, BACKBONE, "window-d1").used()).isEqualTo(1);
    }

    @Test
    void aLargeBatchAcrossSeveralChunksRollsBackWhollyWhenALateItemFailsAndOtherwiseAppliesEveryItem() {
        selection.allocate(NINGXIA, BACKBONE, "nx", Map.of("large-d1", LARGE_BATCH), "nx-approver");
        for (int i = 0; i < LARGE_BATCH; i++) {
            submit(BACKBONE, "large-d1-s1");
        }
        SelectionRound round = openRoundNow("large-d1");
        List<String> ranked = selection.rankedCandidates(round.id(), "large-d1-approver").stream()
                .map(RankedCandidate::nominationId).toList();
        assertThat(ranked).hasSize(LARGE_BATCH);
        String first = ranked.get(0);
        String late = ranked.get(LARGE_BATCH - 10);
        List<TimelineEntry> firstTimeline = nominations.timeline(first);
        long historicTasks = fixture.engine.getHistoryService().createHistoricTaskInstanceQuery().count();

        // A veto of a late item (checked before that item changes) lists it and undoes the earlier chunks too.
        VETO.set(late);
        try {
            BatchRejectedException refused = catchThrowableOfType(BatchRejectedException.class,
                    () -> selection.selectBatch(round.id(), "large-d1-approver", ranked, "择优 / merit"));
            assertThat(refused.problems()).extracting(BatchItemProblem::nominationId, BatchItemProblem::code)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(late, "vetoed"));
        } finally {
            VETO.set(null);
        }
        assertNothingChanged(round, ranked, first, firstTimeline, historicTasks);

        // A host failure after a late item was applied rolls back that item and every chunk before it.
        FAIL_AFTER.set(late);
        try {
            assertThatThrownBy(() -> selection.selectBatch(round.id(), "large-d1-approver", ranked, "择优 / merit"))
                    .hasStackTraceContaining("host system down");
        } finally {
            FAIL_AFTER.set(null);
        }
        assertNothingChanged(round, ranked, first, firstTimeline, historicTasks);

        BatchOutcome outcome = selection.selectBatch(round.id(), "large-d1-approver", ranked, "择优 / merit");

        assertThat(outcome.selected()).extracting(Nomination::id).containsExactlyElementsOf(ranked);
        assertThat(outcome.selected()).extracting(Nomination::state).containsOnly(NominationState.SELECTED);
        assertThat(outcome.quota()).isEqualTo(new Quota(NINGXIA, BACKBONE, "large-d1", true, LARGE_BATCH, LARGE_BATCH, 0));
        assertThat(selection.rankedCandidates(round.id(), "large-d1-approver")).isEmpty();
        for (int i : new int[] {0, 199, 200, 401, LARGE_BATCH - 1}) {
            String id = ranked.get(i);
            assertThat(nominations.get(id).state()).isEqualTo(NominationState.SELECTED);
            TimelineEntry passed = lastDecision(id);
            assertThat(passed.actorId()).isEqualTo("large-d1-approver");
            assertThat(passed.data()).containsEntry("roundId", round.id()).containsEntry("rank", i + 1);
            assertThat(openTask(id)).as("the district's review is done").isNull();
        }
        assertThat(fixture.engine.getHistoryService().createHistoricTaskInstanceQuery().finished().count())
                .isGreaterThanOrEqualTo(LARGE_BATCH);
        assertThat(selection.quota(NINGXIA, BACKBONE, "large-d1").used()).isEqualTo(LARGE_BATCH);
        assertThat(reviews.inbox("large-d1-approver", org.tierflow.core.api.InboxQuery.all()).total())
                .as("TierFlow's inbox table kept in step across the chunks").isZero();
    }

    private void assertNothingChanged(SelectionRound round, List<String> ranked, String first,
                                      List<TimelineEntry> firstTimeline, long historicTasks) {
        assertThat(selection.rankedCandidates(round.id(), "large-d1-approver")).hasSize(ranked.size());
        assertThat(nominations.get(first).state()).isEqualTo(NominationState.IN_REVIEW);
        assertThat(nominations.timeline(first)).isEqualTo(firstTimeline);
        assertThat(openTask(first)).isNotNull();
        assertThat(fixture.engine.getHistoryService().createHistoricTaskInstanceQuery().count())
                .as("no task of an earlier chunk was completed or created").isEqualTo(historicTasks);
        assertThat(selection.quota(NINGXIA, BACKBONE, "large-d1").used()).isZero();
        assertThat(reviews.inbox("large-d1-approver", org.tierflow.core.api.InboxQuery.all()).total())
                .as("the inbox rows of earlier chunks are back too").isEqualTo(ranked.size());
    }

    // ------------------------------------------------------------------------------------------ waitlist

    @Test
    void whenASelectedCandidateWithdrawsTheNextRankedCandidateIsPromoted() {
        selection.allocate(NINGXIA, BACKBONE, "nx", Map.of("wait-d1", 2), "nx-approver");
        List<Nomination> candidates = new ArrayList<>();
        int[] scores = {90, 80, 70, 60};
        for (int score : scores) {
            Nomination n = submit(BACKBONE, "wait-d1-s1");
            selection.recordScore(n.id(), 0, BigDecimal.valueOf(score), "wait-d1-approver");
            candidates.add(n);
        }
        SelectionRound round = openRoundNow("wait-d1");
        selection.selectBatch(round.id(), "wait-d1-approver", List.of(candidates.get(0).id(), candidates.get(1).id()),
                "择优 / merit");
        assertThat(selection.quota(NINGXIA, BACKBONE, "wait-d1").remaining()).isZero();

        assertThatThrownBy(() -> selection.withdrawSelected(candidates.get(2).id(), candidates.get(2).applicantId(), "不去了"))
                .as("never selected").isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).code()).isEqualTo("not-selected");
        assertThatThrownBy(() -> selection.withdrawSelected(candidates.get(1).id(), "someone-else", "不去了"))
                .isInstanceOf(NotAuthorizedException.class);

        Withdrawal withdrawal = selection.withdrawSelected(candidates.get(1).id(), candidates.get(1).applicantId(),
                "工作调动 / moved to another post");

        assertThat(withdrawal.withdrawn().state()).isEqualTo(NominationState.WITHDRAWN);
        assertThat(withdrawal.promoted()).map(Nomination::id).contains(candidates.get(2).id());
        assertThat(nominations.get(candidates.get(2).id()).state()).isEqualTo(NominationState.SELECTED);
        assertThat(nominations.get(candidates.get(3).id()).state()).isEqualTo(NominationState.IN_REVIEW);
        assertThat(selection.quota(NINGXIA, BACKBONE, "wait-d1")).isEqualTo(new Quota(NINGXIA, BACKBONE, "wait-d1", true, 2, 2, 0));

        TimelineEntry withdrawn = lastEntryOf(candidates.get(1).id(), TimelineEntryType.WITHDRAWN);
        assertThat(withdrawn.comment()).isEqualTo("工作调动 / moved to another post");
        assertThat(withdrawn.actorId()).isEqualTo(candidates.get(1).applicantId());
        TimelineEntry promoted = lastEntryOf(candidates.get(2).id(), TimelineEntryType.PASSED_AUTOMATICALLY);
        assertThat(promoted.actorId()).isNull();
        assertThat(promoted.data()).containsEntry("waitlistPromotion", true).containsEntry("replaces", candidates.get(1).id())
                .containsEntry("roundId", round.id());
        assertThat(promoted.comment()).contains("递补").contains(candidates.get(1).id());

        assertThatThrownBy(() -> selection.withdrawSelected(candidates.get(1).id(), candidates.get(1).applicantId(), "again"))
                .isInstanceOf(InvalidRequestException.class);

        // The promoted candidate may withdraw too, recorded by an approver: the last one waiting moves up.
        Withdrawal second = selection.withdrawSelected(candidates.get(2).id(), "wait-d1-approver-2", "放弃 / declined");
        assertThat(second.promoted()).map(Nomination::id).contains(candidates.get(3).id());
        Withdrawal third = selection.withdrawSelected(candidates.get(3).id(), "wait-d1-approver", "放弃 / declined");
        assertThat(third.promoted()).as("nobody is left waiting").isEmpty();
        assertThat(selection.quota(NINGXIA, BACKBONE, "wait-d1").used()).isEqualTo(1);
    }

    // ------------------------------------------------------------------------------------------ helpers

    Nomination submit(String tier, String unitId) {
        return nominations.submit(new NominationSubmission(NINGXIA, tier,
                "applicant-" + getClass().getSimpleName() + "-" + applicants.incrementAndGet(), unitId,
                TierFlowTestEngine.eligibleFacts(tier), List.of()));
    }

    Nomination pass(Nomination nomination, String approver) {
        return reviews.decide(openTask(nomination.id()).getId(), approver, Decision.pass("同意 / agreed"));
    }

    Task openTask(String nominationId) {
        return fixture.engine.getTaskService().createTaskQuery()
                .processDefinitionKey(TierFlowBpmn.LEVEL_REVIEW_PROCESS)
                .taskDefinitionKey(TierFlowBpmn.TASK_REVIEW_NOMINATION)
                .processVariableValueEquals(TierFlowBpmn.VAR_NOMINATION_ID, nominationId)
                .singleResult();
    }

    SelectionRound openRoundNow(String districtId) {
        Instant now = clock.getCurrentTime().toInstant();
        return selection.openRound(NINGXIA, BACKBONE, districtId, OrganisationLevel.DISTRICT, now.minusSeconds(60),
                now.plus(Duration.ofDays(1)), districtId + "-approver");
    }

    TimelineEntry lastDecision(String nominationId) {
        List<TimelineEntry> decisions = nominations.timeline(nominationId).stream()
                .filter(e -> e.type() == TimelineEntryType.PASSED || e.type() == TimelineEntryType.REJECTED)
                .toList();
        return decisions.get(decisions.size() - 1);
    }

    TimelineEntry lastEntryOf(String nominationId, TimelineEntryType type) {
        List<TimelineEntry> entries = nominations.timeline(nominationId).stream().filter(e -> e.type() == type).toList();
        assertThat(entries).as("%s entries of %s", type, nominationId).isNotEmpty();
        return entries.get(entries.size() - 1);
    }
}
