package org.tierflow.core.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tierflow.core.nomination.TierFlowTestEngine.NINGXIA;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tierflow.core.api.Decision;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationSubmission;
import org.tierflow.core.api.TimelineEntry;
import org.tierflow.core.api.TimelineEntryType;

/**
 * The timeline's sequence numbers since they are kept on the nomination row (migration V9): one by one, without
 * gaps, in the order things happened — also for a nomination whose timeline began before V9.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelineSequenceH2IntegrationTests {

    private HikariDataSource dataSource;
    private TierFlowTestEngine fixture;
    private int applicants;

    @BeforeAll
    void start() {
        dataSource = TestDatabases.h2("timeline-sequence");
        fixture = startEngine();
    }

    @AfterAll
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
        dataSource.close();
    }

    private TierFlowTestEngine startEngine() {
        return TierFlowTestEngine.start(dataSource, builder -> builder.approvers(NominationReviewScenarios.APPROVERS));
    }

    @Test
    void everyEntryOfAWalkWithClaimsReturnsAndResubmissionIsNumberedOneByOneInOrder() throws SQLException {
        Nomination nomination = submit();
        String id = nomination.id();
        String task = openTask(id);
        fixture.tierFlow.reviews().claim(task, "principal-lt1");
        fixture.tierFlow.reviews().unclaim(task, "principal-lt1");
        decide(id, "principal-lt1", Decision.pass("同意 / agreed"));
        decide(id, "litong-reviewer", Decision.returnToApplicant("请补充材料 / please add the missing documents"));
        fixture.tierFlow.nominations().resubmit(id, nomination.applicantId(), Map.of("principalOrFamousTeacher", true),
                "材料已补充 / documents added");
        decide(id, "litong-reviewer", Decision.pass("同意 / agreed"));
        decide(id, "wuzhong-reviewer", Decision.returnToLowerLevel("区县意见不完整 / the county's opinion is incomplete"));
        decide(id, "litong-reviewer", Decision.pass("同意 / agreed"));

        assertThat(fixture.tierFlow.nominations().timeline(id)).extracting(TimelineEntry::type).containsExactly(
                TimelineEntryType.SUBMITTED, TimelineEntryType.CLAIMED, TimelineEntryType.UNCLAIMED,
                TimelineEntryType.PASSED, TimelineEntryType.RETURNED_TO_APPLICANT, TimelineEntryType.RESUBMITTED,
                TimelineEntryType.PASSED, TimelineEntryType.RETURNED_TO_LOWER_LEVEL, TimelineEntryType.PASSED);
        assertThat(sequenceNumbers(id)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(lastSequenceOnTheRow(id)).isEqualTo(9);
    }

    @Test
    void aRefusedDecisionLeavesTheSequenceWhereItWas() throws SQLException {
        Nomination nomination = submit();
        String task = openTask(nomination.id());
        try {
            fixture.tierFlow.reviews().decide(task, "litong-reviewer", Decision.pass(null));
        } catch (RuntimeException expected) {
            // not an approver of the school: refused, nothing changed
        }
        decide(nomination.id(), "principal-lt1", Decision.pass(null));

        assertThat(sequenceNumbers(nomination.id())).containsExactly(1, 2);
        assertThat(lastSequenceOnTheRow(nomination.id())).isEqualTo(2);
    }

    @Test
    void aNominationFromBeforeV9ContinuesItsTimelineAfterItsLastEntry() throws SQLException {
        Nomination nomination = submit();
        decide(nomination.id(), "principal-lt1", Decision.pass(null));
        Nomination fresh = submit();

        // Back to the schema before V9 (a database at V10 that never had V9), then start TierFlow again: V9 is
        // applied out of order and numbers each nomination's timeline on from its last entry.
        fixture.close();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("alter table tierflow_nomination drop column timeline_seq");
            s.execute("delete from \"tierflow_schema_history\" where \"version\" = '9'");
        }
        fixture = startEngine();
        assertThat(lastSequenceOnTheRow(nomination.id())).isEqualTo(2);
        assertThat(lastSequenceOnTheRow(fresh.id())).isEqualTo(1);

        decide(nomination.id(), "litong-reviewer", Decision.pass(null));
        decide(fresh.id(), "principal-lt1", Decision.pass(null));

        assertThat(sequenceNumbers(nomination.id())).containsExactly(1, 2, 3);
        assertThat(fixture.tierFlow.nominations().timeline(nomination.id())).extracting(TimelineEntry::type)
                .containsExactly(TimelineEntryType.SUBMITTED, TimelineEntryType.PASSED, TimelineEntryType.PASSED);
        assertThat(sequenceNumbers(fresh.id())).containsExactly(1, 2);
    }

    private Nomination submit() {
        return fixture.tierFlow.nominations().submit(new NominationSubmission(NINGXIA, "top-talent",
                "applicant-timeline-" + ++applicants, "litong-school-1", TierFlowTestEngine.eligibleFacts("top-talent"),
                List.of("cv.pdf")));
    }

    private void decide(String nominationId, String approver, Decision decision) {
        fixture.tierFlow.reviews().decide(openTask(nominationId), approver, decision);
    }

    private String openTask(String nominationId) {
        Task task = fixture.engine.getTaskService().createTaskQuery().processInstanceBusinessKey(nominationId)
                .taskDefinitionKey("Task_reviewNomination").singleResult();
        assertThat(task).as("open review of %s", nominationId).isNotNull();
        return task.getId();
    }

    private List<Integer> sequenceNumbers(String nominationId) throws SQLException {
        List<Integer> numbers = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select seq from tierflow_review_record where nomination_id = ? order by created_at, seq")) {
            s.setString(1, nominationId);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    numbers.add(rows.getInt(1));
                }
            }
        }
        return numbers;
    }

    private int lastSequenceOnTheRow(String nominationId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select timeline_seq from tierflow_nomination where id = ?")) {
            s.setString(1, nominationId);
            try (ResultSet rows = s.executeQuery()) {
                assertThat(rows.next()).isTrue();
                return rows.getInt(1);
            }
        }
    }
}
