package org.tierflow.core.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.tierflow.core.api.TimelineEntryType.PASSED;
import static org.tierflow.core.api.TimelineEntryType.SUBMITTED;
import static org.tierflow.core.training.AfterSelectionFixture.reviewerOf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tierflow.bpmn.TierFlowBpmn;
import org.tierflow.core.api.AssessmentRecord;
import org.tierflow.core.api.AssessmentsNotPassedException;
import org.tierflow.core.api.BatchOutcome;
import org.tierflow.core.api.BatchRejectedException;
import org.tierflow.core.api.Evaluation;
import org.tierflow.core.api.LifecyclePhase;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationState;
import org.tierflow.core.api.NotEligibleException;
import org.tierflow.core.api.RankedCandidate;
import org.tierflow.core.api.SelectionRound;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.support.InMemoryOrganisationDirectory;

/**
 * Program C, {@code west-coast-ai-pilot-2022}, as shipped, on the shipped Qingdao tree (the West Coast New Area is
 * the Huangdao district): yearly selection rounds of the district (50 principals and 200 backbone teachers a year,
 * each year a fresh quota), eligibility, the principals' expert panel, the teachers' theory and practical exams
 * (missing or failed → refused, naming the exam; the weighted result ranks the round) and the two-party
 * evaluation that ends each cohort's year.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WestCoastAiPilotProgramIntegrationTests {

    static final String PROGRAM = "west-coast-ai-pilot-2022";
    static final String DISTRICT = "qd-huangdao";
    static final String SCHOOL = "qd-huangdao-no1-senior-high";
    static final Map<String, Object> PRINCIPAL = Map.of("isPrincipal", true);
    static final Map<String, Object> BACKBONE = Map.of("isBackboneTeacher", true);

    SeedProgramWalk walk;

    @BeforeAll
    void start() {
        walk = SeedProgramWalk.start(PROGRAM, InMemoryOrganisationDirectory.QINGDAO);
    }

    @AfterAll
    void stop() throws Exception {
        walk.close();
    }

    @Test
    void onlyServingPrincipalsAndBackboneTeachersMayApply() {
        walk.fixture.today(LocalDate.of(2022, 8, 1));
        NotEligibleException principal = catchThrowableOfType(NotEligibleException.class,
                () -> walk.submit("it-principal", SCHOOL, Map.of("isPrincipal", false)));
        NotEligibleException teacher = catchThrowableOfType(NotEligibleException.class,
                () -> walk.submit("it-backbone-teacher", SCHOOL, Map.of("isBackboneTeacher", false)));

        assertThat(principal.failures()).extracting(f -> f.ruleCode()).containsExactly("principal");
        assertThat(principal.text().zh()).contains("须为全区中小学校长");
        assertThat(teacher.failures()).extracting(f -> f.ruleCode()).containsExactly("backbone");
        assertThat(teacher.text().en()).contains("Must be a backbone teacher with strong IT-teaching ability");
    }

    @Test
    void theDistrictSelectsFiftyPrincipalsInEachYearsRoundAndTheNextYearHasAFreshFifty() {
        // 2022: 51 principals apply directly to the district; its panel scores them; the round ranks them.
        walk.fixture.today(LocalDate.of(2022, 9, 5));
        List<Nomination> applicants = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            Nomination principal = walk.submit("it-principal", SCHOOL, PRINCIPAL);
            walk.scorePanel(principal, 90 - i % 40, 85, 80, 75, 70);
            applicants.add(principal);
        }
        assertThat(walk.timelineLevels(applicants.get(0))).as("no school step: principals apply to the district").isEmpty();
        SelectionRound round2022 = walk.openRound("it-principal", DISTRICT);
        List<String> ranked = walk.fixture.tierFlow.selection().rankedCandidates(round2022.id(), reviewerOf(DISTRICT)).stream()
                .map(RankedCandidate::nominationId).toList();
        assertThat(ranked).hasSize(51).containsExactlyInAnyOrderElementsOf(applicants.stream().map(Nomination::id).toList());

        BatchRejectedException tooMany = catchThrowableOfType(BatchRejectedException.class, () -> walk.fixture.tierFlow
                .selection().selectBatch(round2022.id(), reviewerOf(DISTRICT), ranked, "全部 / all"));
        assertThat(tooMany.problems()).singleElement().satisfies(p -> assertThat(p.code()).isEqualTo("quota-full"));
        BatchOutcome selected2022 = walk.fixture.tierFlow.selection().selectBatch(round2022.id(), reviewerOf(DISTRICT),
                ranked.subList(0, 50), "2022年度遴选 / 2022 selection");
        assertThat(selected2022.selected()).hasSize(50);
        assertThat(walk.fixture.tierFlow.selection().quota(PROGRAM, "it-principal", DISTRICT))
                .extracting(q -> q.allocated(), q -> q.used(), q -> q.remaining()).containsExactly(50, 50, 0);
        Nomination last2022 = walk.fixture.tierFlow.nominations().get(ranked.get(50));
        assertThat(last2022.state()).as("the 51st waits; 2022's fifty are used").isEqualTo(NominationState.IN_REVIEW);

        // 2023: a fresh quota of fifty, a new round; a 2023 applicant is selected, the 2022 one still counts in 2022.
        walk.fixture.today(LocalDate.of(2023, 9, 4));
        assertThat(walk.fixture.tierFlow.selection().quota(PROGRAM, "it-principal", DISTRICT))
                .extracting(q -> q.allocated(), q -> q.used()).containsExactly(50, 0);
        Nomination applicant2023 = walk.submit("it-principal", SCHOOL, PRINCIPAL);
        walk.scorePanel(applicant2023, 80, 80, 80, 80, 80);
        SelectionRound round2023 = walk.openRound("it-principal", DISTRICT);
        BatchOutcome selected2023 = walk.fixture.tierFlow.selection().selectBatch(round2023.id(), reviewerOf(DISTRICT),
                List.of(applicant2023.id()), "2023年度遴选 / 2023 selection");
        assertThat(selected2023.selected()).extracting(Nomination::id).containsExactly(applicant2023.id());
        assertThat(walk.fixture.tierFlow.selection().quota(PROGRAM, "it-principal", DISTRICT).used()).isEqualTo(1);
        BatchRejectedException still2022 = catchThrowableOfType(BatchRejectedException.class, () -> walk.fixture.tierFlow
                .selection().selectBatch(round2023.id(), reviewerOf(DISTRICT), List.of(last2022.id()), "补录 / late"));
        assertThat(still2022.problems()).singleElement().satisfies(p -> assertThat(p.code()).isEqualTo("quota-full"));

        // Each cohort's year ends with the two-party evaluation.
        Nomination principal = selected2022.selected().get(0);
        walk.fixture.today(LocalDate.of(2023, 9, 5));
        assertThat(walk.fixture.fireDueTimers(principal.id())).contains(TierFlowBpmn.EVENT_WORKING_PERIOD_ENDED);
        Evaluation evaluation = evaluate(principal, 70, 60);
        assertThat(evaluation.total()).as("0.4·70 + 0.6·60").isEqualByComparingTo("64");
        assertThat(evaluation.qualified()).isTrue();
        assertThat(phase(principal)).as("no credential in this program").isEqualTo(LifecyclePhase.COMPLETED);
    }

    @Test
    void backboneTeachersNeedBothExamsAndTheirWeightedResultRanksTheYearsRound() {
        walk.fixture.today(LocalDate.of(2022, 10, 10));
        Nomination strongPractice = recommended();
        Nomination strongTheory = recommended();
        Nomination failedPractical = recommended();
        Nomination noExams = recommended();
        exam(strongPractice, "theory", 70);
        exam(strongPractice, "practical", 95);      // 0.4·70 + 0.6·95 = 85
        exam(strongTheory, "theory", 98);
        exam(strongTheory, "practical", 70);        // 0.4·98 + 0.6·70 = 81.2
        exam(failedPractical, "theory", 90);
        exam(failedPractical, "practical", 59);

        SelectionRound round = walk.openRound("it-backbone-teacher", DISTRICT);
        List<RankedCandidate> ranked = walk.fixture.tierFlow.selection().rankedCandidates(round.id(), reviewerOf(DISTRICT));
        assertThat(ranked).extracting(RankedCandidate::nominationId).containsExactly(strongPractice.id(), strongTheory.id(),
                failedPractical.id(), noExams.id());
        assertThat(ranked).extracting(RankedCandidate::score).containsExactly(new BigDecimal("85.00"),
                new BigDecimal("81.20"), new BigDecimal("71.40"), null);

        AssessmentsNotPassedException missing = catchThrowableOfType(AssessmentsNotPassedException.class,
                () -> walk.pass(noExams));
        assertThat(missing.code()).isEqualTo("assessments-not-passed");
        assertThat(missing.missing()).containsExactly("theory", "practical");
        assertThat(missing.text().zh()).contains("信息素养在线理论考核", "信息素养实操考核");
        AssessmentsNotPassedException failed = catchThrowableOfType(AssessmentsNotPassedException.class,
                () -> walk.pass(failedPractical));
        assertThat(failed.failed()).containsExactly("practical");
        assertThat(failed.text().en()).contains("Information-literacy practical exam (practical, pass mark 60)");
        assertThat(walk.fixture.tierFlow.nominations().get(failedPractical.id()).state()).isEqualTo(NominationState.IN_REVIEW);

        BatchOutcome outcome = walk.fixture.tierFlow.selection().selectBatch(round.id(), reviewerOf(DISTRICT),
                List.of(strongPractice.id(), strongTheory.id()), "2022年度遴选 / 2022 selection", true);
        assertThat(outcome.selected()).extracting(Nomination::id).containsExactly(strongPractice.id(), strongTheory.id());
        assertThat(outcome.rejected()).extracting(Nomination::id).containsExactlyInAnyOrder(failedPractical.id(), noExams.id());
        assertThat(walk.timeline(strongPractice)).containsExactly(SUBMITTED, PASSED, PASSED);
        assertThat(walk.timelineLevels(strongPractice)).containsExactly(OrganisationLevel.SCHOOL, OrganisationLevel.DISTRICT);
        assertThat(outcome.quota()).extracting(q -> q.allocated(), q -> q.used()).containsExactly(200, 2);

        walk.fixture.today(LocalDate.of(2023, 10, 10));
        walk.fixture.fireDueTimers(strongTheory.id());
        Evaluation notQualified = evaluate(strongTheory, 60, 50);
        assertThat(notQualified.total()).as("0.4·60 + 0.6·50").isEqualByComparingTo("54");
        assertThat(notQualified.qualified()).isFalse();
        assertThat(phase(strongTheory)).isEqualTo(LifecyclePhase.ENDED_WITHOUT_CREDENTIAL);
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** A backbone teacher recommended by the school and scored by the district's three experts. */
    private Nomination recommended() {
        Nomination teacher = walk.submit("it-backbone-teacher", SCHOOL, BACKBONE);
        walk.pass(teacher);
        walk.scorePanel(teacher, 70, 80, 90);
        return teacher;
    }

    private void exam(Nomination teacher, String code, int score) {
        walk.fixture.tierFlow.assessments().record(new AssessmentRecord(teacher.id(), code, BigDecimal.valueOf(score),
                walk.fixture.day(), "huangdao-exam-platform", teacher.id() + "-" + code));
    }

    private Evaluation evaluate(Nomination nomination, int institution, int bureau) {
        var evaluations = walk.fixture.tierFlow.evaluations();
        evaluations.score(nomination.id(), "training-institution", reviewerOf(DISTRICT), all(institution));
        return evaluations.score(nomination.id(), "bureau", reviewerOf(DISTRICT), all(bureau));
    }

    private static Map<String, BigDecimal> all(int score) {
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        for (String criterion : List.of("study", "application", "leading-role")) {
            scores.put(criterion, BigDecimal.valueOf(score));
        }
        return scores;
    }

    private LifecyclePhase phase(Nomination nomination) {
        return walk.fixture.tierFlow.lifecycle().get(nomination.id()).orElseThrow().phase();
    }
}
