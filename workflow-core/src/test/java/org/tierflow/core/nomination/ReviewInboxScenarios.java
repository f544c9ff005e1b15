package org.tierflow.core.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tierflow.core.nomination.TierFlowTestEngine.NINGXIA;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.flowable.identitylink.api.IdentityLink;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.task.api.Task;
import org.flowable.task.api.TaskQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tierflow.bpmn.TierFlowBpmn;
import org.tierflow.core.api.Decision;
import org.tierflow.core.api.InboxQuery;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationService;
import org.tierflow.core.api.NominationSubmission;
import org.tierflow.core.api.Page;
import org.tierflow.core.api.ReviewService;
import org.tierflow.core.api.ReviewTask;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.api.program.ReviewAction;
import org.tierflow.core.internal.selection.InboxCounts;

/**
 * The approvers' inboxes are served from TierFlow's table {@code tierflow_inbox} (migration V8), kept by an engine
 * listener. After every kind of change to a review task - by TierFlow's services or by a host calling Flowable
 * directly - the table must hold exactly what Flowable's own task query ({@code taskCandidateOrAssigned}) finds, and
 * {@code reviews().inbox} must answer exactly what that query answered: same tasks, fields, order and totals.
 * Subclasses choose the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReviewInboxScenarios {

    /** Everyone who reviews in these tests: two reviewers share Xingqing district. */
    static final List<String> USERS = List.of("principal-xq1", "principal-jf1", "principal-lt1", "xingqing-reviewer",
            "xingqing-reviewer-2", "jinfeng-reviewer", "litong-reviewer", "yinchuan-reviewer", "wuzhong-reviewer",
            "region-reviewer");

    private static final Decision PASS = Decision.pass("同意 / agreed").withData(Map.of("interview", "ok"));

    final AtomicInteger applicants = new AtomicInteger();
    DataSource dataSource;
    TierFlowTestEngine fixture;
    NominationService nominations;
    ReviewService reviews;

    abstract DataSource dataSource();

    abstract void closeDatabase() throws Exception;

    @BeforeAll
    void startEngine() {
        dataSource = dataSource();
        fixture = TierFlowTestEngine.start(dataSource, builder -> builder.approvers(NominationReviewScenarios.APPROVERS));
        nominations = fixture.tierFlow.nominations();
        reviews = fixture.tierFlow.reviews();
    }

    @AfterAll
    void stopEngine() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
        closeDatabase();
    }

    @Test
    void theTableFollowsSubmitClaimUnclaimDelegateAndDecisions() {
        Nomination a = submit("top-talent", "xingqing-school-1");
        Nomination b = submit("management-talent", "xingqing-school-1");
        Nomination c = submit("top-talent", "jinfeng-school-1");
        assertTableMatchesFlowable();

        pass(a, "principal-xq1");
        pass(b, "principal-xq1");
        pass(c, "principal-jf1");
        assertTableMatchesFlowable();
        assertInboxesMatchFlowable();

        String atXingqing = reviewOf(a.id(), "xingqing-reviewer").taskId();
        reviews.claim(atXingqing, "xingqing-reviewer");
        assertTableMatchesFlowable();
        assertThat(ids(reviews.inbox("xingqing-reviewer-2", InboxQuery.all().page(0, 500)))).doesNotContain(atXingqing);
        assertThat(ids(reviews.inbox("xingqing-reviewer", InboxQuery.all().state(InboxQuery.TaskState.CLAIMED_BY_ME)
                .page(0, 500)))).contains(atXingqing);
        assertInboxesMatchFlowable();

        reviews.unclaim(atXingqing, "xingqing-reviewer");
        assertTableMatchesFlowable();
        assertThat(ids(reviews.inbox("xingqing-reviewer-2", InboxQuery.all().page(0, 500)))).contains(atXingqing);

        reviews.delegate(atXingqing, "xingqing-reviewer", "xingqing-reviewer-2", "请代为审核");
        assertTableMatchesFlowable();
        assertInboxesMatchFlowable();

        reviews.decide(atXingqing, "xingqing-reviewer-2", PASS);
        assertTableMatchesFlowable();

        String bAtXingqing = reviewOf(b.id(), "xingqing-reviewer").taskId();
        reviews.decide(bAtXingqing, "xingqing-reviewer", Decision.returnToApplicant("请补充材料 / add documents"));
        assertTableMatchesFlowable();
        nominations.resubmit(b.id(), b.applicantId(), Map.of("managementBackboneOfProjectUnit", true), "补充 / added");
        assertTableMatchesFlowable();

        pass(c, "jinfeng-reviewer");
        reviews.decide(reviewOf(c.id(), "yinchuan-reviewer").taskId(), "yinchuan-reviewer",
                Decision.returnToLowerLevel("意见不完整 / incomplete"));
        assertTableMatchesFlowable();
        reviews.decide(reviewOf(c.id(), "jinfeng-reviewer").taskId(), "jinfeng-reviewer", Decision.reject("不符合 / no"));
        assertTableMatchesFlowable();
        assertInboxesMatchFlowable();
    }

    @Test
    void withdrawalRemovalAndCancelledProcessesLeaveTheInbox() {
        Nomination withdrawn = submit("top-talent", "litong-school-1");
        Nomination removed = submit("top-talent", "litong-school-1");
        Nomination afterSelection = submit("top-talent", "litong-school-1");
        Nomination cancelled = submit("top-talent", "litong-school-1");
        pass(removed, "principal-lt1");
        pass(afterSelection, "principal-lt1");
        pass(cancelled, "principal-lt1");
        assertTableMatchesFlowable();

        nominations.withdraw(withdrawn.id(), withdrawn.applicantId(), "改报 / elsewhere");
        assertTableMatchesFlowable();
        steps().removeAfterObjection(removed.id(), "region-reviewer", "异议成立 / objection upheld", Map.of());
        assertTableMatchesFlowable();
        steps().withdrawAfterSelection(afterSelection.id(), afterSelection.applicantId(), "放弃 / gives up", Map.of());
        assertTableMatchesFlowable();

        // A host cancelling the nomination's process in Flowable, past TierFlow.
        fixture.engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(cancelled.id())
                .processDefinitionKey(TierFlowBpmn.NOMINATION_PROCESS).list()
                .forEach(p -> fixture.engine.getRuntimeService().deleteProcessInstance(p.getId(), "cancelled by the host"));
        assertTableMatchesFlowable();
        for (Nomination gone : List.of(withdrawn, removed, afterSelection, cancelled)) {
            assertThat(reviews.inbox("litong-reviewer", InboxQuery.all().page(0, 500)).items())
                    .extracting(ReviewTask::nominationId).doesNotContain(gone.id());
        }
        assertInboxesMatchFlowable();
    }

    @Test
    void aHostChangingReviewTasksThroughFlowableDirectlyIsFollowed() {
        // This tier starts at the district: two reviewers are candidates.
        Nomination nomination = submit("backbone-talent", "xingqing-school-1");
        String taskId = reviewOf(nomination.id(), "xingqing-reviewer").taskId();
        var tasks = fixture.engine.getTaskService();

        tasks.claim(taskId, "xingqing-reviewer-2");
        assertTableMatchesFlowable();
        tasks.unclaim(taskId);
        assertTableMatchesFlowable();
        tasks.addCandidateUser(taskId, "wuzhong-reviewer");
        assertTableMatchesFlowable();
        tasks.deleteCandidateUser(taskId, "xingqing-reviewer");
        assertTableMatchesFlowable();
        tasks.setAssignee(taskId, "xingqing-reviewer-2");
        assertTableMatchesFlowable();
        tasks.setAssignee(taskId, null);
        assertTableMatchesFlowable();
        assertInboxesMatchFlowable();

        tasks.complete(taskId, Map.of(TierFlowBpmn.VAR_LEVEL_OUTCOME, "REJECT"));
        assertTableMatchesFlowable();
        assertInboxesMatchFlowable();
    }

    @Test
    void filtersPagesAndOrdersAnswerWhatFlowablesQueryAnswered() {
        for (int i = 0; i < 4; i++) {
            pass(submit(i % 2 == 0 ? "top-talent" : "management-talent", "jinfeng-school-1"), "principal-jf1");
            submit("teaching-talent", "jinfeng-school-1");
        }
        String claimed = reviews.inbox("jinfeng-reviewer", InboxQuery.all()).items().get(0).taskId();
        reviews.claim(claimed, "jinfeng-reviewer");
        assertTableMatchesFlowable();
        assertInboxesMatchFlowable();
    }

    @Test
    void theInboxFilteredByNominationHoldsOnlyThatNominationsOpenReview() {
        Nomination first = submit("top-talent", "xingqing-school-1");
        Nomination second = submit("top-talent", "xingqing-school-1");
        pass(first, "principal-xq1");
        pass(second, "principal-xq1");

        for (Nomination nomination : List.of(first, second)) {
            Page<ReviewTask> found = reviews.inbox("xingqing-reviewer", InboxQuery.all().nomination(nomination.id()));
            assertThat(found.total()).isEqualTo(1);
            assertThat(found.items()).containsExactly(reviewOf(nomination.id(), "xingqing-reviewer"));
            assertThat(found).isEqualTo(flowableInbox("xingqing-reviewer", InboxQuery.all().nomination(nomination.id())));
        }
        // the school's approver passed it on: nothing of it waits for them, nor for a reviewer elsewhere
        assertThat(reviews.inbox("principal-xq1", InboxQuery.all().nomination(first.id())).total()).isZero();
        assertThat(reviews.inbox("jinfeng-reviewer", InboxQuery.all().nomination(first.id())).total()).isZero();
        // combined with the other filters
        assertThat(reviews.inbox("xingqing-reviewer", InboxQuery.all().nomination(first.id())
                .state(InboxQuery.TaskState.CLAIMED_BY_ME)).total()).isZero();
        assertThat(reviews.inbox("xingqing-reviewer", InboxQuery.all().nomination(first.id())
                .level(OrganisationLevel.DISTRICT)).total()).isEqualTo(1);
    }

    @Test
    void theV8AndV14BackfillsRebuildTheInboxAndItsCountsOfReviewsOpenedBeforeThem() throws Exception {
        Nomination claimed = submit("top-talent", "xingqing-school-1");
        pass(claimed, "principal-xq1");
        reviews.claim(reviewOf(claimed.id(), "xingqing-reviewer").taskId(), "xingqing-reviewer");
        submit("top-talent", "jinfeng-school-1");
        List<List<Object>> before = tableRows(true);
        assertThat(before).isNotEmpty();

        // An upgraded database: the reviews are open, the tables are empty; V8's backfill runs, then V14's.
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("delete from tierflow_inbox");
            s.executeUpdate("delete from tierflow_inbox_count");
            for (String insert : backfillStatements("V8__review_inbox.sql", 2)) {
                s.executeUpdate(insert);
            }
            for (String statement : backfillStatements("V14__inbox_totals_and_items.sql", 2)) {
                s.executeUpdate(statement);
            }
        }

        assertThat(tableRows(true)).containsExactlyInAnyOrderElementsOf(before);
        assertTableMatchesFlowable();
        assertInboxesMatchFlowable();
    }

    @Test
    void aHostChangingAVariableAnEntryCopiesRewritesItsEntries() {
        Nomination nomination = submit("backbone-talent", "xingqing-school-1");
        ReviewTask review = reviewOf(nomination.id(), "xingqing-reviewer");
        String levelReview = fixture.engine.getTaskService().createTaskQuery().taskId(review.taskId()).singleResult()
                .getProcessInstanceId();

        fixture.engine.getRuntimeService().setVariable(levelReview, TierFlowBpmn.VAR_STEP_NAME_EN, "District check (renamed)");
        fixture.engine.getRuntimeService().setVariable(levelReview, TierFlowBpmn.VAR_APPLICANT_ID, "applicant-corrected");

        assertThat(reviewOf(nomination.id(), "xingqing-reviewer").stepName().en()).isEqualTo("District check (renamed)");
        assertThat(reviewOf(nomination.id(), "xingqing-reviewer-2").applicantId()).isEqualTo("applicant-corrected");
        assertTableMatchesFlowable();
        assertInboxesMatchFlowable();
    }

    @Test
    void concurrentLevelsOpeningForTheSameReviewersKeepTheirCountsExact() throws Exception {
        // Both Xingqing reviewers are candidates of every district review these passes open: their count rows are
        // updated by every transaction at once.
        List<Nomination> submitted = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            submitted.add(submit("top-talent", "xingqing-school-1"));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> passes = new ArrayList<>();
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            for (Nomination nomination : submitted) {
                String taskId = reviewOf(nomination.id(), "principal-xq1").taskId();
                passes.add(pool.submit(() -> {
                    start.await();
                    return reviews.decide(taskId, "principal-xq1", PASS);
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<?> pass : passes) {
                pass.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
            // Then half of them claimed and half decided at the same time by both reviewers.
            List<java.util.concurrent.Future<?>> steps = new ArrayList<>();
            for (int i = 0; i < submitted.size(); i++) {
                String taskId = reviewOf(submitted.get(i).id(), "xingqing-reviewer").taskId();
                String reviewer = i % 2 == 0 ? "xingqing-reviewer" : "xingqing-reviewer-2";
                boolean decide = i % 4 < 2;
                steps.add(pool.submit(() -> decide ? reviews.decide(taskId, reviewer, PASS) : reviews.claim(taskId, reviewer)));
            }
            for (java.util.concurrent.Future<?> step : steps) {
                step.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertTableMatchesFlowable();
        assertInboxesMatchFlowable();
    }

    @Test
    void twoTransactionsCreatingTheSameApproversCountRowAtOnceBothCount() throws Exception {
        String databaseType = ((org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl)
                fixture.engine.getProcessEngineConfiguration()).getDatabaseType();
        String user = "first-entry-race-" + getClass().getSimpleName();
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            InboxCounts one = new InboxCounts();
            one.add(user, false, 1);
            one.write(first, databaseType);  // inserts the row, not committed yet
            java.util.concurrent.CompletableFuture<Void> other = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    InboxCounts two = new InboxCounts();
                    two.add(user, false, 2);
                    two.add(user, true, 1);
                    two.write(second, databaseType);  // waits for the first row's key, then must add to it
                    second.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitASessionWaitingForALock(databaseType, other);
            first.commit();
            other.get(30, java.util.concurrent.TimeUnit.SECONDS);
            try (Statement s = first.createStatement(); ResultSet rs = s.executeQuery(
                    "select claimed_count, unclaimed_count from tierflow_inbox_count where user_id = '" + user + "'")) {
                assertThat(rs.next()).isTrue();
                assertThat(List.of(rs.getLong(1), rs.getLong(2))).containsExactly(1L, 3L);
            }
        } finally {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("delete from tierflow_inbox_count where user_id = '" + user + "'");
            }
        }
    }

    /**
     * Until the database shows a session waiting for another's lock (PostgreSQL), or busy with the count row's insert
     * (H2, which shows no blocker for it); fails when the work ended or 20 s passed without that.
     */
    void awaitASessionWaitingForALock(String databaseType, java.util.concurrent.Future<?> work) throws SQLException {
        String blocked = "postgres".equals(databaseType)
                ? "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                : "select count(*) from information_schema.sessions where session_id <> session_id()"
                        + " and executing_statement like 'insert into tierflow_inbox_count%'";
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            while (!work.isDone() && System.nanoTime() < deadline) {
                try (ResultSet rs = s.executeQuery(blocked)) {
                    if (rs.next() && rs.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.onSpinWait();
            }
        }
        assertThat(work).as("the second transaction waits for the first's row").isNotDone();
    }

    // --- the comparison --------------------------------------------------------------------------------

    /** Every row of the table against the open review tasks' assignees and candidate links in Flowable. */
    void assertTableMatchesFlowable() {
        List<List<Object>> expected = new ArrayList<>();
        for (Task task : fixture.engine.getTaskService().createTaskQuery()
                .processDefinitionKeyIn(List.copyOf(steps().levelReviewProcessKeys()))
                .taskDefinitionKey(TierFlowBpmn.TASK_REVIEW_NOMINATION).includeProcessVariables().list()) {
            Set<String> users = new HashSet<>();
            if (task.getAssignee() != null) {
                users.add(task.getAssignee());
            } else {
                for (IdentityLink link : fixture.engine.getTaskService().getIdentityLinksForTask(task.getId())) {
                    if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null) {
                        users.add(link.getUserId());
                    }
                }
            }
            Map<String, Object> v = task.getProcessVariables();
            for (String user : users) {
                expected.add(List.of(user, task.getId(), task.getProcessInstanceId(), task.getAssignee() != null,
                        v.get(TierFlowBpmn.VAR_NOMINATION_ID), v.get(TierFlowBpmn.VAR_PROGRAM_CODE),
                        v.get(TierFlowBpmn.VAR_TIER_CODE), v.get(TierFlowBpmn.VAR_REVIEW_LEVEL),
                        v.get(TierFlowBpmn.VAR_APPLICANT_ID), ((Number) v.get(TierFlowBpmn.VAR_STEP_INDEX)).intValue(),
                        v.get(TierFlowBpmn.VAR_REVIEW_ACTION), v.get(TierFlowBpmn.VAR_STEP_NAME_ZH),
                        v.get(TierFlowBpmn.VAR_STEP_NAME_EN), v.get(TierFlowBpmn.VAR_REVIEW_UNIT_ID)));
            }
        }
        assertThat(tableRows(false)).as("tierflow_inbox against Flowable's tasks and candidate links")
                .containsExactlyInAnyOrderElementsOf(expected);
        assertCountsMatchTable();
    }

    /** Every approver's count row (V14) against the entries of the table: claimed and unclaimed. */
    void assertCountsMatchTable() {
        Map<String, List<Long>> counted = new java.util.TreeMap<>();
        Map<String, List<Long>> entries = new java.util.TreeMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select user_id, claimed_count, unclaimed_count from tierflow_inbox_count")) {
                while (rs.next()) {
                    if (rs.getLong(2) != 0 || rs.getLong(3) != 0) {
                        counted.put(rs.getString(1), List.of(rs.getLong(2), rs.getLong(3)));
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("select user_id, sum(case when claimed then 1 else 0 end),"
                    + " sum(case when claimed then 0 else 1 end) from tierflow_inbox group by user_id")) {
                while (rs.next()) {
                    entries.put(rs.getString(1), List.of(rs.getLong(2), rs.getLong(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(counted).as("tierflow_inbox_count against the entries of tierflow_inbox").isEqualTo(entries);
    }

    /** For every reviewer, every state, filter and order, page by page: TierFlow's inbox against Flowable's query. */
    void assertInboxesMatchFlowable() {
        List<InboxQuery> queries = new ArrayList<>();
        for (InboxQuery.TaskState state : InboxQuery.TaskState.values()) {
            for (InboxQuery.Order order : InboxQuery.Order.values()) {
                InboxQuery base = InboxQuery.all().state(state).order(order);
                queries.add(base);
                queries.add(base.program(NINGXIA));
                queries.add(base.program("no-such-program"));
                queries.add(base.tier("top-talent"));
                queries.add(base.level(OrganisationLevel.DISTRICT));
                queries.add(base.program(NINGXIA).tier("management-talent").level(OrganisationLevel.DISTRICT));
            }
        }
        for (String user : USERS) {
            for (InboxQuery query : queries) {
                Page<ReviewTask> all = reviews.inbox(user, query.page(0, 500));
                assertThat(all).as("%s's inbox for %s", user, query).isEqualTo(flowableInbox(user, query.page(0, 500)));
                for (int page = 0; all.total() > 0 && page <= (all.total() + 2) / 3; page++) {
                    InboxQuery paged = query.page(page, 3);
                    assertThat(reviews.inbox(user, paged)).as("%s's inbox for %s", user, paged)
                            .isEqualTo(flowableInbox(user, paged));
                }
            }
        }
    }

    /** The inbox as TierFlow answered it before V8: Flowable's task query. */
    Page<ReviewTask> flowableInbox(String userId, InboxQuery query) {
        TaskQuery tasks = fixture.engine.getTaskService().createTaskQuery()
                .processDefinitionKeyIn(List.copyOf(steps().levelReviewProcessKeys()))
                .taskDefinitionKey(TierFlowBpmn.TASK_REVIEW_NOMINATION);
        switch (query.state()) {
            case ANY -> tasks.taskCandidateOrAssigned(userId);
            case UNCLAIMED -> tasks.taskCandidateUser(userId);
            case CLAIMED_BY_ME -> tasks.taskAssignee(userId);
        }
        if (query.programCode() != null) {
            tasks.processVariableValueEquals(TierFlowBpmn.VAR_PROGRAM_CODE, query.programCode());
        }
        if (query.tierCode() != null) {
            tasks.processVariableValueEquals(TierFlowBpmn.VAR_TIER_CODE, query.tierCode());
        }
        if (query.level() != null) {
            tasks.processVariableValueEquals(TierFlowBpmn.VAR_REVIEW_LEVEL, query.level().name());
        }
        if (query.nominationId() != null) {
            tasks.processInstanceBusinessKey(query.nominationId());
        }
        tasks.includeProcessVariables();
        if (query.order() == InboxQuery.Order.NEWEST_FIRST) {
            tasks.orderByTaskCreateTime().desc();
        } else {
            tasks.orderByTaskCreateTime().asc();
        }
        tasks.orderByTaskId().asc();
        long total = tasks.count();
        List<ReviewTask> items = tasks.listPage(query.page() * query.size(), query.size()).stream().map(task -> {
            Map<String, Object> v = task.getProcessVariables();
            return new ReviewTask(task.getId(), (String) v.get(TierFlowBpmn.VAR_NOMINATION_ID),
                    (String) v.get(TierFlowBpmn.VAR_PROGRAM_CODE), (String) v.get(TierFlowBpmn.VAR_TIER_CODE),
                    (String) v.get(TierFlowBpmn.VAR_APPLICANT_ID), ((Number) v.get(TierFlowBpmn.VAR_STEP_INDEX)).intValue(),
                    OrganisationLevel.valueOf((String) v.get(TierFlowBpmn.VAR_REVIEW_LEVEL)),
                    ReviewAction.valueOf((String) v.get(TierFlowBpmn.VAR_REVIEW_ACTION)),
                    new LocalizedText((String) v.get(TierFlowBpmn.VAR_STEP_NAME_ZH), (String) v.get(TierFlowBpmn.VAR_STEP_NAME_EN)),
                    (String) v.get(TierFlowBpmn.VAR_REVIEW_UNIT_ID), task.getAssignee(), task.getCreateTime().toInstant());
        }).toList();
        return new Page<>(items, query.page(), query.size(), total);
    }

    List<List<Object>> tableRows(boolean withCreatedAt) {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select user_id, task_id, process_instance_id, claimed, nomination_id,"
                     + " program_code, tier_code, review_level, applicant_id, step_index, review_action, step_name_zh,"
                     + " step_name_en, review_unit_id, created_at from tierflow_inbox")) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= (withCreatedAt ? 15 : 14); i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(List.copyOf(row));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /** The insert and update statements of a migration: its backfill. */
    static List<String> backfillStatements(String migration, int expected) throws IOException {
        String sql;
        try (InputStream in = ReviewInboxScenarios.class.getClassLoader()
                .getResourceAsStream("org/tierflow/db/migration/" + migration)) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder withoutComments = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.strip().startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        List<String> inserts = new ArrayList<>();
        for (String statement : withoutComments.toString().split(";")) {
            if (statement.strip().startsWith("insert") || statement.strip().startsWith("update")) {
                inserts.add(statement.strip());
            }
        }
        assertThat(inserts).as(migration).hasSize(expected);
        return inserts;
    }

    // --- helpers -------------------------------------------------------------------------------------

    Nomination submit(String tier, String unitId) {
        return nominations.submit(new NominationSubmission(NINGXIA, tier, "applicant-inbox-" + getClass().getSimpleName()
                + "-" + applicants.incrementAndGet(), unitId, TierFlowTestEngine.eligibleFacts(tier), List.of("cv.pdf")));
    }

    Nomination pass(Nomination nomination, String approver) {
        return reviews.decide(reviewOf(nomination.id(), approver).taskId(), approver, PASS);
    }

    ReviewTask reviewOf(String nominationId, String approver) {
        List<ReviewTask> found = reviews.inbox(approver, InboxQuery.all().page(0, 500)).items().stream()
                .filter(t -> t.nominationId().equals(nominationId)).toList();
        assertThat(found).as("open reviews of %s in %s's inbox", nominationId, approver).hasSize(1);
        return found.get(0);
    }

    /** TierFlow's internal steps (removal after an objection, withdrawal after selection) on the review service. */
    org.tierflow.core.internal.selection.ReviewSteps steps() {
        return (org.tierflow.core.internal.selection.ReviewSteps) reviews;
    }

    static List<String> ids(Page<ReviewTask> page) {
        return page.items().stream().map(ReviewTask::taskId).toList();
    }
}
