package org.tierflow.core.kinds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.tierflow.core.kinds.SchoolsAndProjectsFixture.CHINA;
import static org.tierflow.core.kinds.SchoolsAndProjectsFixture.CITY;
import static org.tierflow.core.kinds.SchoolsAndProjectsFixture.DISTRICT;
import static org.tierflow.core.kinds.SchoolsAndProjectsFixture.PROGRAM;
import static org.tierflow.core.kinds.SchoolsAndProjectsFixture.deputyOf;
import static org.tierflow.core.kinds.SchoolsAndProjectsFixture.headOf;
import static org.tierflow.core.kinds.SchoolsAndProjectsFixture.reviewerOf;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tierflow.bpmn.TierFlowBpmn;
import org.tierflow.core.api.Credential;
import org.tierflow.core.api.DeadlineKind;
import org.tierflow.core.api.HourRecord;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.LifecyclePhase;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.spi.NotificationKind;
import org.tierflow.core.api.NominationState;
import org.tierflow.core.api.NominationSubmission;
import org.tierflow.core.api.NotAuthorizedException;
import org.tierflow.core.api.PhaseStatus;
import org.tierflow.core.api.TimelineEntry;
import org.tierflow.core.api.TimelineEntryType;
import org.tierflow.core.api.program.CandidateKind;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.nomination.TestDatabases;

