package org.tierflow.core.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tierflow.bpmn.TierFlowBpmn.LEVEL_REVIEW_PROCESS;
import static org.tierflow.bpmn.TierFlowBpmn.NOMINATION_PROCESS;
import static org.tierflow.core.bpmn.LevelReviewVariantModels.*;
import static org.tierflow.core.nomination.TierFlowTestEngine.NINGXIA;

import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tierflow.core.api.BpmnContractException;
import org.tierflow.core.api.BpmnContractViolation;
import org.tierflow.core.api.Decision;
import org.tierflow.core.api.InboxQuery;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationState;
import org.tierflow.core.api.NominationSubmission;
import org.tierflow.core.api.ReviewTask;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.support.InMemoryApproverDirectory;

/**
 * Jinfeng district interviews every candidate before its decision: its reviews run its own level-review process.
 * Its schools inherit it (nearest unit up the tree wins), except one school that asked for TierFlow's own review
 * back; other districts and the city run the shipped review.
 */
class LevelReviewVariantsIntegrationTests {

    private static final InMemoryApproverDirectory APPROVERS = InMemoryApproverDirectory.builder()
            .grant("jinfeng-school-1", "principal-jf1")
            .grant("xingqing-school-1", "principal-xq1")
            .grant("jinfeng", "jinfeng-reviewer")
            .grant("xingqing", "xingqing-reviewer")
            .grant("yinchuan", "yinchuan-reviewer")
            .grant("nx", "region-reviewer")
            .build();

    private static HikariDataSource dataSource;
    private static TierFlowTestEngine fixture;

    @BeforeAll
    static void start() {
        dataSource = TestDatabases.h2("level-review-variants");
        fixture = TierFlowTestEngine.start(dataSource, builder -> builder.approvers(APPROVERS)
                .bpmnModel(INTERVIEW_RESOURCE, interviewVariant())
                .levelReviewProcess("jinfeng", INTERVIEW_PROCESS)
                .levelReviewProcess("jinfeng-school-1", LEVEL_REVIEW_PROCESS));
    }

    @AfterAll
    static void stop() {
        fixture.close();
        dataSource.close();
    }

    @Test
    void theDistrictInterviewsBeforeItsReviewerCanDecide() {
        Nomination nomination = submit("teacher-jf-1", "jinfeng-school-1");
        decide("principal-jf1", nomination, "推荐");

        assertThat(inbox("jinfeng-reviewer")).as("no decision before the interview")
                .extracting(ReviewTask::nominationId).doesNotContain(nomination.id());
        Task interview = interviewOf(nomination);
        assertThat(fixture.engine.getTaskService().getIdentityLinksForTask(interview.getId()))
                .extracting(link -> link.getUserId()).containsExactly("jinfeng-reviewer");
        fixture.engine.getTaskService().complete(interview.getId());

        ReviewTask district = decide("jinfeng-reviewer", nomination, "面试后通过");
        assertThat(district.level()).isEqualTo(OrganisationLevel.DISTRICT);
        decide("yinchuan-reviewer", nomination, "评审确定");

        assertThat(fixture.tierFlow.nominations().get(nomination.id()).state()).isEqualTo(NominationState.SELECTED);
        assertThat(levelReviewKeysOf(nomination)).as("school, district, city, region (filed)")
                .containsExactly(LEVEL_REVIEW_PROCESS, INTERVIEW_PROCESS, LEVEL_REVIEW_PROCESS, LEVEL_REVIEW_PROCESS);
    }

