package org.tierflow.core.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.flowable.common.engine.impl.runtime.Clock;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tierflow.bpmn.TierFlowBpmn;
import org.tierflow.core.ProgramDefinitionLoader;
import org.tierflow.core.api.AssessmentRecord;
import org.tierflow.core.api.AssessmentResult;
import org.tierflow.core.api.AssessmentService;
import org.tierflow.core.api.AssessmentsNotPassedException;
import org.tierflow.core.api.Decision;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationState;
import org.tierflow.core.api.NominationSubmission;
import org.tierflow.core.api.ProgramCatalog;
import org.tierflow.core.api.QuotaExceededException;
import org.tierflow.core.api.RankedCandidate;
import org.tierflow.core.api.SelectionRound;
import org.tierflow.core.api.SelectionService;
import org.tierflow.core.api.program.OrganisationLevel;

/**
 * Quotas that count per unit at a level (one CIO per school) and per year (so many each year), and assessments
 * (exams) that the deciding level requires and that rank the candidates, on the real engine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class QuotaScopeAndAssessmentScenarios {

    static final String PROGRAM = "scoped-program";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final AtomicInteger applicants = new AtomicInteger();
    private TierFlowTestEngine fixture;
    private SelectionService selection;
    private AssessmentService assessments;
    private Clock clock;

    abstract DataSource dataSource();

    abstract void closeDatabase() throws Exception;

    @BeforeAll
    void startEngine() {
        fixture = TierFlowTestEngine.start(dataSource(), builder -> builder
                .programs(ProgramCatalog.of(List.of(
                        ProgramDefinitionLoader.loadClasspath("definitions/scopes/scoped-program.yaml"))))
                .approvers(SelectionScenarios.APPROVERS));
        selection = fixture.tierFlow.selection();
        assessments = fixture.tierFlow.assessments();
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

    // ------------------------------------------------------------------------------------------ per unit

    @Test
    void eachSchoolAppointsOneCioOfItsOwn() {
        today(LocalDate.of(2023, 3, 1));
        Nomination first = submit("cio", "xingqing-school-1");
        Nomination second = submit("cio", "xingqing-school-1");
        Nomination otherSchool = submit("cio", "jinfeng-school-1");

        assertThat(pass(first, "xingqing-school-1-approver").state()).isEqualTo(NominationState.SELECTED);
        QuotaExceededException full = catchThrowableOfType(QuotaExceededException.class,
                () -> pass(second, "xingqing-school-1-approver"));
        assertThat(pass(otherSchool, "jinfeng-school-1-approver").state())
                .as("another school's CIO takes that school's own slot").isEqualTo(NominationState.SELECTED);

        assertThat(full.unitId()).isEqualTo("xingqing-school-1");
        assertThat(full.allocated()).isEqualTo(1);
        assertThat(full.text().zh()).contains("银川市第一中学");
        assertThat(full.text().en()).contains("Yinchuan No. 1 Middle School").contains("School CIO");
        assertThat(fixture.tierFlow.nominations().get(second.id()).state()).isEqualTo(NominationState.IN_REVIEW);
        assertThat(selection.quota(PROGRAM, "cio", "xingqing-school-1"))
                .extracting(q -> q.limited(), q -> q.allocated(), q -> q.used(), q -> q.remaining())
                .containsExactly(true, 1, 1, 0);
        assertThat(selection.quota(PROGRAM, "cio", "jinfeng-school-1").used()).isEqualTo(1);
    }

    @Test
    void aWithdrawnCioGivesTheSchoolsSlotBack() {
        today(LocalDate.of(2023, 3, 1));
        Nomination first = submit("cio", "litong-school-1");
        SelectionRound round = selection.openRound(PROGRAM, "cio", "litong-school-1", OrganisationLevel.SCHOOL,
                now().minusSeconds(60), now().plusSeconds(86_400), "litong-school-1-approver");
        Nomination waiting = submit("cio", "litong-school-1");
        selection.selectBatch(round.id(), "litong-school-1-approver", List.of(first.id()), "任命 / appointed");
        assertThat(selection.quota(PROGRAM, "cio", "litong-school-1").remaining()).isZero();

        var withdrawal = selection.withdrawSelected(first.id(), first.applicantId(), "调任 / transferred");

        assertThat(withdrawal.promoted()).hasValueSatisfying(n -> assertThat(n.id()).isEqualTo(waiting.id()));
        assertThat(selection.quota(PROGRAM, "cio", "litong-school-1").used()).isEqualTo(1);
    }

    @Test
    void aScopedQuotaIsNotAllocatedDownTheTree() {
        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
                () -> selection.allocate(PROGRAM, "yearly", "xingqing", Map.of("xingqing-school-1", 1), "xingqing-approver"));

        assertThat(refused.code()).isEqualTo("scoped-quota-allocation");
        assertThat(refused.text().en()).contains("per unit or per year");
    }

    // ------------------------------------------------------------------------------------------ per year

    @Test
    void eachYearHasAFreshQuotaAndANominationCountsInTheYearItWasSubmitted() {
        today(LocalDate.of(2022, 9, 1));
        Nomination a = recommended("yearly", "xingqing-school-1");
        Nomination b = recommended("yearly", "xingqing-school-1");
        Nomination late2022 = recommended("yearly", "xingqing-school-1");
        pass(a, "xingqing-approver");
        pass(b, "xingqing-approver");
        QuotaExceededException full = catchThrowableOfType(QuotaExceededException.class,
                () -> pass(late2022, "xingqing-approver"));
        assertThat(full.text().zh()).contains("2022 年度");
        assertThat(full.text().en()).contains("year 2022");
        assertThat(selection.quota(PROGRAM, "yearly", "xingqing")).extracting(q -> q.allocated(), q -> q.used())
                .containsExactly(2, 2);

        today(LocalDate.of(2023, 2, 1));
        assertThat(selection.quota(PROGRAM, "yearly", "xingqing").used()).as("2023's quota is untouched").isZero();
        assertThatThrownBy(() -> pass(late2022, "xingqing-approver"))
                .as("a 2022 nomination still counts against 2022, even when decided in 2023")
                .isInstanceOf(QuotaExceededException.class);
        Nomination in2023 = recommended("yearly", "xingqing-school-1");
        assertThat(pass(in2023, "xingqing-approver").state()).isEqualTo(NominationState.SELECTED);
        assertThat(selection.quota(PROGRAM, "yearly", "xingqing").used()).isEqualTo(1);

        today(LocalDate.of(2025, 1, 10));
        Nomination afterTheProgram = recommended("yearly", "xingqing-school-1");
        InvalidRequestException outside = catchThrowableOfType(InvalidRequestException.class,
                () -> pass(afterTheProgram, "xingqing-approver"));
        assertThat(outside.code()).isEqualTo("outside-program-years");
        assertThat(outside.text().en()).contains("2025").contains("2022–2024");
        assertThat(fixture.tierFlow.nominations().get(afterTheProgram.id()).state()).isEqualTo(NominationState.IN_REVIEW);
    }

    // ------------------------------------------------------------------------------------------ assessments

    @Test
    void theDecidingLevelCannotPassACandidateWithoutPassingResultsInEveryExam() {
        today(LocalDate.of(2023, 5, 1));
        Nomination n = recommended("examined", "jinfeng-school-1");

        AssessmentsNotPassedException none = catchThrowableOfType(AssessmentsNotPassedException.class,
                () -> pass(n, "jinfeng-approver"));
        assertThat(none.missing()).containsExactly("theory", "practical");
        assertThat(none.text().zh()).contains("缺少成绩").contains("在线理论考核").contains("实操考核");
        assertThat(none.text().en()).contains("no result in Online theory exam (theory, pass mark 60)");

        record(n, "theory", "72", "r-1");
        record(n, "practical", "25", "r-2");
        AssessmentsNotPassedException failed = catchThrowableOfType(AssessmentsNotPassedException.class,
                () -> pass(n, "jinfeng-approver"));
        assertThat(failed.missing()).isEmpty();
        assertThat(failed.failed()).containsExactly("practical");
        assertThat(failed.text().en()).contains("below the pass mark in Practical exam (practical, pass mark 30)");
        assertThat(fixture.tierFlow.nominations().get(n.id()).state()).isEqualTo(NominationState.IN_REVIEW);

        record(n, "practical", "41", "r-3");   // the retake counts
        assertThat(pass(n, "jinfeng-approver").state()).isEqualTo(NominationState.SELECTED);
        assertThat(assessments.results(n.id())).extracting(AssessmentResult::assessmentCode, AssessmentResult::passed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("theory", true),
                        org.assertj.core.groups.Tuple.tuple("practical", false),
                        org.assertj.core.groups.Tuple.tuple("practical", true));
    }

    @Test
    void resultsAreRecordedOnceBySourceAndIdAndBadOnesAreNamed() {
        today(LocalDate.of(2023, 6, 1));
        Nomination n = recommended("examined", "jinfeng-school-1");
        AssessmentResult first = record(n, "theory", "80", "dup-1");
        AssessmentResult again = record(n, "theory", "80.00", "dup-1");

        assertThat(again).isEqualTo(first);
        assertThat(assessments.results(n.id())).hasSize(1);
        InvalidRequestException conflict = catchThrowableOfType(InvalidRequestException.class,
                () -> record(n, "theory", "90", "dup-1"));
        assertThat(conflict.code()).isEqualTo("conflicting-assessment-result");
        assertThat(conflict.text().en()).contains("score");

        InvalidRequestException wrong = catchThrowableOfType(InvalidRequestException.class,
                () -> assessments.record(new AssessmentRecord(n.id(), "essay", new BigDecimal("101"),
                        LocalDate.of(2023, 6, 2), "exam-platform", "bad-1")));
        assertThat(wrong.code()).isEqualTo("invalid-assessment-result");
        assertThat(wrong.text().en()).contains("unknown assessment 'essay'; the tier has: theory, practical")
                .contains("takenOn: 2023-06-02 is in the future");
        InvalidRequestException aboveMax = catchThrowableOfType(InvalidRequestException.class,
                () -> record(n, "practical", "51", "bad-2"));
        assertThat(aboveMax.text().zh()).contains("超过满分 50");
        assertThat(assessments.results(n.id())).hasSize(1);
    }

    @Test
    void weightedExamResultsRankTheRoundAtTheDecidingLevel() {
        today(LocalDate.of(2023, 7, 1));
        Nomination strongPractice = recommended("examined", "litong-school-1");
        Nomination strongTheory = recommended("examined", "litong-school-1");
        Nomination noResults = recommended("examined", "litong-school-1");
        record(strongPractice, "theory", "60", "rank-1");
        record(strongPractice, "practical", "50", "rank-2");   // 0.4 × 60 + 0.6 × 100 = 84
        record(strongTheory, "theory", "100", "rank-3");
        record(strongTheory, "practical", "30", "rank-4");     // 0.4 × 100 + 0.6 × 60 = 76
        SelectionRound round = selection.openRound(PROGRAM, "examined", "litong", OrganisationLevel.DISTRICT,
                now().minusSeconds(60), now().plusSeconds(86_400), "litong-approver");

        List<RankedCandidate> ranked = selection.rankedCandidates(round.id(), "litong-approver");

        assertThat(ranked).extracting(RankedCandidate::nominationId)
                .containsExactly(strongPractice.id(), strongTheory.id(), noResults.id());
        assertThat(ranked).extracting(RankedCandidate::score)
                .containsExactly(new BigDecimal("84.00"), new BigDecimal("76.00"), null);
    }

    // ------------------------------------------------------------------------------------------ helpers

    private void today(LocalDate day) {
        clock.setCurrentTime(Date.from(day.atTime(LocalTime.NOON).atZone(CHINA).toInstant()));
    }

    private Instant now() {
        return clock.getCurrentTime().toInstant();
    }

    private Nomination submit(String tier, String unitId) {
        return fixture.tierFlow.nominations().submit(new NominationSubmission(PROGRAM, tier,
                "applicant-" + getClass().getSimpleName() + "-" + applicants.incrementAndGet(), unitId, Map.of(),
                List.of()));
    }

    /** Submitted and passed by its school, so it waits at the district. */
    private Nomination recommended(String tier, String schoolId) {
        Nomination n = submit(tier, schoolId);
        pass(n, schoolId + "-approver");
        return n;
    }

    private Nomination pass(Nomination nomination, String approver) {
        return fixture.tierFlow.reviews().decide(openTask(nomination.id()).getId(), approver, Decision.pass("同意 / agreed"));
    }

    private AssessmentResult record(Nomination n, String code, String score, String id) {
        return assessments.record(new AssessmentRecord(n.id(), code, new BigDecimal(score),
                LocalDate.ofInstant(now(), CHINA), "exam-platform", id));
    }

    private Task openTask(String nominationId) {
        return fixture.engine.getTaskService().createTaskQuery()
                .processDefinitionKey(TierFlowBpmn.LEVEL_REVIEW_PROCESS)
                .taskDefinitionKey(TierFlowBpmn.TASK_REVIEW_NOMINATION)
                .processVariableValueEquals(TierFlowBpmn.VAR_NOMINATION_ID, nominationId)
                .singleResult();
    }
}
