package org.tierflow.core.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.tierflow.bpmn.TierFlowBpmn.LEVEL_REVIEW_PROCESS;
import static org.tierflow.bpmn.TierFlowBpmn.TASK_REVIEW_NOMINATION;
import static org.tierflow.bpmn.TierFlowBpmn.TASK_SCORE_NOMINATION;
import static org.tierflow.bpmn.TierFlowBpmn.VAR_NOMINATION_ID;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.flowable.task.api.Task;
import org.flowable.task.api.history.HistoricTaskInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tierflow.core.ProgramDefinitionLoader;
import org.tierflow.core.api.CriterionScore;
import org.tierflow.core.api.Decision;
import org.tierflow.core.api.ExpertScore;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationService;
import org.tierflow.core.api.NominationState;
import org.tierflow.core.api.NominationSubmission;
import org.tierflow.core.api.NotAuthorizedException;
import org.tierflow.core.api.OrganisationUnit;
import org.tierflow.core.api.PanelResult;
import org.tierflow.core.api.PanelService;
import org.tierflow.core.api.PanelTask;
import org.tierflow.core.api.ProgramCatalog;
import org.tierflow.core.api.RankedCandidate;
import org.tierflow.core.api.ScoreSheet;
import org.tierflow.core.api.SelectionRound;
import org.tierflow.core.api.TimelineEntry;
import org.tierflow.core.api.TimelineEntryType;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.api.program.PanelQuorum;
import org.tierflow.core.spi.ApproverDirectory;
import org.tierflow.core.spi.Expert;
import org.tierflow.core.spi.ExpertDirectory;
import org.tierflow.core.support.InMemoryOrganisationDirectory;

