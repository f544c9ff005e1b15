package org.tierflow.core.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.tierflow.core.nomination.TierFlowTestEngine.NINGXIA;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.flowable.common.engine.impl.runtime.Clock;
import org.flowable.engine.ManagementService;
import org.flowable.job.api.Job;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tierflow.bpmn.TierFlowBpmn;
import org.tierflow.core.api.Decision;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationService;
import org.tierflow.core.api.NominationState;
import org.tierflow.core.api.NominationSubmission;
import org.tierflow.core.api.NotAuthorizedException;
import org.tierflow.core.api.Objection;
import org.tierflow.core.api.ObjectionOutcome;
import org.tierflow.core.api.ObjectionResolution;
import org.tierflow.core.api.Publication;
import org.tierflow.core.api.PublicityEntry;
import org.tierflow.core.api.PublicityEntryStatus;
import org.tierflow.core.api.PublicityExportFormat;
import org.tierflow.core.api.PublicityService;
import org.tierflow.core.api.Quota;
import org.tierflow.core.api.ReviewService;
import org.tierflow.core.api.SelectionRound;
import org.tierflow.core.api.SelectionService;
import org.tierflow.core.api.TimelineEntry;
import org.tierflow.core.api.TimelineEntryType;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.spi.ApproverDirectory;
import org.tierflow.core.spi.ApproverQuery;
import org.tierflow.core.support.WeekdayCalendar;