/**
 * Program B's schools and projects on the real engine and H2, the engine clock moved by the tests: a benchmark
 * school from its application to its 2025 assessment and certificate, a tool-rollout project through expert review,
 * pilot, training and city-wide rollout, the failing branch, and the refusals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchoolsAndProjectsH2IntegrationTests {

    static final String SCHOOL_TIER = "benchmark-school";
    static final String TOOL_TIER = "tool-rollout";

    HikariDataSource database;
    SchoolsAndProjectsFixture fixture;

    @BeforeAll
    void start() {
        database = TestDatabases.h2("schools-and-projects");
        fixture = SchoolsAndProjectsFixture.on(database);
    }

    @AfterAll
    void stop() {
        fixture.close();
        database.close();
    }

    @AfterEach
    void realTime() {
        fixture.resetClock();
    }

    // ------------------------------------------------------------------------------------------ a benchmark school

    @Test
    void aBenchmarkSchoolIsRecommendedByItsDistrictSelectedByTheCityAssessedAndCertified() {
        fixture.today(LocalDate.of(2023, 9, 1));
        Nomination school = fixture.tierFlow.nominations().submit(schoolApplication("shinan-school-1",
                headOf("shinan-school-1")));

        assertThat(school.candidateKind()).isEqualTo(CandidateKind.SCHOOL);
        assertThat(school.unitId()).as("the school itself is the candidate").isEqualTo("shinan-school-1");
        assertThat(school.applicantId()).isEqualTo(headOf("shinan-school-1"));
        assertThat(school.projectTitle()).isNull();
        assertThat(school.currentLevel()).as("no school step: the school applies for itself")
                .isEqualTo(OrganisationLevel.DISTRICT);

        Nomination recommended = fixture.passCurrentLevel(school);
        assertThat(recommended.currentLevel()).isEqualTo(OrganisationLevel.CITY);
        Nomination selected = fixture.passCurrentLevel(recommended);
        assertThat(selected.state()).isEqualTo(NominationState.SELECTED);

        var status = fixture.tierFlow.lifecycle().get(school.id()).orElseThrow();
        assertThat(status.phase()).as("no task book, no phases: the school works for two years")
                .isEqualTo(LifecyclePhase.IMPLEMENTATION);
        assertThat(LocalDate.ofInstant(status.workingPeriodEndsAt(), CHINA)).isEqualTo(LocalDate.of(2025, 9, 1));
        assertThat(fixture.tierFlow.lifecycle().phases(school.id())).isEmpty();

        fixture.today(LocalDate.of(2025, 9, 2));
        assertThat(fixture.fireDueTimers(school.id())).contains(TierFlowBpmn.EVENT_WORKING_PERIOD_ENDED);
        assertThat(fixture.tierFlow.lifecycle().get(school.id()).orElseThrow().phase()).isEqualTo(LifecyclePhase.ACCEPTANCE);
        fixture.tierFlow.acceptance().submitReport(school.id(), headOf("shinan-school-1"), "创建总结 / final report");
        fixture.tierFlow.acceptance().scheduleOnSite(school.id(), reviewerOf(CITY), LocalDate.of(2025, 9, 10),
                List.of("专家甲 / expert A"));
        fixture.tierFlow.acceptance().decide(school.id(), reviewerOf(CITY), BigDecimal.valueOf(92), true,
                "评估认定 / recognised");
        assertThat(fixture.tierFlow.lifecycle().get(school.id()).orElseThrow().phase())
                .isEqualTo(LifecyclePhase.AWAITING_CREDENTIAL);

        Credential credential = fixture.tierFlow.credentials().issue(school.id(), reviewerOf(CITY), "青岛第二中学");
        assertThat(credential.issuingUnitId()).isEqualTo(CITY);
        assertThat(fixture.tierFlow.lifecycle().get(school.id()).orElseThrow().phase()).isEqualTo(LifecyclePhase.COMPLETED);
        assertThat(fixture.runningInstances(school.id())).isZero();
    }

    @Test
    void aSchoolAppliesOncePerTierUntilItWithdraws() {
        Nomination first = fixture.tierFlow.nominations().submit(schoolApplication("shinan-school-2",
                headOf("shinan-school-2")));

        InvalidRequestException twice = catchThrowableOfType(InvalidRequestException.class, () ->
                fixture.tierFlow.nominations().submit(schoolApplication("shinan-school-2", deputyOf("shinan-school-2"))));
        assertThat(twice.code()).isEqualTo("school-already-nominated");
        assertThat(twice.text().zh()).contains("学校 “shinan-school-2” 已申报", "每所学校只能申报一次");
        assertThat(twice.text().en()).contains("school 'shinan-school-2' already has a nomination",
                "a school applies once per tier");
        assertThat(fixture.count("tierflow_nomination", "unit_id = ? and tier_code = ?", "shinan-school-2", SCHOOL_TIER))
                .isEqualTo(1);

        assertThat(fixture.tierFlow.nominations().get(first.id(), deputyOf("shinan-school-2")).applicantId())
                .as("every approver of the school reads its nomination").isEqualTo(headOf("shinan-school-2"));
        fixture.tierFlow.nominations().withdraw(first.id(), deputyOf("shinan-school-2"), "重新准备 / preparing again");
        Nomination again = fixture.tierFlow.nominations().submit(schoolApplication("shinan-school-2",
                deputyOf("shinan-school-2")));
        assertThat(again.state()).isEqualTo(NominationState.IN_REVIEW);
        assertThat(fixture.tierFlow.nominations().get(first.id()).state()).isEqualTo(NominationState.WITHDRAWN);
    }

    @Test
    void onlyTheSchoolsApproversSubmitOrWithdrawForIt() {
        long before = fixture.count("tierflow_nomination", "unit_id = ?", "licang-school-2");

        assertThatThrownBy(() -> fixture.tierFlow.nominations().submit(schoolApplication("licang-school-2",
                "teacher-zhang")))
                .isInstanceOf(NotAuthorizedException.class)
                .satisfies(e -> assertThat(((NotAuthorizedException) e).text().en())
                        .contains("only an approver of unit 'licang-school-2' may submit its school nomination"));
        assertThatThrownBy(() -> fixture.tierFlow.nominations().submit(schoolApplication("licang-school-2",
                headOf("licang-school-1"))))
                .as("another school's head").isInstanceOf(NotAuthorizedException.class);
        assertThat(fixture.count("tierflow_nomination", "unit_id = ?", "licang-school-2")).isEqualTo(before);

        Nomination school = fixture.tierFlow.nominations().submit(schoolApplication("licang-school-2",
                headOf("licang-school-2")));
        assertThatThrownBy(() -> fixture.tierFlow.nominations().withdraw(school.id(), "teacher-zhang", "不想参加"))
                .isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> fixture.tierFlow.nominations().get(school.id(), "teacher-zhang"))
                .isInstanceOf(NotAuthorizedException.class);
        assertThat(fixture.tierFlow.nominations().get(school.id()).state()).isEqualTo(NominationState.IN_REVIEW);
    }

    @Test
    void personOnlyFeaturesAreRefusedForASchool() {
        InvalidRequestException titled = catchThrowableOfType(InvalidRequestException.class, () ->
                fixture.tierFlow.nominations().submit(new NominationSubmission(PROGRAM, SCHOOL_TIER,
                        headOf("licang-school-1"), "licang-school-1", Map.of("digitalPlanAdopted", true), List.of(),
                        "一个项目 / a project")));
        assertThat(titled.code()).isEqualTo("project-title-not-allowed");
        assertThat(fixture.count("tierflow_nomination", "unit_id = ? and tier_code = ?", "licang-school-1", SCHOOL_TIER))
                .isZero();

        Nomination school = fixture.select(fixture.tierFlow.nominations().submit(schoolApplication("licang-school-1",
                headOf("licang-school-1"))));
        InvalidRequestException hours = catchThrowableOfType(InvalidRequestException.class, () ->
                fixture.tierFlow.training().record(new HourRecord(school.id(), "ext-1", "centralised",
                        BigDecimal.TEN, LocalDate.of(2024, 1, 1), "platform", "集中学习")));
        assertThat(hours.code()).as("training hours belong to people").isEqualTo("no-training-requirement");

        InvalidRequestException untitledProject = catchThrowableOfType(InvalidRequestException.class, () ->
                fixture.tierFlow.nominations().submit(new NominationSubmission(PROGRAM, TOOL_TIER,
                        headOf("licang-school-1"), "licang-school-1", Map.of("inUseMonths", 12), List.of())));
        assertThat(untitledProject.code()).isEqualTo("project-title");
    }

    // ------------------------------------------------------------------------------------------ a tool-rollout project

    @Test
    void aToolIsReviewedByExpertsThenPilotedTrainedAndRolledOutCityWide() {
        fixture.today(LocalDate.of(2023, 10, 9));
        Nomination tool = fixture.tierFlow.nominations().submit(project("shinan-school-3", "智能作业批改助手 / Smart homework marker"));
        Nomination second = fixture.tierFlow.nominations().submit(project("shinan-school-3", "课堂互动平台 / Classroom response system"));
        assertThat(tool.candidateKind()).isEqualTo(CandidateKind.PROJECT);
        assertThat(tool.projectTitle()).isEqualTo("智能作业批改助手 / Smart homework marker");
        assertThat(second.state()).as("a unit may submit several projects").isEqualTo(NominationState.IN_REVIEW);

        fixture.today(LocalDate.of(2024, 1, 10));
        Nomination selected = fixture.select(tool);
        assertThat(fixture.tierFlow.lifecycle().get(tool.id()).orElseThrow().phase()).isEqualTo(LifecyclePhase.PHASES);

        List<PhaseStatus> phases = fixture.tierFlow.lifecycle().phases(selected.id());
        assertThat(phases).extracting(PhaseStatus::code, PhaseStatus::state, PhaseStatus::decidedBy).containsExactly(
                tuple("pilot", PhaseStatus.State.OPEN, OrganisationLevel.DISTRICT),
                tuple("training", PhaseStatus.State.PENDING, OrganisationLevel.CITY),
                tuple("rollout", PhaseStatus.State.PENDING, OrganisationLevel.CITY));
        assertThat(phases.get(0).name().zh()).as("names come from the definition").isEqualTo("试点应用");
        assertThat(phases.get(0).period()).isEqualTo(Period.ofMonths(6));
        assertThat(phases.get(0).dueAt()).as("six months, to the end of that day")
                .isEqualTo(startOf(LocalDate.of(2024, 7, 11)));

        Task pilot = decisionTask(tool);
        assertThat(pilot.getDueDate().toInstant()).isEqualTo(phases.get(0).dueAt());
        assertThat(fixture.engine.getTaskService().createTaskQuery().taskId(pilot.getId())
                .taskCandidateUser(reviewerOf(DISTRICT)).count()).isEqualTo(1);

        assertThatThrownBy(() -> fixture.tierFlow.lifecycle().decidePhase(tool.id(), reviewerOf(CITY), true, "通过"))
                .as("the pilot is the district's").isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> fixture.tierFlow.lifecycle().decidePhase(tool.id(), headOf("shinan-school-3"), true, "通过"))
                .as("the applicant never decides").isInstanceOf(NotAuthorizedException.class);
        assertThat(fixture.tierFlow.lifecycle().phases(tool.id()).get(0).state()).isEqualTo(PhaseStatus.State.OPEN);

        // Past the pilot's due date undecided: the timer reminds the district's deciders and tells the school; the
        // phase stays open (nothing is decided for them).
        fixture.today(LocalDate.of(2024, 7, 10));
        assertThat(fixture.fireDueTimers(tool.id())).as("not due on its last day").isEmpty();
        fixture.today(LocalDate.of(2024, 7, 11));
        fixture.notifications.clear();
        assertThat(fixture.fireDueTimers(tool.id())).hasSize(1);
        assertThat(fixture.notifications).filteredOn(n -> n.kind() == NotificationKind.PHASE_OVERDUE)
                .extracting(n -> n.recipientId()).containsExactly(reviewerOf(DISTRICT), headOf("shinan-school-3"));
        assertThat(fixture.notifications.get(0).body().zh()).contains("试点应用", "2024-07-10", "尚未决定");
        assertThat(fixture.notifications.get(0).body().en()).contains("Pilot", "2024-07-10", "still open");
        assertThat(fixture.tierFlow.lifecycle().phases(tool.id()).get(0).state()).isEqualTo(PhaseStatus.State.OPEN);
        assertThat(decisionTask(tool).getId()).as("the decision task stays").isEqualTo(pilot.getId());

        PhaseStatus piloted = fixture.tierFlow.lifecycle().decidePhase(tool.id(), reviewerOf(DISTRICT), true,
                "试点效果良好 / the pilot went well");
        assertThat(piloted.state()).isEqualTo(PhaseStatus.State.PASSED);
        assertThat(piloted.decidedById()).isEqualTo(reviewerOf(DISTRICT));
        assertThat(fixture.tierFlow.lifecycle().phases(tool.id()).get(1).state()).isEqualTo(PhaseStatus.State.OPEN);
        assertThat(fixture.tierFlow.lifecycle().phases(tool.id()).get(1).dueAt())
                .as("three months from the (late) decision").isEqualTo(startOf(LocalDate.of(2024, 10, 12)));

        fixture.today(LocalDate.of(2024, 9, 20));
        fixture.tierFlow.lifecycle().decidePhase(tool.id(), reviewerOf(CITY), true, "培训完成 / trained");
        fixture.today(LocalDate.of(2025, 9, 1));
        fixture.tierFlow.lifecycle().decidePhase(tool.id(), reviewerOf(CITY), true, "全市推广 / shared city-wide");

        assertThat(fixture.tierFlow.lifecycle().phases(tool.id())).extracting(PhaseStatus::state)
                .containsOnly(PhaseStatus.State.PASSED);
        var status = fixture.tierFlow.lifecycle().get(tool.id()).orElseThrow();
        assertThat(status.phase()).as("no acceptance, evaluation or credential").isEqualTo(LifecyclePhase.COMPLETED);
        assertThat(fixture.runningInstances(tool.id())).isZero();
        assertThat(fixture.tierFlow.nominations().timeline(tool.id())).extracting(TimelineEntry::type)
                .containsSubsequence(TimelineEntryType.PHASE_STARTED, TimelineEntryType.PHASE_PASSED,
                        TimelineEntryType.PHASE_STARTED, TimelineEntryType.PHASE_PASSED,
                        TimelineEntryType.PHASE_STARTED, TimelineEntryType.PHASE_PASSED);
        assertThat(fixture.tierFlow.nominations().timeline(tool.id()))
                .filteredOn(entry -> entry.type() == TimelineEntryType.PHASE_PASSED)
                .extracting(TimelineEntry::actorId)
                .containsExactly(reviewerOf(DISTRICT), reviewerOf(CITY), reviewerOf(CITY));

        InvalidRequestException closed = catchThrowableOfType(InvalidRequestException.class, () ->
                fixture.tierFlow.lifecycle().decidePhase(tool.id(), reviewerOf(CITY), true, "again"));
        assertThat(closed.code()).isEqualTo("no-open-phase");
    }

    @Test
    void aFailedPhaseEndsTheProject() {
        fixture.today(LocalDate.of(2024, 3, 1));
        Nomination tool = fixture.select(fixture.tierFlow.nominations().submit(project("licang-school-2",
                "AI 口语陪练 / AI speaking partner")));

        PhaseStatus failed = fixture.tierFlow.lifecycle().decidePhase(tool.id(), reviewerOf("licang"), false,
                "试点学校反馈不佳 / poor feedback from the pilot schools");

        assertThat(failed.state()).isEqualTo(PhaseStatus.State.FAILED);
        assertThat(fixture.tierFlow.lifecycle().phases(tool.id())).extracting(PhaseStatus::state).containsExactly(
                PhaseStatus.State.FAILED, PhaseStatus.State.PENDING, PhaseStatus.State.PENDING);
        assertThat(fixture.tierFlow.lifecycle().get(tool.id()).orElseThrow().phase())
                .isEqualTo(LifecyclePhase.ENDED_WITHOUT_CREDENTIAL);
        assertThat(fixture.runningInstances(tool.id())).isZero();
        assertThat(fixture.tierFlow.nominations().timeline(tool.id())).last()
                .satisfies(entry -> {
                    assertThat(entry.type()).isEqualTo(TimelineEntryType.PHASE_FAILED);
                    assertThat(entry.comment()).contains("poor feedback");
                });
    }

    @Test
    void theDecidingLevelMovesAPhasesDueDateAndTheOverdueNoticeFollows() {
        fixture.today(LocalDate.of(2024, 3, 1));
        Nomination tool = fixture.select(fixture.tierFlow.nominations().submit(project("licang-school-1",
                "双师课堂 / Dual-teacher classroom")));
        Instant due = startOf(LocalDate.of(2024, 9, 2));
        assertThat(fixture.tierFlow.lifecycle().phases(tool.id()).get(0).dueAt()).isEqualTo(due);
        Instant later = startOf(LocalDate.of(2024, 12, 2));

        assertThatThrownBy(() -> fixture.tierFlow.lifecycle().movePhaseDue(tool.id(), reviewerOf(CITY), later, "延期"))
                .as("the pilot is the district's").isInstanceOf(NotAuthorizedException.class);
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> fixture.tierFlow.lifecycle()
                .movePhaseDue(tool.id(), reviewerOf("licang"), later, " ")).code()).isEqualTo("reason-required");
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> fixture.tierFlow.lifecycle()
                .movePhaseDue(tool.id(), reviewerOf("licang"), startOf(LocalDate.of(2024, 2, 1)), "早一点")).code())
                .isEqualTo("deadline-in-past");
        assertThat(fixture.tierFlow.lifecycle().deadlineChanges(tool.id())).as("refusals change nothing").isEmpty();

        PhaseStatus moved = fixture.tierFlow.lifecycle().movePhaseDue(tool.id(), reviewerOf("licang"), later,
                "试点延长一个学期 / the pilot gets another term");
        assertThat(moved.dueAt()).isEqualTo(later);
        assertThat(moved.state()).isEqualTo(PhaseStatus.State.OPEN);
        assertThat(decisionTask(tool).getDueDate().toInstant()).isEqualTo(later);
        assertThat(fixture.tierFlow.lifecycle().deadlineChanges(tool.id())).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(DeadlineKind.PHASE_DECISION);
            assertThat(change.previousAt()).isEqualTo(due);
            assertThat(change.newAt()).isEqualTo(later);
            assertThat(change.changedBy()).isEqualTo(reviewerOf("licang"));
        });

        fixture.today(LocalDate.of(2024, 9, 3));
        assertThat(fixture.fireDueTimers(tool.id())).as("no longer due at the old date").isEmpty();
        fixture.today(LocalDate.of(2024, 12, 2));
        fixture.notifications.clear();
        assertThat(fixture.fireDueTimers(tool.id())).containsExactly(TierFlowBpmn.EVENT_PHASE_OVERDUE);
        assertThat(fixture.notifications).extracting(n -> n.kind()).containsOnly(NotificationKind.PHASE_OVERDUE);
        assertThat(fixture.notifications.get(0).body().en()).contains("2024-12-01");
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static NominationSubmission schoolApplication(String school, String submitter) {
        return new NominationSubmission(PROGRAM, SCHOOL_TIER, submitter, school, Map.of("digitalPlanAdopted", true),
                List.of());
    }

    private static NominationSubmission project(String school, String title) {
        return NominationSubmission.project(PROGRAM, TOOL_TIER, headOf(school), school, title,
                Map.of("inUseMonths", 12), List.of("tool-brief.pdf"));
    }

    private Task decisionTask(Nomination nomination) {
        return fixture.engine.getTaskService().createTaskQuery().processInstanceBusinessKey(nomination.id())
                .taskDefinitionKey(TierFlowBpmn.TASK_DECIDE_PHASE).singleResult();
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(CHINA).toInstant();
    }
}