/**
 * Expert panels on the real engine and a real database: aggregation into the ranking, quorum modes with early
 * decisions and cancelled tasks, recusal, balanced assignment and blind scoring. Each test works in its own city
 * (a root of the test tree), so tests share the engine without sharing experts. Subclasses choose the database.
 *
 * <p>Every city {@code c} has districts {@code c-d1..3} and schools {@code c-d1-s1}, {@code c-d1-s2},
 * {@code c-d2-s1}, {@code c-d3-s1}. Its experts: {@code c-x1} (school {@code c-d1-s2}) and {@code c-x2} (district
 * bureau {@code c-d1}), who must never score candidates of district {@code c-d1}; {@code c-e1}, {@code c-e2}
 * ({@code c-d2-s1}), {@code c-e3}, {@code c-e4} ({@code c-d3-s1}), {@code c-e5} (the city bureau) and
 * {@code c-e6} (district bureau {@code c-d2}). Candidates apply from {@code c-d1-s1} unless a test says otherwise.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PanelScenarios {

    static final String PROGRAM = "panel-test";
    static final List<String> CITIES = List.of("agg", "trim", "na", "all", "any", "ratio", "ratiofail", "recuse",
            "bal", "few", "blind", "refuse");

    /** Experts the host has struck off its directory since they were assigned. */
    static final Set<String> STRUCK_OFF = ConcurrentHashMap.newKeySet();

    static final ExpertDirectory EXPERTS = query -> {
        String c = query.unitId();
        List<Expert> all = List.of(new Expert(c + "-x1", c + "-d1-s2"), new Expert(c + "-x2", c + "-d1"),
                new Expert(c + "-e1", c + "-d2-s1"), new Expert(c + "-e2", c + "-d2-s1"),
                new Expert(c + "-e3", c + "-d3-s1"), new Expert(c + "-e4", c + "-d3-s1"),
                new Expert(c + "-e5", c), new Expert(c + "-e6", c + "-d2"));
        if (c.startsWith("few")) {
            all = all.subList(0, 5);
        }
        return all.stream().filter(e -> !STRUCK_OFF.contains(e.userId())).toList();
    };

    static final ApproverDirectory APPROVERS = query -> List.of(query.unitId() + "-approver");

    static InMemoryOrganisationDirectory tree() {
        List<OrganisationUnit> units = new ArrayList<>();
        for (String c : CITIES) {
            units.add(new OrganisationUnit(c, new LocalizedText(c + "市教育局", c + " city bureau"), OrganisationLevel.CITY, null));
            for (int d = 1; d <= 3; d++) {
                units.add(new OrganisationUnit(c + "-d" + d, new LocalizedText(c + "-d" + d + "区", c + "-d" + d + " district"),
                        OrganisationLevel.DISTRICT, c));
            }
            for (String school : List.of("-d1-s1", "-d1-s2", "-d2-s1", "-d3-s1")) {
                units.add(new OrganisationUnit(c + school, new LocalizedText(c + school + "学校", c + school + " school"),
                        OrganisationLevel.SCHOOL, c + school.substring(0, 3)));
            }
        }
        return InMemoryOrganisationDirectory.of(units);
    }

    final AtomicInteger applicants = new AtomicInteger();
    TierFlowTestEngine fixture;
    NominationService nominations;
    PanelService panels;

    abstract DataSource dataSource();

    abstract void closeDatabase() throws Exception;

    @BeforeAll
    void startEngine() {
        fixture = TierFlowTestEngine.start(dataSource(), builder -> builder
                .programs(ProgramCatalog.of(List.of(ProgramDefinitionLoader.loadClasspath("definitions/panels/panel-program.yaml"))))
                .organisations(tree())
                .approvers(APPROVERS)
                .experts(EXPERTS));
        nominations = fixture.tierFlow.nominations();
        panels = fixture.tierFlow.panels();
    }

    @AfterAll
    void stopEngine() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
        closeDatabase();
    }

    // ------------------------------------------------------------------------------------------ aggregation

    @Test
    void meanAndMedianOfTheSameScoresRankTwoCandidatesInOppositeOrder() {
        // Expert points 5, 5, 1 (out of 5 on both criteria) are totals 100, 100, 20: mean 73.33, median 100.
        // Points 4, 4, 4 are 80 under both. The mean puts the steady candidate first, the median the other one.
        for (String tier : List.of("all-mean", "all-median")) {
            Nomination uneven = atPanel(tier, "agg-d1-s1");
            Nomination steady = atPanel(tier, "agg-d1-s1");
            scoreAll(uneven, 5, 5, 1);
            scoreAll(steady, 4, 4, 4);

            SelectionRound round = openRound(tier, "agg");
            List<String> ranked = fixture.tierFlow.selection().rankedCandidates(round.id(), "agg-approver").stream()
                    .map(RankedCandidate::nominationId).toList();
            PanelResult unevenResult = panels.result(uneven.id(), "agg-approver").orElseThrow();
            if (tier.equals("all-mean")) {
                assertThat(unevenResult.score()).isEqualByComparingTo("73.3333");
                assertThat(ranked).as("mean ranking").containsExactly(steady.id(), uneven.id());
            } else {
                assertThat(unevenResult.score()).isEqualByComparingTo("100");
                assertThat(ranked).as("median ranking").containsExactly(uneven.id(), steady.id());
            }
            assertThat(panels.result(steady.id(), "agg-approver").orElseThrow().score()).isEqualByComparingTo("80");
        }
    }

    @Test
    void trimmedMeanDropsTheHighestAndTheLowestTotal() {
        Nomination nomination = atPanel("trimmed", "trim-d1-s1");
        scoreAll(nomination, 5, 4, 4, 3, 1);       // 100, 80, 80, 60, 20: the mean would be 68

        PanelResult result = panels.result(nomination.id(), "trim-approver").orElseThrow();
        assertThat(result.score()).isEqualByComparingTo("73.3333");
        assertThat(result.submitted()).isEqualTo(5);
        assertThat(result.quorum()).isEqualTo(PanelQuorum.all(5));
    }

    @Test
    void notApplicableCriteriaAreLeftOutAndTheOtherWeightsRenormalised() {
        Nomination nomination = atPanel("all-mean", "na-d1-s1");
        List<Task> tasks = scoringTasks(nomination);

        ExpertScore both = panels.submit(tasks.get(0).getId(), tasks.get(0).getAssignee(), sheet(4, 2, true));
        ExpertScore practiceOnly = panels.submit(tasks.get(1).getId(), tasks.get(1).getAssignee(), new ScoreSheet(
                List.of(CriterionScore.of("practice", 4), CriterionScore.notApplicable("research")), true, "无研究成果可评"));

        assertThat(both.total()).as("0.6 × 4/5 + 0.4 × 2/5 = 0.64").isEqualByComparingTo("64");
        assertThat(practiceOnly.total()).as("research N/A: practice weighs 0.6 / 0.6 = 1").isEqualByComparingTo("80");
        assertThat(practiceOnly.criteria()).extracting(CriterionScore::code, CriterionScore::isNotApplicable)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("practice", false),
                        org.assertj.core.groups.Tuple.tuple("research", true));
    }

    // ------------------------------------------------------------------------------------------ quorum

    @Test
    void allQuorumWaitsForEveryExpertAndAMajorityAgainstRejects() {
        Nomination recommended = atPanel("all-mean", "all-d1-s1");
        List<Task> tasks = scoringTasks(recommended);
        submit(tasks.get(0), 5, true);
        submit(tasks.get(1), 1, false);
        assertThat(scoringTasks(recommended)).as("one expert still to score").hasSize(1);
        assertThat(reviewTask(recommended)).isNull();
        assertThat(panels.result(recommended.id(), "all-approver")).isEmpty();

        submit(tasks.get(2), 4, true);
        PanelResult result = panels.result(recommended.id(), "all-approver").orElseThrow();
        assertThat(result.recommended()).isTrue();
        assertThat(result.submitted()).isEqualTo(3);
        assertThat(result.recommending()).isEqualTo(2);
        assertThat(reviewTask(recommended)).as("the city's approvers decide now").isNotNull();

        Nomination rejected = atPanel("all-mean", "all-d1-s1");
        List<Task> others = scoringTasks(rejected);
        submit(others.get(0), 5, true);
        submit(others.get(1), 1, false);
        assertThat(nominations.get(rejected.id()).state()).isEqualTo(NominationState.IN_REVIEW);
        submit(others.get(2), 2, false);

        assertThat(nominations.get(rejected.id()).state()).isEqualTo(NominationState.REJECTED);
        TimelineEntry last = lastEntry(rejected);
        assertThat(last.type()).isEqualTo(TimelineEntryType.REJECTED);
        assertThat(last.actorId()).isNull();
        assertThat(last.comment()).contains("专家组未推荐").contains("not recommended by the expert panel");
    }

    @Test
    void anyQuorumTheFirstSubmissionDecidesAndTheOthersTasksVanishFromTheirLists() {
        Nomination nomination = atPanel("any", "any-d1-s1");
        List<Task> tasks = scoringTasks(nomination);
        assertThat(tasks).hasSize(3);
        String first = tasks.get(1).getAssignee();
        List<String> others = List.of(tasks.get(0).getAssignee(), tasks.get(2).getAssignee());

        submit(tasks.get(1), 3, true);

        PanelResult result = panels.result(nomination.id(), first).orElseThrow();
        assertThat(result.recommended()).isTrue();
        assertThat(result.submitted()).isEqualTo(1);
        assertThat(result.score()).isEqualByComparingTo("60");
        assertThat(scoringTasks(nomination)).as("the other experts' tasks are cancelled").isEmpty();
        assertThat(reviewTask(nomination)).isNotNull();
        assertThat(panels.done(first)).extracting(ExpertScore::nominationId).containsExactly(nomination.id());
        for (String other : others) {
            assertThat(panels.inbox(other)).as("inbox of %s", other).isEmpty();
            assertThat(panels.done(other)).as("done list of %s", other).isEmpty();
            List<HistoricTaskInstance> history = fixture.engine.getHistoryService().createHistoricTaskInstanceQuery()
                    .taskAssignee(other).finished().list();
            assertThat(history).as("the engine keeps the cancelled task for audit, marked deleted").hasSize(1)
                    .allSatisfy(task -> assertThat(task.getDeleteReason()).isNotNull());
            assertThat(fixture.engine.getHistoryService().createHistoricTaskInstanceQuery()
                    .taskAssignee(other).finished().taskWithoutDeleteReason().count())
                    .as("a done list of tasks finished without a delete reason does not show it").isZero();
        }
    }

    @Test
    void ratioQuorumRecommendsAtTheThirdRecommendationWithoutWaitingForTheRest() {
        Nomination nomination = atPanel("ratio", "ratio-d1-s1");
        List<Task> tasks = scoringTasks(nomination);
        submit(tasks.get(0), 4, true);
        submit(tasks.get(1), 1, false);
        submit(tasks.get(2), 4, true);
        assertThat(scoringTasks(nomination)).as("two recommendations of three needed").hasSize(2);

        submit(tasks.get(3), 5, true);

        assertThat(scoringTasks(nomination)).as("decided at the third recommendation").isEmpty();
        PanelResult result = panels.result(nomination.id(), "ratio-approver").orElseThrow();
        assertThat(result.recommended()).isTrue();
        assertThat(result.submitted()).isEqualTo(4);
        assertThat(result.recommending()).isEqualTo(3);
        assertThat(result.quorum()).isEqualTo(PanelQuorum.ratio(3));
        assertThat(panels.done(tasks.get(4).getAssignee())).isEmpty();
        assertThat(reviewTask(nomination)).isNotNull();
    }

    @Test
    void ratioQuorumRejectsOnceThreeRecommendationsAreOutOfReachNotAtTheFirstRejection() {
        Nomination nomination = atPanel("ratio", "ratiofail-d1-s1");
        List<Task> tasks = scoringTasks(nomination);
        submit(tasks.get(0), 1, false);
        assertThat(scoringTasks(nomination)).as("one rejection decides nothing").hasSize(4);
        submit(tasks.get(1), 4, true);
        submit(tasks.get(2), 2, false);
        assertThat(scoringTasks(nomination)).as("two of five against: three recommendations still possible").hasSize(2);

        submit(tasks.get(3), 2, false);

        assertThat(scoringTasks(nomination)).as("three against: 3 of 5 is out of reach").isEmpty();
        assertThat(nominations.get(nomination.id()).state()).isEqualTo(NominationState.REJECTED);
        PanelResult result = panels.result(nomination.id(), "ratiofail-approver").orElseThrow();
        assertThat(result.recommended()).isFalse();
        assertThat(result.submitted()).isEqualTo(4);
        assertThat(result.recommending()).isEqualTo(1);
    }

    // ------------------------------------------------------------------------------------------ assignment

    @Test
    void expertsFromTheCandidatesSchoolOrDistrictAreNeverAssigned() {
        for (int i = 0; i < 3; i++) {
            Nomination fromDistrictOne = atPanel("trimmed", "recuse-d1-s1");
            assertThat(experts(fromDistrictOne)).as("panel of a candidate from recuse-d1")
                    .doesNotContain("recuse-x1", "recuse-x2").hasSize(5);
        }
        Nomination fromDistrictTwo = atPanel("trimmed", "recuse-d2-s1");
        assertThat(experts(fromDistrictTwo)).as("recuse-e1, e2 (same school) and e6 (district bureau) are recused")
                .containsExactlyInAnyOrder("recuse-x1", "recuse-x2", "recuse-e3", "recuse-e4", "recuse-e5");
    }

    @Test
    void assignmentGoesToTheExpertsWithTheFewestOpenThenFewestEverAssignmentsThenById() {
        Nomination first = atPanel("all-mean", "bal-d1-s1");
        Nomination second = atPanel("all-mean", "bal-d1-s1");
        Nomination third = atPanel("all-mean", "bal-d1-s1");
        assertThat(experts(first)).containsExactly("bal-e1", "bal-e2", "bal-e3");
        assertThat(experts(second)).containsExactly("bal-e4", "bal-e5", "bal-e6");
        assertThat(experts(third)).as("everyone has one open: by id").containsExactly("bal-e1", "bal-e2", "bal-e3");

        scoreAll(first, 4, 4, 4);
        Nomination fourth = atPanel("all-mean", "bal-d1-s1");
        assertThat(experts(fourth)).as("one open each; e4–e6 were assigned fewer times")
                .containsExactly("bal-e4", "bal-e5", "bal-e6");
    }

    @Test
    void tooFewEligibleExpertsRefusesTheMoveToThePanelAndChangesNothing() {
        Nomination nomination = submit("trimmed", "few-d1-s1");
        Task school = reviewTask(nomination);

        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                () -> fixture.tierFlow.reviews().decide(school.getId(), "few-d1-s1-approver", Decision.pass("推荐")));

        assertThat(refused.code()).isEqualTo("not-enough-experts");
        assertThat(refused.text().en()).contains("needs 5 experts, but only 3").contains("few-x1").contains("few-x2");
        assertThat(refused.text().zh()).contains("需要 5 位专家，但只有 3 位");
        assertThat(reviewTask(nomination).getId()).as("still waiting at the school").isEqualTo(school.getId());
        assertThat(nominations.get(nomination.id()).currentLevel()).isEqualTo(OrganisationLevel.SCHOOL);
    }

    // ------------------------------------------------------------------------------------------ blind scoring

    @Test
    void anExpertSeesTheOtherScoresOnlyAfterSubmittingTheirOwn() {
        Nomination nomination = atPanel("all-mean", "blind-d1-s1");
        List<Task> tasks = scoringTasks(nomination);
        String early = tasks.get(0).getAssignee();
        String late = tasks.get(1).getAssignee();
        submit(tasks.get(0), 4, true);

        assertThat(panels.scores(nomination.id(), early)).extracting(ExpertScore::expertId).containsExactly(early);
        NotAuthorizedException blind = catchThrowableOfType(NotAuthorizedException.class,
                () -> panels.scores(nomination.id(), late));
        assertThat(blind.text().en()).contains("scoring is blind").contains(late);
        assertThat(blind.text().zh()).contains("背对背");
        assertThat(catchThrowableOfType(NotAuthorizedException.class, () -> panels.result(nomination.id(), late)))
                .isNotNull();
        assertThat(catchThrowableOfType(NotAuthorizedException.class,
                () -> panels.scores(nomination.id(), "blind-d1-s1-approver"))).as("not the panel's level").isNotNull();
        assertThat(panels.scores(nomination.id(), "blind-approver")).as("the city's approver").hasSize(1);

        submit(tasks.get(1), 3, true);
        assertThat(panels.scores(nomination.id(), late)).extracting(ExpertScore::expertId).containsExactly(early, late);
    }

    @Test
    void submissionsOfTheWrongExpertAStruckOffExpertOrABadSheetAreRefusedAndRecordNothing() {
        Nomination nomination = atPanel("all-mean", "refuse-d1-s1");
        List<Task> tasks = scoringTasks(nomination);
        Task task = tasks.get(0);
        String expert = task.getAssignee();
        List<PanelTask> inbox = panels.inbox(expert);
        assertThat(inbox).extracting(PanelTask::nominationId).containsExactly(nomination.id());
        assertThat(inbox.get(0).rubric()).extracting(c -> c.code()).containsExactly("practice", "research");

        assertThat(catchThrowableOfType(NotAuthorizedException.class,
                () -> panels.submit(task.getId(), tasks.get(1).getAssignee(), sheet(3, 3, true)))).isNotNull();

        InvalidRequestException bad = catchThrowableOfType(InvalidRequestException.class, () -> panels.submit(task.getId(),
                expert, new ScoreSheet(List.of(CriterionScore.of("practice", 6), CriterionScore.of("impact", 1)), true, null)));
        assertThat(bad.code()).isEqualTo("invalid-score-sheet");
        assertThat(bad.text().en()).contains("between 0 and 5, got 6").contains("no criterion 'impact'")
                .contains("research");
        InvalidRequestException allNa = catchThrowableOfType(InvalidRequestException.class, () -> panels.submit(task.getId(),
                expert, new ScoreSheet(List.of(CriterionScore.notApplicable("practice"),
                        CriterionScore.notApplicable("research")), true, null)));
        assertThat(allNa.text().en()).contains("score at least one");

        STRUCK_OFF.add(expert);
        try {
            assertThat(catchThrowableOfType(NotAuthorizedException.class,
                    () -> panels.submit(task.getId(), expert, sheet(3, 3, true))).text().en())
                    .contains("no longer lists " + expert);
        } finally {
            STRUCK_OFF.remove(expert);
        }
        assertThat(panels.done(expert)).isEmpty();
        assertThat(scoringTasks(nomination)).hasSize(3);
        assertThat(panels.submit(task.getId(), expert, sheet(3, 3, true)).total()).isEqualByComparingTo("60");
    }

    // ------------------------------------------------------------------------------------------ helpers

    Nomination submit(String tier, String unitId) {
        return nominations.submit(new NominationSubmission(PROGRAM, tier,
                "applicant-" + getClass().getSimpleName() + "-" + applicants.incrementAndGet(), unitId, Map.of(), List.of()));
    }

    /** Submits a nomination and has its school pass it on, so the city's panel is assigned. */
    Nomination atPanel(String tier, String unitId) {
        Nomination nomination = submit(tier, unitId);
        fixture.tierFlow.reviews().decide(reviewTask(nomination).getId(), unitId + "-approver", Decision.pass("推荐 / recommended"));
        return nomination;
    }

    /** Each assigned expert, in assignee order, gives these points on both criteria and recommends. */
    void scoreAll(Nomination nomination, int... points) {
        List<Task> tasks = scoringTasks(nomination);
        assertThat(tasks).hasSize(points.length);
        for (int i = 0; i < points.length; i++) {
            submit(tasks.get(i), points[i], true);
        }
    }

    void submit(Task task, int points, boolean recommend) {
        panels.submit(task.getId(), task.getAssignee(), sheet(points, points, recommend));
    }

    static ScoreSheet sheet(int practice, int research, boolean recommend) {
        return new ScoreSheet(List.of(CriterionScore.of("practice", practice), CriterionScore.of("research", research)),
                recommend, null);
    }

    List<Task> scoringTasks(Nomination nomination) {
        return fixture.engine.getTaskService().createTaskQuery()
                .processDefinitionKey(LEVEL_REVIEW_PROCESS)
                .taskDefinitionKey(TASK_SCORE_NOMINATION)
                .processVariableValueEquals(VAR_NOMINATION_ID, nomination.id())
                .orderByTaskAssignee().asc()
                .list();
    }

    List<String> experts(Nomination nomination) {
        return scoringTasks(nomination).stream().map(Task::getAssignee).toList();
    }

    Task reviewTask(Nomination nomination) {
        return fixture.engine.getTaskService().createTaskQuery()
                .processDefinitionKey(LEVEL_REVIEW_PROCESS)
                .taskDefinitionKey(TASK_REVIEW_NOMINATION)
                .processVariableValueEquals(VAR_NOMINATION_ID, nomination.id())
                .singleResult();
    }

    TimelineEntry lastEntry(Nomination nomination) {
        List<TimelineEntry> timeline = nominations.timeline(nomination.id());
        return timeline.get(timeline.size() - 1);
    }

    SelectionRound openRound(String tier, String cityId) {
        Instant now = fixture.engine.getProcessEngineConfiguration().getClock().getCurrentTime().toInstant();
        return fixture.tierFlow.selection().openRound(PROGRAM, tier, cityId, OrganisationLevel.CITY, now.minusSeconds(60),
                now.plus(Duration.ofDays(1)), cityId + "-approver");
    }
}
