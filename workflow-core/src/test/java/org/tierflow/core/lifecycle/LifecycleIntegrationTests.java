package org.tierflow.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tierflow.core.training.AfterSelectionFixture.CHINA;
import static org.tierflow.core.training.AfterSelectionFixture.NINGXIA;
import static org.tierflow.core.training.AfterSelectionFixture.QINGDAO;
import static org.tierflow.core.training.AfterSelectionFixture.reviewerOf;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tierflow.bpmn.TierFlowBpmn;
import org.tierflow.core.api.AcceptanceRound;
import org.tierflow.core.api.AcceptanceService;
import org.tierflow.core.api.Credential;
import org.tierflow.core.api.DeadlineChange;
import org.tierflow.core.api.DeadlineKind;
import org.tierflow.core.api.Evaluation;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.LifecyclePhase;
import org.tierflow.core.api.LifecycleStatus;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NotAuthorizedException;
import org.tierflow.core.api.NotFoundException;
import org.tierflow.core.api.TaskBook;
import org.tierflow.core.api.TaskBookService;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.nomination.TestDatabases;
import org.tierflow.core.spi.Notification;
import org.tierflow.core.spi.NotificationKind;
import org.tierflow.core.training.AfterSelectionFixture;

/**
 * The life cycle after selection on the real engine and H2, the engine clock moved by the tests and due timers run
 * by {@link AfterSelectionFixture#fireDueTimers()} (no async executor, no sleeping): task book, implementation,
 * acceptance with its extension, comprehensive evaluation and credential, for Ningxia's teaching talent and
 * Qingdao's elite teacher.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LifecycleIntegrationTests {

    static final String CITY = "yinchuan";
    static final String COUNTY = "xingqing";
    static final String SCHOOL = "xingqing-school-1";

    HikariDataSource database;
    AfterSelectionFixture fixture;
    TaskBookService taskBooks;
    AcceptanceService acceptance;
    final List<Notification> sent = new ArrayList<>();

    @BeforeAll
    void start() {
        database = TestDatabases.h2("lifecycle");
        fixture = AfterSelectionFixture.on(database, notification -> {
            synchronized (sent) {
                sent.add(notification);
            }
        });
        taskBooks = fixture.tierFlow.taskBooks();
        acceptance = fixture.tierFlow.acceptance();
    }

    @AfterAll
    void stop() throws Exception {
        fixture.close();
        database.close();
    }

    @AfterEach
    void realTime() {
        fixture.resetClock();
    }

    // ------------------------------------------------------------------------------------------ whole life cycles

    @Test
    void ningxiaTeachingTalentGoesFromSelectionToCredential() {
        Nomination teacher = fixture.select(NINGXIA, "teaching-talent", SCHOOL, LocalDate.of(2024, 3, 1));

        TaskBook book = taskBooks.get(teacher.id());
        assertThat(book.authorityUnitId()).as("the city signs teaching talents' task books").isEqualTo(CITY);
        assertThat(book.authorityLevel()).isEqualTo(OrganisationLevel.CITY);
        assertThat(book.goals()).extracting(LocalizedText::zh).containsExactly("教学研修", "演示推广1-2项信息技术与教育教学深度融合典型案例");
        assertThat(book.funding()).extracting(TaskBook.FundingLine::code, TaskBook.FundingLine::amount).containsExactly(
                org.assertj.core.groups.Tuple.tuple("teaching-study", new BigDecimal("0.5")),
                org.assertj.core.groups.Tuple.tuple("demonstration", new BigDecimal("0.3")));
        assertThat(book.fundingTotal()).isEqualByComparingTo("0.8");
        assertThat(book.planItems()).extracting(LocalizedText::en).anySatisfy(item -> assertThat(item)
                .contains("Implementation period: 1 year")).anySatisfy(item -> assertThat(item)
                .contains("County education bureau reviews → City education bureau accepts", "6 months"));
        assertThat(book.deadline()).as("30 days after selection, to the end of that day")
                .isEqualTo(startOf(LocalDate.of(2024, 4, 1)));
        assertThat(book.state()).isEqualTo(TaskBook.State.AWAITING_CANDIDATE);
        assertThat(phase(teacher)).isEqualTo(LifecyclePhase.TASK_BOOK);

        fixture.today(LocalDate.of(2024, 3, 8));
        assertThat(taskBooks.sign(teacher.id(), teacher.applicantId()).state()).isEqualTo(TaskBook.State.AWAITING_COUNTERSIGN);
        fixture.today(LocalDate.of(2024, 3, 10));
        assertThat(taskBooks.countersign(teacher.id(), reviewerOf(CITY)).state()).isEqualTo(TaskBook.State.SIGNED);

        LifecycleStatus working = status(teacher);
        assertThat(working.phase()).isEqualTo(LifecyclePhase.IMPLEMENTATION);
        assertThat(working.workingPeriodEndsAt()).as("one year from the countersign").isEqualTo(startOf(LocalDate.of(2025, 3, 10)));

        fixture.today(LocalDate.of(2025, 3, 9));
        assertThat(fixture.fireDueTimers(teacher.id())).as("the working period has a day to go").isEmpty();
        fixture.today(LocalDate.of(2025, 3, 10));
        assertThat(fixture.fireDueTimers(teacher.id())).containsExactly(TierFlowBpmn.EVENT_WORKING_PERIOD_ENDED);
        assertThat(kindsTo(teacher.applicantId(), teacher)).contains(NotificationKind.REPORT_DUE);
        assertThat(phase(teacher)).isEqualTo(LifecyclePhase.ACCEPTANCE);

        passRound(teacher, "总结报告 / final report", new BigDecimal("86"));

        assertThat(status(teacher).acceptancePassed()).isTrue();
        assertThat(phase(teacher)).as("no evaluation for this tier").isEqualTo(LifecyclePhase.AWAITING_CREDENTIAL);
        List<AcceptanceRound> rounds = acceptance.rounds(teacher.id());
        assertThat(rounds).singleElement().satisfies(round -> {
            assertThat(round.passed()).isTrue();
            assertThat(round.score()).isEqualByComparingTo("86");
            assertThat(round.expertTeam()).containsExactly("专家甲", "专家乙", "专家丙");
            assertThat(round.reviews()).extracting(r -> r.level()).containsExactly(OrganisationLevel.DISTRICT, OrganisationLevel.CITY);
        });

        Credential credential = fixture.tierFlow.credentials().issue(teacher.id(), reviewerOf(CITY), "马老师");
        assertThat(credential.issuingUnitId()).isEqualTo(CITY);
        assertThat(phase(teacher)).isEqualTo(LifecyclePhase.COMPLETED);
        assertThat(lifecycleRunning(teacher)).as("the life cycle process ended").isFalse();
    }

    @Test
    void qingdaoEliteTeacherIsEvaluatedByFourPartiesAndThenGetsItsCredential() {
        Nomination teacher = fixture.select(QINGDAO, "elite-teacher", "shinan-school-1", LocalDate.of(2024, 3, 1));

        assertThatThrownBy(() -> taskBooks.get(teacher.id())).as("this tier signs no task book").isInstanceOf(NotFoundException.class);
        LifecycleStatus working = status(teacher);
        assertThat(working.phase()).isEqualTo(LifecyclePhase.IMPLEMENTATION);
        assertThat(working.workingPeriodEndsAt()).isEqualTo(startOf(LocalDate.of(2025, 3, 1)));

        fixture.today(LocalDate.of(2025, 3, 1));
        assertThat(fixture.fireDueTimers(teacher.id())).contains(TierFlowBpmn.EVENT_WORKING_PERIOD_ENDED);
        assertThat(phase(teacher)).isEqualTo(LifecyclePhase.EVALUATION);
        assertThat(kindsTo(reviewerOf("qingdao"), teacher)).contains(NotificationKind.EVALUATION_OPEN);

        var evaluations = fixture.tierFlow.evaluations();
        assertThatThrownBy(() -> evaluations.score(teacher.id(), "self", reviewerOf("shinan"), all(90)))
                .as("only the candidate scores for themselves").isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> evaluations.score(teacher.id(), "bureau", teacher.applicantId(), all(90)))
                .as("the candidate does not speak for the bureau").isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> evaluations.score(teacher.id(), "bureau", reviewerOf("yinchuan"), all(90)))
                .as("a Ningxia reviewer is not above a Qingdao school").isInstanceOf(NotAuthorizedException.class);
        assertRefused(() -> evaluations.score(teacher.id(), "mentor", reviewerOf("qingdao"), all(90)), "unknown-party");
        Map<String, BigDecimal> wrong = new LinkedHashMap<>(all(90));
        wrong.remove("ethics");
        wrong.put("outcomes", new BigDecimal("101"));
        wrong.put("charm", new BigDecimal("5"));
        assertThatThrownBy(() -> evaluations.score(teacher.id(), "bureau", reviewerOf("qingdao"), wrong))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid-scores");
                    assertThat(e.text().en()).contains("no score for 'ethics'", "101 for 'outcomes' is not between 0 and 100",
                            "'charm' is not a criterion");
                });

        evaluations.score(teacher.id(), "self", teacher.applicantId(), all(90));
        evaluations.score(teacher.id(), "training-institution", reviewerOf("qingdao"), all(80));
        Evaluation partial = evaluations.score(teacher.id(), "employer-unit", reviewerOf("shinan-school-1"), all(70));
        assertThat(partial.missing()).containsExactly("bureau");
        assertThat(partial.qualified()).isNull();
        assertRefused(() -> evaluations.score(teacher.id(), "self", teacher.applicantId(), all(100)), "already-scored");
        assertRefused(() -> fixture.tierFlow.credentials().issue(teacher.id(), reviewerOf("qingdao")), "outcome-missing");

        Map<String, BigDecimal> bureau = scores(60, 50, 50, 40, 50);
        Evaluation done = evaluations.score(teacher.id(), "bureau", reviewerOf("qingdao"), bureau);

        assertThat(done.sheets()).filteredOn(s -> s.partyCode().equals("bureau")).singleElement()
                .satisfies(s -> assertThat(s.partyScore()).as("0.2·60 + 0.15·50 + 0.15·50 + 0.3·40 + 0.2·50")
                        .isEqualByComparingTo("49"));
        assertThat(done.total()).as("0.1·90 + 0.3·80 + 0.2·70 + 0.4·49").isEqualByComparingTo("66.6");
        assertThat(done.qualified()).isTrue();
        assertThat(phase(teacher)).isEqualTo(LifecyclePhase.AWAITING_CREDENTIAL);
        assertRefused(() -> fixture.tierFlow.credentials().issue(teacher.id(), reviewerOf("qingdao")), "outcome-missing");
        fixture.completeTraining(teacher);
        assertThat(fixture.tierFlow.credentials().issue(teacher.id(), reviewerOf("qingdao")).issuingUnitId()).isEqualTo("qingdao");
        assertThat(phase(teacher)).isEqualTo(LifecyclePhase.COMPLETED);
        assertThat(lifecycleRunning(teacher)).isFalse();
    }

    @Test
    void aQingdaoTeacherBelowThePassScoreEndsWithoutCredential() {
        Nomination teacher = fixture.select(QINGDAO, "elite-teacher", "shinan-school-1", LocalDate.of(2024, 4, 1));
        fixture.today(LocalDate.of(2025, 4, 1));
        fixture.fireDueTimers(teacher.id());

        var evaluations = fixture.tierFlow.evaluations();
        evaluations.score(teacher.id(), "self", teacher.applicantId(), all(100));
        evaluations.score(teacher.id(), "training-institution", reviewerOf("qingdao"), all(50));
        evaluations.score(teacher.id(), "employer-unit", reviewerOf("shinan"), all(50));
        Evaluation done = evaluations.score(teacher.id(), "bureau", reviewerOf("qingdao"), all(40));

        assertThat(done.total()).as("0.1·100 + 0.3·50 + 0.2·50 + 0.4·40").isEqualByComparingTo("51");
        assertThat(done.qualified()).isFalse();
        assertThat(phase(teacher)).isEqualTo(LifecyclePhase.ENDED_WITHOUT_CREDENTIAL);
        assertRefused(() -> fixture.tierFlow.credentials().issue(teacher.id(), reviewerOf("qingdao")), "outcome-missing");
        assertThat(lifecycleRunning(teacher)).isFalse();
    }

    // ------------------------------------------------------------------------------------------ extension

    @Test
    void aFailedAcceptanceExtendsBySixCalendarMonthsThenAPassRecognises() {
        Nomination teacher = fixture.select(NINGXIA, "teaching-talent", SCHOOL, LocalDate.of(2024, 8, 20));
        signAndCountersign(teacher, LocalDate.of(2024, 8, 31));
        assertThat(status(teacher).workingPeriodEndsAt()).isEqualTo(startOf(LocalDate.of(2025, 8, 31)));

        fixture.today(LocalDate.of(2025, 8, 31));
        fixture.fireDueTimers(teacher.id());
        failRoundAtCity(teacher, "总结报告 / final report");

        LifecycleStatus extended = status(teacher);
        assertThat(extended.phase()).isEqualTo(LifecyclePhase.EXTENSION);
        assertThat(extended.extensionsUsed()).isEqualTo(1);
        assertThat(extended.workingPeriodEndsAt()).as("31 August + 6 calendar months is the last day of February")
                .isEqualTo(startOf(LocalDate.of(2026, 2, 28)));
        assertThat(extended.acceptancePassed()).as("not decided yet: the rectification follows").isNull();
        assertThat(kindsTo(teacher.applicantId(), teacher)).contains(NotificationKind.ACCEPTANCE_DECIDED);
        assertRefused(() -> acceptance.submitReport(teacher.id(), teacher.applicantId(), "太早 / too early"), "no-report-due");

        fixture.today(LocalDate.of(2026, 2, 27));
        assertThat(fixture.fireDueTimers(teacher.id())).isEmpty();
        fixture.today(LocalDate.of(2026, 2, 28));
        assertThat(fixture.fireDueTimers(teacher.id())).containsExactly(TierFlowBpmn.EVENT_EXTENSION_ENDED);

        passRound(teacher, "整改报告 / rectification report", new BigDecimal("75"));

        List<AcceptanceRound> rounds = acceptance.rounds(teacher.id());
        assertThat(rounds).extracting(AcceptanceRound::round, AcceptanceRound::passed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, false), org.assertj.core.groups.Tuple.tuple(2, true));
        assertThat(rounds.get(1).report()).isEqualTo("整改报告 / rectification report");
        assertThat(status(teacher).acceptancePassed()).isTrue();
        assertThat(fixture.tierFlow.credentials().issue(teacher.id(), reviewerOf(CITY)).number()).isNotBlank();
    }

    @Test
    void failingAgainAfterTheLastExtensionEndsWithoutCredential() {
        Nomination teacher = fixture.select(NINGXIA, "teaching-talent", SCHOOL, LocalDate.of(2024, 5, 6));
        signAndCountersign(teacher, LocalDate.of(2024, 5, 10));
        fixture.today(LocalDate.of(2025, 5, 10));
        fixture.fireDueTimers(teacher.id());
        failRoundAtCity(teacher, "总结报告 / final report");
        fixture.today(LocalDate.of(2025, 11, 10));
        assertThat(fixture.fireDueTimers(teacher.id())).containsExactly(TierFlowBpmn.EVENT_EXTENSION_ENDED);

        acceptance.submitReport(teacher.id(), teacher.applicantId(), "整改报告 / rectification report");
        AcceptanceRound failed = acceptance.review(teacher.id(), reviewerOf(COUNTY), false, "整改不到位 / not rectified");
        assertThat(failed.reviews()).as("the county's conclusion is in the answer").singleElement()
                .satisfies(review -> assertThat(review.passed()).isFalse());

        assertThat(failed.passed()).as("the reviewing county may fail the round").isFalse();
        assertThat(failed.decidedBy()).isEqualTo(reviewerOf(COUNTY));
        LifecycleStatus ended = status(teacher);
        assertThat(ended.phase()).isEqualTo(LifecyclePhase.ENDED_WITHOUT_CREDENTIAL);
        assertThat(ended.acceptancePassed()).isFalse();
        assertThat(ended.extensionsUsed()).isEqualTo(ended.maxExtensions()).isEqualTo(1);
        assertThat(lifecycleRunning(teacher)).isFalse();
        assertThat(fixture.engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionId(lifecycleDefinitionId()).processInstanceBusinessKey(teacher.id()).singleResult())
                .as("the life cycle ended at 'failed acceptance, no credential'")
                .satisfies(process -> assertThat(process.getEndActivityId()).isEqualTo("Event_failedAcceptance"));
        assertRefused(() -> fixture.tierFlow.credentials().issue(teacher.id(), reviewerOf(CITY)), "outcome-missing");
    }

    @Test
    void onlyTheRightPeopleActOnTheAcceptanceAndTheCityNeedsAnOnSiteVisitFirst() {
        Nomination teacher = fixture.select(NINGXIA, "teaching-talent", SCHOOL, LocalDate.of(2024, 6, 3));
        signAndCountersign(teacher, LocalDate.of(2024, 6, 5));
        fixture.today(LocalDate.of(2025, 6, 5));
        fixture.fireDueTimers(teacher.id());

        assertThatThrownBy(() -> acceptance.submitReport(teacher.id(), reviewerOf(COUNTY), "x"))
                .isInstanceOf(NotAuthorizedException.class);
        assertRefused(() -> acceptance.submitReport(teacher.id(), teacher.applicantId(), "  "), "report-required");
        acceptance.submitReport(teacher.id(), teacher.applicantId(), "总结报告 / final report");
        assertThatThrownBy(() -> acceptance.review(teacher.id(), reviewerOf(CITY), true, null))
                .as("the county reviews first").isInstanceOf(NotAuthorizedException.class);
        assertRefused(() -> acceptance.decide(teacher.id(), reviewerOf(COUNTY), BigDecimal.TEN, true, null), "not-accepting-step");
        acceptance.review(teacher.id(), reviewerOf(COUNTY), true, "同意验收 / agreed");
        assertRefused(() -> acceptance.review(teacher.id(), reviewerOf(CITY), true, null), "accepting-step");
        assertRefused(() -> acceptance.decide(teacher.id(), reviewerOf(CITY), new BigDecimal("80"), true, null),
                "on-site-not-scheduled");
        assertRefused(() -> acceptance.scheduleOnSite(teacher.id(), reviewerOf(CITY), LocalDate.of(2025, 6, 20), List.of(" ")),
                "expert-team-required");
        acceptance.scheduleOnSite(teacher.id(), reviewerOf(CITY), LocalDate.of(2025, 6, 20), List.of("专家甲"));
        assertRefused(() -> acceptance.decide(teacher.id(), reviewerOf(CITY), new BigDecimal("101"), true, null), "invalid-score");

        assertThat(acceptance.decide(teacher.id(), reviewerOf(CITY), new BigDecimal("80"), true, null).passed()).isTrue();
    }

    // ------------------------------------------------------------------------------------------ deadlines

    @Test
    void aMovedSigningDeadlineTakesTheReminderAndTheOverdueNoticeAlong() {
        Nomination teacher = fixture.select(NINGXIA, "teaching-talent", SCHOOL, LocalDate.of(2024, 3, 1));
        Instant original = taskBooks.get(teacher.id()).deadline();
        Instant moved = startOf(LocalDate.of(2024, 4, 16));

        fixture.today(LocalDate.of(2024, 3, 5));
        assertThatThrownBy(() -> taskBooks.moveDeadline(teacher.id(), reviewerOf(COUNTY), moved, "会议延期 / meeting postponed"))
                .as("the county is not the task book's authority").isInstanceOf(NotAuthorizedException.class);
        assertRefused(() -> taskBooks.moveDeadline(teacher.id(), reviewerOf(CITY), moved, " "), "reason-required");
        assertRefused(() -> taskBooks.moveDeadline(teacher.id(), reviewerOf(CITY), startOf(LocalDate.of(2024, 3, 1)),
                "太晚 / too late"), "deadline-in-past");
        assertThat(fixture.tierFlow.lifecycle().deadlineChanges(teacher.id())).isEmpty();

        TaskBook book = taskBooks.moveDeadline(teacher.id(), reviewerOf(CITY), moved, "会议延期 / meeting postponed");

        assertThat(book.deadline()).isEqualTo(moved);
        assertThat(fixture.tierFlow.lifecycle().deadlineChanges(teacher.id())).singleElement().isEqualTo(new DeadlineChange(
                DeadlineKind.TASK_BOOK_SIGNING, original, moved, "会议延期 / meeting postponed", reviewerOf(CITY),
                startOf(LocalDate.of(2024, 3, 5)).plusSeconds(12 * 3600)));

        fixture.today(LocalDate.of(2024, 3, 26));
        assertThat(fixture.fireDueTimers(teacher.id())).as("the old reminder day (25 March) passed quietly").isEmpty();
        fixture.today(LocalDate.of(2024, 4, 2));
        assertThat(fixture.fireDueTimers(teacher.id())).as("the old deadline passed quietly").isEmpty();
        fixture.today(LocalDate.of(2024, 4, 9));
        assertThat(fixture.fireDueTimers(teacher.id())).containsExactly(TierFlowBpmn.EVENT_SIGNING_REMINDER_DUE);
        assertThat(kindsTo(teacher.applicantId(), teacher)).containsOnlyOnce(NotificationKind.TASK_BOOK_REMINDER);
        assertThat(sentTo(teacher.applicantId(), teacher)).filteredOn(n -> n.kind() == NotificationKind.TASK_BOOK_REMINDER)
                .singleElement().satisfies(n -> assertThat(n.body().en()).contains("by 2024-04-15"));
        fixture.today(LocalDate.of(2024, 4, 16));
        assertThat(fixture.fireDueTimers(teacher.id())).containsExactly(TierFlowBpmn.EVENT_SIGNING_DEADLINE_PASSED);
        assertThat(kindsTo(teacher.applicantId(), teacher)).containsOnlyOnce(NotificationKind.TASK_BOOK_OVERDUE);
        assertThat(kindsTo(reviewerOf(CITY), teacher)).containsOnlyOnce(NotificationKind.TASK_BOOK_OVERDUE);

        assertThat(taskBooks.sign(teacher.id(), teacher.applicantId()).state())
                .as("a late signature is still taken").isEqualTo(TaskBook.State.AWAITING_COUNTERSIGN);
    }

    @Test
    void aMovedWorkingPeriodEndMovesTheTimerAndTheReportNotice() {
        Nomination teacher = fixture.select(NINGXIA, "teaching-talent", SCHOOL, LocalDate.of(2024, 7, 1));
        assertRefused(() -> acceptance.moveWorkingPeriodEnd(teacher.id(), reviewerOf(CITY), startOf(LocalDate.of(2025, 9, 1)),
                "早 / early"), "no-running-period");
        signAndCountersign(teacher, LocalDate.of(2024, 7, 2));
        Instant planned = startOf(LocalDate.of(2025, 7, 2));
        Instant later = startOf(LocalDate.of(2025, 8, 15));

        fixture.today(LocalDate.of(2025, 6, 1));
        assertThatThrownBy(() -> acceptance.moveWorkingPeriodEnd(teacher.id(), reviewerOf(COUNTY), later, "病假 / sick leave"))
                .as("the city accepts, so the city moves it").isInstanceOf(NotAuthorizedException.class);
        LifecycleStatus moved = acceptance.moveWorkingPeriodEnd(teacher.id(), reviewerOf(CITY), later, "病假 / sick leave");

        assertThat(moved.workingPeriodEndsAt()).isEqualTo(later);
        assertThat(fixture.tierFlow.lifecycle().deadlineChanges(teacher.id())).singleElement()
                .satisfies(change -> {
                    assertThat(change.kind()).isEqualTo(DeadlineKind.WORKING_PERIOD_END);
                    assertThat(change.previousAt()).isEqualTo(planned);
                    assertThat(change.newAt()).isEqualTo(later);
                    assertThat(change.changedBy()).isEqualTo(reviewerOf(CITY));
                });
        fixture.today(LocalDate.of(2025, 7, 3));
        assertThat(fixture.fireDueTimers(teacher.id())).isEmpty();
        assertThat(kindsTo(teacher.applicantId(), teacher)).doesNotContain(NotificationKind.REPORT_DUE);
        fixture.today(LocalDate.of(2025, 8, 15));
        assertThat(fixture.fireDueTimers(teacher.id())).containsExactly(TierFlowBpmn.EVENT_WORKING_PERIOD_ENDED);
        assertThat(kindsTo(teacher.applicantId(), teacher)).containsOnlyOnce(NotificationKind.REPORT_DUE);
    }

    // ------------------------------------------------------------------------------------------ task book

    @Test
    void aTaskBookSignedElsewhereSkipsTheCountersignAndSaysWhoWhyAndWhen() {
        Nomination teacher = fixture.select(NINGXIA, "teaching-talent", SCHOOL, LocalDate.of(2024, 9, 2));
        fixture.today(LocalDate.of(2024, 9, 9));

        assertThatThrownBy(() -> taskBooks.recordSignedElsewhere(teacher.id(), teacher.applicantId(), "纸质 / on paper"))
                .isInstanceOf(NotAuthorizedException.class);
        assertRefused(() -> taskBooks.recordSignedElsewhere(teacher.id(), reviewerOf(CITY), null), "reason-required");
        TaskBook book = taskBooks.recordSignedElsewhere(teacher.id(), reviewerOf(CITY), "签约大会现场签订纸质任务书 / signed on paper at the ceremony");

        assertThat(book.state()).isEqualTo(TaskBook.State.SIGNED_ELSEWHERE);
        assertThat(book.signedElsewhereBy()).isEqualTo(reviewerOf(CITY));
        assertThat(book.signedElsewhereReason()).isEqualTo("签约大会现场签订纸质任务书 / signed on paper at the ceremony");
        assertThat(book.signedElsewhereAt()).isEqualTo(startOf(LocalDate.of(2024, 9, 9)).plusSeconds(12 * 3600));
        assertThat(book.countersignedBy()).isNull();
        assertThat(phase(teacher)).isEqualTo(LifecyclePhase.IMPLEMENTATION);
        assertRefused(() -> taskBooks.countersign(teacher.id(), reviewerOf(CITY)), "not-awaiting-countersign");
        assertRefused(() -> taskBooks.sign(teacher.id(), teacher.applicantId()), "not-awaiting-candidate");
        assertRefused(() -> taskBooks.recordSignedElsewhere(teacher.id(), reviewerOf(CITY), "again"), "already-signed");
        assertThat(fixture.engine.getHistoryService().createHistoricTaskInstanceQuery()
                .processInstanceBusinessKey(teacher.id()).list())
                .as("the engine's task history holds the task book's tasks").isNotEmpty()
                .as("no countersign was ever asked for")
                .noneMatch(task -> TierFlowBpmn.TASK_COUNTERSIGN_TASK_BOOK.equals(task.getTaskDefinitionKey()));
    }

    @Test
    void universityCandidatesSignTheirTaskBookWithTheRegion() {
        Nomination lecturer = fixture.select(NINGXIA, "teaching-talent", "nxu", LocalDate.of(2024, 3, 1));

        TaskBook book = taskBooks.get(lecturer.id());

        assertThat(book.authorityUnitId()).isEqualTo("nx");
        assertThat(book.authorityLevel()).isEqualTo(OrganisationLevel.PROVINCE);
        assertThatThrownBy(() -> taskBooks.countersign(lecturer.id(), reviewerOf(CITY))).isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void theCandidateSignsFirstAndOnlyTheAuthorityCountersigns() {
        Nomination teacher = fixture.select(NINGXIA, "teaching-talent", SCHOOL, LocalDate.of(2024, 10, 8));

        assertThatThrownBy(() -> taskBooks.sign(teacher.id(), reviewerOf(CITY))).isInstanceOf(NotAuthorizedException.class);
        assertRefused(() -> taskBooks.countersign(teacher.id(), reviewerOf(CITY)), "not-awaiting-countersign");
        taskBooks.sign(teacher.id(), teacher.applicantId());
        assertThatThrownBy(() -> taskBooks.countersign(teacher.id(), teacher.applicantId())).isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> taskBooks.countersign(teacher.id(), reviewerOf(COUNTY))).isInstanceOf(NotAuthorizedException.class);
        assertThat(taskBooks.get(teacher.id()).state()).isEqualTo(TaskBook.State.AWAITING_COUNTERSIGN);
        assertThat(phase(teacher)).isEqualTo(LifecyclePhase.TASK_BOOK);
    }

    // ------------------------------------------------------------------------------------------ helpers

    private void signAndCountersign(Nomination teacher, LocalDate day) {
        fixture.today(day);
        taskBooks.sign(teacher.id(), teacher.applicantId());
        taskBooks.countersign(teacher.id(), reviewerOf(CITY));
    }

    private void passRound(Nomination teacher, String report, BigDecimal score) {
        acceptance.submitReport(teacher.id(), teacher.applicantId(), report);
        acceptance.review(teacher.id(), reviewerOf(COUNTY), true, "同意 / agreed");
        acceptance.scheduleOnSite(teacher.id(), reviewerOf(CITY), LocalDate.now(fixtureClock()), List.of("专家甲", "专家乙", "专家丙"));
        acceptance.decide(teacher.id(), reviewerOf(CITY), score, true, "通过 / passed");
    }

    private void failRoundAtCity(Nomination teacher, String report) {
        acceptance.submitReport(teacher.id(), teacher.applicantId(), report);
        acceptance.review(teacher.id(), reviewerOf(COUNTY), true, null);
        acceptance.scheduleOnSite(teacher.id(), reviewerOf(CITY), LocalDate.now(fixtureClock()), List.of("专家甲"));
        AcceptanceRound failed = acceptance.decide(teacher.id(), reviewerOf(CITY), new BigDecimal("52"), false, "案例未推广 / not demonstrated");
        assertThat(failed.passed()).isFalse();
    }

    private java.time.Clock fixtureClock() {
        Instant now = fixture.engine.getProcessEngineConfiguration().getClock().getCurrentTime().toInstant();
        return java.time.Clock.fixed(now, CHINA);
    }

    private LifecycleStatus status(Nomination nomination) {
        return fixture.tierFlow.lifecycle().get(nomination.id()).orElseThrow();
    }

    private LifecyclePhase phase(Nomination nomination) {
        return status(nomination).phase();
    }

    private boolean lifecycleRunning(Nomination nomination) {
        return fixture.engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(nomination.id())
                .processDefinitionKey(TierFlowBpmn.LIFECYCLE_PROCESS).count() > 0;
    }

    private String lifecycleDefinitionId() {
        return fixture.engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(TierFlowBpmn.LIFECYCLE_PROCESS).latestVersion().singleResult().getId();
    }


    private List<Notification> sentTo(String recipient, Nomination nomination) {
        synchronized (sent) {
            return sent.stream().filter(n -> n.recipientId().equals(recipient) && n.nominationId().equals(nomination.id()))
                    .toList();
        }
    }

    private List<NotificationKind> kindsTo(String recipient, Nomination nomination) {
        return sentTo(recipient, nomination).stream().map(Notification::kind).toList();
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(CHINA).toInstant();
    }

    private static Map<String, BigDecimal> all(int score) {
        return scores(score, score, score, score, score);
    }

    private static Map<String, BigDecimal> scores(int ethics, int attendance, int participation, int outcomes, int influence) {
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        scores.put("ethics", BigDecimal.valueOf(ethics));
        scores.put("attendance", BigDecimal.valueOf(attendance));
        scores.put("participation", BigDecimal.valueOf(participation));
        scores.put("outcomes", BigDecimal.valueOf(outcomes));
        scores.put("influence", BigDecimal.valueOf(influence));
        return scores;
    }

    private static void assertRefused(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