    @Test
    void aReturnToTheDistrictRunsItsOwnReviewAgain() {
        Nomination nomination = submit("teacher-jf-2", "jinfeng-school-1");
        decide("principal-jf1", nomination, "推荐");
        fixture.engine.getTaskService().complete(interviewOf(nomination).getId());
        decide("jinfeng-reviewer", nomination, "通过");

        ReviewTask city = reviewOf("yinchuan-reviewer", nomination);
        fixture.tierFlow.reviews().decide(city.taskId(), "yinchuan-reviewer", Decision.returnToLowerLevel("请再面试"));

        assertThat(inbox("jinfeng-reviewer")).extracting(ReviewTask::nominationId).doesNotContain(nomination.id());
        fixture.engine.getTaskService().complete(interviewOf(nomination).getId());
        assertThat(reviewOf("jinfeng-reviewer", nomination).level()).isEqualTo(OrganisationLevel.DISTRICT);
        assertThat(levelReviewKeysOf(nomination))
                .containsExactly(LEVEL_REVIEW_PROCESS, INTERVIEW_PROCESS, LEVEL_REVIEW_PROCESS, INTERVIEW_PROCESS);
    }

    @Test
    void anotherDistrictRunsTheShippedReview() {
        Nomination nomination = submit("teacher-xq-1", "xingqing-school-1");
        decide("principal-xq1", nomination, "推荐");
        decide("xingqing-reviewer", nomination, "初审通过");

        assertThat(levelReviewKeysOf(nomination)).containsOnly(LEVEL_REVIEW_PROCESS);
    }

    @Test
    void startRefusesAUnitWhoseProcessNoModelDefinesAndAnUnknownUnit() {
        HikariDataSource other = TestDatabases.h2("level-review-variants-missing");
        try {
            assertThatThrownBy(() -> TierFlowTestEngine.start(other, builder -> builder.approvers(APPROVERS)
                    .levelReviewProcess("jinfeng", "jinfengLevelReviewProcess")))
                    .isInstanceOfSatisfying(BpmnContractException.class, refused -> assertThat(refused.violations())
                            .extracting(BpmnContractViolation::rule, BpmnContractViolation::elementId)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple("level-review-variant-missing", "jinfengLevelReviewProcess")));
            assertThatThrownBy(() -> TierFlowTestEngine.start(other, builder -> builder.approvers(APPROVERS)
                    .bpmnModel(INTERVIEW_RESOURCE, interviewVariant())
                    .levelReviewProcess("jinfang", INTERVIEW_PROCESS)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("organisation directory does not know: [jinfang → " + INTERVIEW_PROCESS + "]");
        } finally {
            other.close();
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static Nomination submit(String applicant, String unitId) {
        return fixture.tierFlow.nominations().submit(new NominationSubmission(NINGXIA, "teaching-talent", applicant,
                unitId, TierFlowTestEngine.eligibleFacts("teaching-talent"), List.of()));
    }

    private static ReviewTask decide(String approver, Nomination nomination, String comment) {
        ReviewTask task = reviewOf(approver, nomination);
        fixture.tierFlow.reviews().decide(task.taskId(), approver, Decision.pass(comment));
        return task;
    }

    private static ReviewTask reviewOf(String approver, Nomination nomination) {
        return inbox(approver).stream().filter(task -> task.nominationId().equals(nomination.id())).findFirst()
                .orElseThrow(() -> new AssertionError(nomination.id() + " is not in the inbox of " + approver));
    }

    private static List<ReviewTask> inbox(String approver) {
        return fixture.tierFlow.reviews().inbox(approver, InboxQuery.all()).items();
    }

    private static Task interviewOf(Nomination nomination) {
        Task interview = fixture.engine.getTaskService().createTaskQuery().processInstanceBusinessKey(nomination.id())
                .taskDefinitionKey(INTERVIEW_TASK).singleResult();
        assertThat(interview).as("the interview of %s", nomination.id()).isNotNull();
        return interview;
    }

    /** Process keys of the nomination's level reviews, in the order they started. */
    private static List<String> levelReviewKeysOf(Nomination nomination) {
        HistoricProcessInstance main = fixture.engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(nomination.id()).processDefinitionKey(NOMINATION_PROCESS).singleResult();
        return fixture.engine.getHistoryService().createHistoricProcessInstanceQuery()
                .superProcessInstanceId(main.getId()).orderByProcessInstanceStartTime().asc().orderByProcessInstanceId().asc()
                .list().stream().map(HistoricProcessInstance::getProcessDefinitionKey).toList();
    }
}
