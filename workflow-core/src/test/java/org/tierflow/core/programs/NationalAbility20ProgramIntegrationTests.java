package org.tierflow.core.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.tierflow.core.api.TimelineEntryType.PASSED;
import static org.tierflow.core.api.TimelineEntryType.SUBMITTED;
import static org.tierflow.core.programs.SeedProgramWalk.assertRefused;
import static org.tierflow.core.training.AfterSelectionFixture.reviewerOf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tierflow.bpmn.TierFlowBpmn;
import org.tierflow.core.api.Credential;
import org.tierflow.core.api.Evaluation;
import org.tierflow.core.api.HourRecord;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.LifecyclePhase;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationState;
import org.tierflow.core.api.NotEligibleException;
import org.tierflow.core.api.QuotaExceededException;
import org.tierflow.core.api.TrainingProgress;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.support.InMemoryOrganisationDirectory;

/**
 * Program D, {@code national-ability-2-0-2019}, as shipped: the county's whole-school plan, played in the Xingqing
 * district of the shipped Ningxia tree. Each school appoints one CIO from its leadership and enrols its teachers
 * (quotas per school), every teacher needs 50 hours in five years with at least half practice (both failing
 * branches), the school and a third party evaluate, and the county records the certificate.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NationalAbility20ProgramIntegrationTests {

    static final String PROGRAM = "national-ability-2-0-2019";
    static final String COUNTY = "nx-yinchuan-xingqing";
    static final String PRIMARY = "nx-yinchuan-xingqing-experimental-primary";
    static final String NO21 = "nx-yinchuan-xingqing-no21-primary";

    SeedProgramWalk walk;

    @BeforeAll
    void start() {
        walk = SeedProgramWalk.start(PROGRAM, InMemoryOrganisationDirectory.NINGXIA);
    }

    @AfterAll
    void stop() throws Exception {
        walk.close();
    }

    @Test
    void eachSchoolAppointsOneCioFromItsLeadershipWhoLeadsThePlanAndIsCertifiedByTheCounty() {
        walk.fixture.today(LocalDate.of(2019, 9, 2));
        NotEligibleException notALeader = catchThrowableOfType(NotEligibleException.class,
                () -> walk.submit("school-cio", PRIMARY, Map.of("isSchoolLeader", false)));
        assertThat(notALeader.failures()).extracting(f -> f.ruleCode()).containsExactly("school-leader");
        assertThat(notALeader.text().zh()).contains("学校首席信息官须由校领导担任");

        Nomination cio = walk.submit("school-cio", PRIMARY, Map.of("isSchoolLeader", true));
        Nomination secondCio = walk.submit("school-cio", PRIMARY, Map.of("isSchoolLeader", true));
        Nomination otherSchoolsCio = walk.submit("school-cio", NO21, Map.of("isSchoolLeader", true));
        assertThat(walk.task(cio).stepName().zh()).isEqualTo("学校确定首席信息官");
        assertThat(walk.pass(cio).state()).isEqualTo(NominationState.SELECTED);
        QuotaExceededException full = catchThrowableOfType(QuotaExceededException.class, () -> walk.pass(secondCio));
        assertThat(full.code()).isEqualTo("quota-full");
        assertThat(full.unitId()).isEqualTo(PRIMARY);
        assertThat(full.allocated()).isEqualTo(1);
        assertThat(walk.pass(otherSchoolsCio).state()).as("the other school has its own CIO slot").isEqualTo(NominationState.SELECTED);
        assertThat(walk.timeline(cio)).containsExactly(SUBMITTED, PASSED);
        assertThat(walk.timelineLevels(cio)).containsExactly(OrganisationLevel.SCHOOL);

        // The CIO trains like every teacher and is evaluated on the school plan and the teacher training organised.
        walk.fixture.today(LocalDate.of(2020, 12, 31));
        record(cio, "online-training", 25, LocalDate.of(2020, 3, 2));
        assertThat(record(cio, "practice", 25, LocalDate.of(2020, 9, 1)).met()).isTrue();
        walk.fixture.today(LocalDate.of(2024, 9, 2));
        assertThat(walk.fixture.fireDueTimers(cio.id())).as("five years after selection")
                .contains(TierFlowBpmn.EVENT_WORKING_PERIOD_ENDED);
        var evaluations = walk.fixture.tierFlow.evaluations();
        evaluations.score(cio.id(), "school", reviewerOf(PRIMARY), Map.of("school-plan", BigDecimal.valueOf(90),
                "teacher-training", BigDecimal.valueOf(80)));
        Evaluation done = evaluations.score(cio.id(), "third-party", reviewerOf(COUNTY),
                Map.of("school-plan", BigDecimal.valueOf(70), "teacher-training", BigDecimal.valueOf(60)));
        assertThat(done.total()).as("0.5·85 + 0.5·65").isEqualByComparingTo("75");
        Credential certificate = walk.fixture.tierFlow.credentials().issue(cio.id(), reviewerOf(COUNTY));
        assertThat(certificate.issuingUnitId()).isEqualTo(COUNTY);
        assertThat(certificate.issuingLevel()).isEqualTo(OrganisationLevel.DISTRICT);
    }

    @Test
    void aTeacherWithFiftyHoursHalfOfThemPracticeIsEvaluatedAndCertified() {
        walk.fixture.today(LocalDate.of(2019, 10, 8));
        Nomination teacher = walk.submit("teacher", NO21, Map.of());
        assertThat(walk.task(teacher).stepName().zh()).isEqualTo("学校信息化管理团队纳入整校研修计划");
        assertThat(walk.pass(teacher).state()).isEqualTo(NominationState.SELECTED);
        assertThat(walk.fixture.tierFlow.selection().quota(PROGRAM, "teacher", NO21))
                .as("every teacher of the school, up to 200 per school").extracting(q -> q.allocated(), q -> q.used())
                .containsExactly(200, 1);

        walk.fixture.today(LocalDate.of(2023, 6, 1));
        record(teacher, "online-training", 15, LocalDate.of(2020, 4, 1));
        record(teacher, "school-based-study", 10, LocalDate.of(2021, 4, 1));
        TrainingProgress progress = record(teacher, "practice", 25, LocalDate.of(2022, 4, 1));
        assertThat(progress.met()).isTrue();
        assertThat(progress.totalRecorded()).isEqualByComparingTo("50");
        assertThat(progress.ratios()).singleElement().satisfies(r -> {
            assertThat(r.actualPercent()).isEqualByComparingTo("50");
            assertThat(r.met()).isTrue();
        });
        assertThat(progress.windowEnd()).as("five years from selection").isAfter(LocalDate.of(2024, 10, 1));

        walk.fixture.today(LocalDate.of(2024, 10, 8));
        walk.fixture.fireDueTimers(teacher.id());
        Evaluation evaluation = evaluate(teacher, 80, 70);
        assertThat(evaluation.total()).isEqualByComparingTo("75");
        assertThat(evaluation.qualified()).isTrue();
        Credential certificate = walk.fixture.tierFlow.credentials().issue(teacher.id(), reviewerOf(COUNTY));
        assertThat(certificate.title().zh()).isEqualTo("信息技术应用能力提升工程2.0培训合格证明");
        assertThat(walk.fixture.tierFlow.lifecycle().get(teacher.id()).orElseThrow().phase()).isEqualTo(LifecyclePhase.COMPLETED);
    }

    @Test
    void fortyNineHoursOrLessThanHalfPracticeGetNoCertificateAndHoursOutsideTheFiveYearsDoNotCount() {
        walk.fixture.today(LocalDate.of(2019, 11, 4));
        Nomination shortOfHours = walk.submit("teacher", PRIMARY, Map.of());
        Nomination littlePractice = walk.submit("teacher", PRIMARY, Map.of());
        walk.pass(shortOfHours);
        walk.pass(littlePractice);

        walk.fixture.today(LocalDate.of(2024, 11, 3));
        record(shortOfHours, "online-training", 24, LocalDate.of(2020, 5, 4));
        TrainingProgress fortyNine = record(shortOfHours, "practice", 25, LocalDate.of(2021, 5, 4));
        assertThat(fortyNine.met()).isFalse();
        assertThat(fortyNine.totalMissing()).isEqualByComparingTo("1");
        record(littlePractice, "online-training", 30, LocalDate.of(2020, 5, 4));
        TrainingProgress fortyPercent = record(littlePractice, "practice", 20, LocalDate.of(2021, 5, 4));
        assertThat(fortyPercent.totalRecorded()).isEqualByComparingTo("50");
        assertThat(fortyPercent.met()).isFalse();
        assertThat(fortyPercent.ratios()).singleElement().satisfies(r -> {
            assertThat(r.actualPercent()).isEqualByComparingTo("40");
            assertThat(r.met()).isFalse();
        });
        assertThatThrownBy(() -> walk.fixture.tierFlow.training().record(new HourRecord(littlePractice.id(),
                littlePractice.id() + "-before", "practice", BigDecimal.valueOf(8), LocalDate.of(2019, 10, 1),
                "national-platform", null)))
                .as("hours before selection do not count").isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.text().en()).contains("outside the window"));

        walk.fixture.today(LocalDate.of(2024, 11, 4));
        for (Nomination teacher : List.of(shortOfHours, littlePractice)) {
            walk.fixture.fireDueTimers(teacher.id());
            assertThat(evaluate(teacher, 90, 90).qualified()).isTrue();
            assertThatThrownBy(() -> walk.fixture.tierFlow.credentials().issue(teacher.id(), reviewerOf(COUNTY)))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                        assertThat(e.code()).isEqualTo("outcome-missing");
                        assertThat(e.text().en()).contains("the training hours are not complete");
                    });
        }
        assertRefused(() -> walk.fixture.tierFlow.training().record(new HourRecord(shortOfHours.id(),
                shortOfHours.id() + "-late", "practice", BigDecimal.ONE, LocalDate.of(2024, 11, 4),
                "national-platform", null)), "invalid-hour-record");
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** Records {@code hours} of a category from {@code firstDay}, at most 8 a day, as the national platform would. */
    private TrainingProgress record(Nomination nomination, String category, int hours, LocalDate firstDay) {
        LocalDate day = firstDay;
        for (int left = hours; left > 0; left -= 8) {
            walk.fixture.tierFlow.training().record(new HourRecord(nomination.id(), nomination.id() + "-" + category + "-" + day,
                    category, BigDecimal.valueOf(Math.min(8, left)), day, "national-platform", null));
            day = day.plusDays(1);
        }
        return walk.fixture.tierFlow.training().progress(nomination.id());
    }

    /** The school's process evaluation and the third party's (given by the county's reviewer). */
    private Evaluation evaluate(Nomination teacher, int school, int thirdParty) {
        var evaluations = walk.fixture.tierFlow.evaluations();
        evaluations.score(teacher.id(), "school", reviewerOf(teacher.unitId()), both(school));
        return evaluations.score(teacher.id(), "third-party", reviewerOf(COUNTY), both(thirdParty));
    }

    private static Map<String, BigDecimal> both(int score) {
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        scores.put("study", BigDecimal.valueOf(score));
        scores.put("practice", BigDecimal.valueOf(score));
        return scores;
    }
}