/**
 * Publicity (公示) on the real engine and a real database: the period counted in working days on the engine
 * clock, the timer that confirms, objections upheld (removal, slot released, waitlist promotion within the quota)
 * and dismissed, and the export. Each test works in its own city of the tree. Subclasses choose the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PublicityScenarios {

    static final String BACKBONE = "backbone-talent";

    /** A made-up National Day week: 1–7 October 2026 off; Saturday 10 October worked. */
    static final WeekdayCalendar CALENDAR = WeekdayCalendar.of(WeekdayCalendar.SHANGHAI,
            List.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 5),
                    LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7)),
            List.of(LocalDate.of(2026, 10, 10)));

    /** Wednesday 30 September 2026, 10:00 in Shanghai: five working days end on Tuesday 13 October, 00:00. */
    static final Instant PUBLISHED = shanghai(2026, 9, 30, 10, 0);
    static final Instant PERIOD_END = shanghai(2026, 10, 13, 0, 0);

    /** Approvers as in the selection tests; objections only from users whose id starts with "public-". */
    static final ApproverDirectory APPROVERS = new ApproverDirectory() {
        @Override
        public List<String> approvers(ApproverQuery query) {
            return SelectionScenarios.APPROVERS.approvers(query);
        }

        @Override
        public boolean mayObject(String userId, ApproverQuery publishingUnit) {
            return userId != null && userId.startsWith("public-");
        }
    };

    final AtomicInteger applicants = new AtomicInteger();
    TierFlowTestEngine fixture;
    NominationService nominations;
    ReviewService reviews;
    SelectionService selection;
    PublicityService publicity;
    Clock clock;

    abstract DataSource dataSource();

    abstract void closeDatabase() throws Exception;

    @BeforeAll
    void startEngine() {
        fixture = TierFlowTestEngine.start(dataSource(), builder -> builder
                .organisations(SelectionScenarios.tree("pconfirm", "pupheld", "pexport", "prules", "prace"))
                .approvers(APPROVERS)
                .workingDayCalendar(CALENDAR));
        nominations = fixture.tierFlow.nominations();
        reviews = fixture.tierFlow.reviews();
        selection = fixture.tierFlow.selection();
        publicity = fixture.tierFlow.publicity();
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

    // ------------------------------------------------------------------------------------------ confirmation

    @Test
    void candidatesAreConfirmedOnlyWhenThePeriodHasEndedOnTheEngineClockAndNoObjectionIsOpen() {
        clock.setCurrentTime(Date.from(PUBLISHED.minus(Duration.ofDays(1))));
        selection.allocate(NINGXIA, BACKBONE, "nx", Map.of("pconfirm-d1", 3), "nx-approver");
        Nomination quiet = selectAt("pconfirm-d1");
        Nomination objected = selectAt("pconfirm-d1");
        clock.setCurrentTime(Date.from(PUBLISHED));

        Publication publication = publicity.publish(NINGXIA, BACKBONE, "pconfirm-d1", "pconfirm-d1-approver");

        assertThat(publication.startsAt()).isEqualTo(PUBLISHED);
        assertThat(publication.endsAt()).as("five working days across the holiday and a make-up Saturday")
                .isEqualTo(PERIOD_END);
        assertThat(publication.workingDays()).isEqualTo(5);
        assertThat(publication.entries()).extracting(PublicityEntry::nominationId).containsExactly(quiet.id(), objected.id());
        assertThat(publication.entries()).extracting(PublicityEntry::status).containsOnly(PublicityEntryStatus.PUBLISHED);
        assertThatThrownBy(() -> publicity.publish(NINGXIA, BACKBONE, "pconfirm-d1", "pconfirm-d1-approver"))
                .as("everybody is published already").isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).code()).isEqualTo("nothing-to-publish");

        clock.setCurrentTime(Date.from(shanghai(2026, 10, 12, 18, 0)));
        Objection objection = publicity.fileObjection(publication.id(), objected.id(), "public-teacher-1",
                "材料不实 / the application misstates the hours");
        assertThat(objection.isOpen()).isTrue();
        assertThat(runDueTimers(publication.id())).as("no timer is due on the last working day").isZero();
        InvalidRequestException early = catchThrowableOfType(InvalidRequestException.class,
                () -> publicity.close(publication.id(), "pconfirm-d1-approver"));
        assertThat(early.code()).isEqualTo("publicity-not-over");
        assertThat(early.text().zh()).contains("2026-10-13 00:00");

        clock.setCurrentTime(Date.from(PERIOD_END));
        assertThat(runDueTimers(publication.id())).as("the publicity's timer").isEqualTo(1);

        Publication closed = publicity.publication(publication.id());
        assertThat(closed.closedAt()).isEqualTo(PERIOD_END);
        assertThat(status(closed, quiet.id())).isEqualTo(PublicityEntryStatus.CONFIRMED);
        assertThat(status(closed, objected.id())).as("an objection is still open").isEqualTo(PublicityEntryStatus.PUBLISHED);
        assertThat(closed.entries().get(1).openObjections()).isEqualTo(1);
        assertThat(fixture.engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(TierFlowBpmn.PUBLICITY_PROCESS).processInstanceBusinessKey(publication.id()).count())
                .as("the publicity process has ended").isZero();

        ObjectionResolution dismissed = publicity.resolveObjection(objection.id(), "pconfirm-d1-approver-2",
                ObjectionOutcome.DISMISSED, "经核实材料属实 / checked: the application is accurate");

        assertThat(dismissed.objection().outcome()).isEqualTo(ObjectionOutcome.DISMISSED);
        assertThat(dismissed.objection().resolvedBy()).isEqualTo("pconfirm-d1-approver-2");
        assertThat(dismissed.promoted()).isEmpty();
        assertThat(status(dismissed.publication(), objected.id())).as("confirmed at once, the period being over")
                .isEqualTo(PublicityEntryStatus.CONFIRMED);
        assertThat(nominations.get(objected.id()).state()).isEqualTo(NominationState.SELECTED);
        assertThatThrownBy(() -> publicity.resolveObjection(objection.id(), "pconfirm-d1-approver",
                ObjectionOutcome.UPHELD, "again"))
                .isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).code()).isEqualTo("already-resolved");
    }

    @Test
    void anObjectionAfterThePeriodIsRefusedAndSoAreOutsidersAndTheCandidateResolvingTheirOwn() {
        clock.setCurrentTime(Date.from(PUBLISHED.minus(Duration.ofDays(1))));
        Nomination candidate = selectAt("prules-d1");
        clock.setCurrentTime(Date.from(PUBLISHED));
        assertThatThrownBy(() -> publicity.publish(NINGXIA, BACKBONE, "prules-d1", "prules-d2-approver"))
                .isInstanceOf(NotAuthorizedException.class).hasMessageContaining("prules-d1");
        assertThatThrownBy(() -> publicity.publish(NINGXIA, BACKBONE, "prules", "prules-approver"))
                .as("the city does not decide backbone talents").isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).code()).isEqualTo("not-a-deciding-level");
        Publication publication = publicity.publish(NINGXIA, BACKBONE, "prules-d1", "prules-d1-approver");

        assertThatThrownBy(() -> publicity.fileObjection(publication.id(), candidate.id(), "anonymous", "有问题"))
                .as("the host's directory decides who may object").isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> publicity.fileObjection(publication.id(), candidate.id(), "public-1", " "))
                .isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).code()).isEqualTo("reason-required");
        Objection objection = publicity.fileObjection(publication.id(), candidate.id(), "public-1", "有问题 / a problem");
        assertThatThrownBy(() -> publicity.objections(publication.id(), "public-1"))
                .isInstanceOf(NotAuthorizedException.class);
        assertThat(publicity.objections(publication.id(), "prules-d1-approver")).extracting(Objection::id)
                .containsExactly(objection.id());
        assertThatThrownBy(() -> publicity.resolveObjection(objection.id(), candidate.applicantId(),
                ObjectionOutcome.DISMISSED, "not me")).isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("candidate objected to");

        clock.setCurrentTime(Date.from(PERIOD_END));
        InvalidRequestException late = catchThrowableOfType(InvalidRequestException.class,
                () -> publicity.fileObjection(publication.id(), candidate.id(), "public-2", "太晚了 / too late"));
        assertThat(late.code()).isEqualTo("publicity-closed");
        assertThat(late.text().en()).contains("2026-09-30 10:00").contains("2026-10-13 00:00").contains("Asia/Shanghai");
        assertThat(publicity.objections(publication.id(), "prules-d1-approver")).hasSize(1);
    }

    // ------------------------------------------------------------------------------------------ upheld

    @Test
    void anUpheldObjectionRemovesTheCandidateReleasesTheSlotAndPromotesTheNextWithinTheQuota() {
        clock.setCurrentTime(Date.from(PUBLISHED.minus(Duration.ofDays(2))));
        selection.allocate(NINGXIA, BACKBONE, "nx", Map.of("pupheld-d1", 2), "nx-approver");
        List<Nomination> candidates = new ArrayList<>();
        for (int score : new int[] {90, 80, 70, 60}) {
            Nomination n = submit("pupheld-d1-s1");
            selection.recordScore(n.id(), 0, BigDecimal.valueOf(score), "pupheld-d1-approver");
            candidates.add(n);
        }
        Instant now = clock.getCurrentTime().toInstant();
        SelectionRound round = selection.openRound(NINGXIA, BACKBONE, "pupheld-d1", OrganisationLevel.DISTRICT,
                now.minusSeconds(60), now.plus(Duration.ofDays(1)), "pupheld-d1-approver");
        selection.selectBatch(round.id(), "pupheld-d1-approver", List.of(candidates.get(0).id(), candidates.get(1).id()),
                "择优 / merit");
        assertThatThrownBy(() -> publicity.publish(NINGXIA, BACKBONE, "pupheld-d1", "pupheld-d1-approver"))
                .as("the round is still open: the selection is not final").isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).code()).isEqualTo("round-still-open");
        clock.setCurrentTime(Date.from(PUBLISHED));
        Publication publication = publicity.publish(NINGXIA, BACKBONE, "pupheld-d1", "pupheld-d1-approver");
        assertThat(publication.entries()).hasSize(2);
        assertThat(selection.quota(NINGXIA, BACKBONE, "pupheld-d1").remaining()).isZero();

        Nomination second = candidates.get(1);
        Objection objection = publicity.fileObjection(publication.id(), second.id(), "public-parent",
                "未满足任教年限 / not enough years of teaching");
        ObjectionResolution upheld = publicity.resolveObjection(objection.id(), "pupheld-d1-approver",
                ObjectionOutcome.UPHELD, "核实不符合条件 / checked: not eligible");

        assertThat(status(upheld.publication(), second.id())).isEqualTo(PublicityEntryStatus.REMOVED);
        assertThat(nominations.get(second.id()).state()).isEqualTo(NominationState.REJECTED);
        TimelineEntry removal = lastEntryOf(second.id(), TimelineEntryType.REJECTED);
        assertThat(removal.actorId()).isEqualTo("pupheld-d1-approver");
        assertThat(removal.data()).containsEntry("objectionId", objection.id()).containsEntry("removedAfterObjection", true);

        Nomination third = candidates.get(2);
        assertThat(upheld.promoted()).map(Nomination::id).as("the best-ranked candidate still waiting").contains(third.id());
        assertThat(nominations.get(third.id()).state()).isEqualTo(NominationState.SELECTED);
        assertThat(nominations.get(candidates.get(3).id()).state()).isEqualTo(NominationState.IN_REVIEW);
        assertThat(lastEntryOf(third.id(), TimelineEntryType.PASSED_AUTOMATICALLY).data())
                .containsEntry("waitlistPromotion", true).containsEntry("replaces", second.id());
        assertThat(selection.quota(NINGXIA, BACKBONE, "pupheld-d1"))
                .as("the slot was released and taken again: never more than two")
                .isEqualTo(new Quota(NINGXIA, BACKBONE, "pupheld-d1", true, 2, 2, 0));

        Publication promotedPublication = upheld.promotedPublication().orElseThrow();
        assertThat(promotedPublication.replacesNominationId()).isEqualTo(second.id());
        assertThat(promotedPublication.publishedBy()).isNull();
        assertThat(promotedPublication.entries()).extracting(PublicityEntry::nominationId).containsExactly(third.id());
        assertThat(promotedPublication.endsAt()).isEqualTo(PERIOD_END);
        assertThatThrownBy(() -> publicity.fileObjection(publication.id(), second.id(), "public-parent", "again"))
                .isInstanceOf(InvalidRequestException.class)
                .extracting(e -> ((InvalidRequestException) e).code()).isEqualTo("not-published");

        clock.setCurrentTime(Date.from(PERIOD_END));
        assertThat(runDueTimers(publication.id(), promotedPublication.id())).as("both publications' timers").isEqualTo(2);
        assertThat(status(publicity.publication(publication.id()), candidates.get(0).id())).isEqualTo(PublicityEntryStatus.CONFIRMED);
        assertThat(status(publicity.publication(publication.id()), second.id())).isEqualTo(PublicityEntryStatus.REMOVED);
        assertThat(status(publicity.publication(promotedPublication.id()), third.id())).isEqualTo(PublicityEntryStatus.CONFIRMED);
        assertThat(publicity.publications(NINGXIA, BACKBONE)).extracting(Publication::id)
                .contains(publication.id(), promotedPublication.id());
    }

    // ------------------------------------------------------------------------------------------ export

    @Test
    void exportsTheListAsCsvWithAByteOrderMarkAndAsAnExcelWorkbook() throws Exception {
        clock.setCurrentTime(Date.from(PUBLISHED.minus(Duration.ofDays(1))));
        Nomination first = selectAt("pexport-d1");
        Nomination second = selectAt("pexport-d1");
        clock.setCurrentTime(Date.from(PUBLISHED));
        Publication publication = publicity.publish(NINGXIA, BACKBONE, "pexport-d1", "pexport-d1-approver");

        byte[] csv = publicity.export(publication.id(), PublicityExportFormat.CSV);
        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        List<List<String>> rows = text.lines().map(line -> List.of(line.split(",", -1))).toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).startsWith("序号 / No.", "申报编号 / Nomination", "申请人 / Applicant", "所在单位 / Unit");
        assertThat(rows.get(1)).containsExactly("1", first.id(), first.applicantId(), "pexport-d1第一中学",
                "“互联网+教育”骨干人才", "pexport-d1区教育局", "2026-09-30 10:00", "2026-10-13 00:00", "公示中 / under publicity");
        assertThat(rows.get(2).get(1)).isEqualTo(second.id());

        byte[] xlsx = publicity.export(publication.id(), PublicityExportFormat.XLSX);
        XlsxCells sheet = XlsxCells.read(xlsx);
        assertThat(sheet.firstSheetName()).isEqualTo("公示名单");
        assertThat(sheet.rowCount()).isEqualTo(3);
        assertThat(sheet.text("A1")).isEqualTo("序号 / No.");
        assertThat(sheet.text("I1")).isEqualTo("状态 / Status");
        assertThat(sheet.text("A2")).isEqualTo("1");
        assertThat(sheet.isNumber("A2")).as("the position is a number, so Excel sorts it").isTrue();
        assertThat(sheet.text("B2")).isEqualTo(first.id());
        assertThat(sheet.text("D2")).isEqualTo("pexport-d1第一中学");
        assertThat(sheet.text("B3")).isEqualTo(second.id());
        assertThat(sheet.text("H3")).isEqualTo("2026-10-13 00:00");
        assertThat(sheet.isNumber("B3")).isFalse();
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** Submits a backbone nomination at the district's school and passes it at the district (which decides). */
    Nomination selectAt(String districtId) {
        clock.setCurrentTime(Date.from(clock.getCurrentTime().toInstant().plusSeconds(60)));
        Nomination n = submit(districtId + "-s1");
        Nomination passed = reviews.decide(openTask(n.id()).getId(), districtId + "-approver", Decision.pass("同意 / agreed"));
        assertThat(passed.state()).isEqualTo(NominationState.SELECTED);
        return passed;
    }

    Nomination submit(String unitId) {
        return nominations.submit(new NominationSubmission(NINGXIA, BACKBONE,
                "applicant-" + getClass().getSimpleName() + "-" + applicants.incrementAndGet(), unitId,
                TierFlowTestEngine.eligibleFacts(BACKBONE), List.of()));
    }

    Task openTask(String nominationId) {
        return fixture.engine.getTaskService().createTaskQuery()
                .processDefinitionKey(TierFlowBpmn.LEVEL_REVIEW_PROCESS)
                .taskDefinitionKey(TierFlowBpmn.TASK_REVIEW_NOMINATION)
                .processVariableValueEquals(TierFlowBpmn.VAR_NOMINATION_ID, nominationId)
                .singleResult();
    }

    /** Runs the publications' timers that are due by the engine clock, as the async executor would; returns how many ran. */
    int runDueTimers(String... publicationIds) {
        ManagementService management = fixture.engine.getManagementService();
        int ran = 0;
        for (String publicationId : publicationIds) {
            String processId = fixture.engine.getHistoryService().createHistoricProcessInstanceQuery()
                    .processDefinitionKey(TierFlowBpmn.PUBLICITY_PROCESS).processInstanceBusinessKey(publicationId)
                    .singleResult().getId();
            for (Job timer : management.createTimerJobQuery().processInstanceId(processId).executable().list()) {
                Job job = management.moveTimerToExecutableJob(timer.getId());
                management.executeJob(job.getId());
                ran++;
            }
        }
        return ran;
    }

    TimelineEntry lastEntryOf(String nominationId, TimelineEntryType type) {
        List<TimelineEntry> entries = nominations.timeline(nominationId).stream().filter(e -> e.type() == type).toList();
        assertThat(entries).as("%s entries of %s", type, nominationId).isNotEmpty();
        return entries.get(entries.size() - 1);
    }

    static PublicityEntryStatus status(Publication publication, String nominationId) {
        return publication.entries().stream().filter(e -> e.nominationId().equals(nominationId)).findFirst()
                .orElseThrow().status();
    }

    static Instant shanghai(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(LocalDateTime.of(year, month, day, hour, minute), WeekdayCalendar.SHANGHAI).toInstant();
    }
}
