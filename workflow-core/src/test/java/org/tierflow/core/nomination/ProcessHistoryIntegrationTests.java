package org.tierflow.core.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.tierflow.core.nomination.TierFlowTestEngine.NINGXIA;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.zaxxer.hikari.HikariDataSource;
import org.flowable.engine.HistoryService;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.task.api.history.HistoricTaskInstance;
import org.junit.jupiter.api.Test;
import org.tierflow.bpmn.TierFlowBpmn;
import org.tierflow.core.TierFlow;
import org.tierflow.core.api.Decision;
import org.tierflow.core.api.InboxQuery;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationSubmission;
import org.tierflow.core.api.ProcessHistory;
import org.tierflow.core.api.TimelineEntry;
import org.tierflow.core.bpmn.LevelReviewVariantModels;
import org.tierflow.core.support.InMemoryApproverDirectory;

/**
 * How much of Flowable's history TierFlow's processes write ({@link ProcessHistory}), on an engine at the
 * {@code audit} level (H2): by default their instances and tasks but not their variables and activities, after a
 * restart too; the engine's level when asked; a model's own level; the host's processes untouched.
 */
class ProcessHistoryIntegrationTests {

    private static final InMemoryApproverDirectory APPROVERS = InMemoryApproverDirectory.builder()
            .grant("xingqing-school-1", "principal-xq1")
            .grant("xingqing", "xq-reviewer")
            .grant("yinchuan", "yc-reviewer")
            .grant("nx", "region-reviewer")
            .build();

    /** A process of the host's own: one variable, one user task. */
    private static final String HOST_PROCESS = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="http://host.example/bpmn">
              <process id="hostLeaveRequest" isExecutable="true">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="approve"/>
                <userTask id="approve" name="Approve"/>
                <sequenceFlow id="f2" sourceRef="approve" targetRef="end"/>
                <endEvent id="end"/>
              </process>
            </definitions>
            """;

    @Test
    void byDefaultTierFlowsProcessesKeepTheirInstancesAndTasksButNotTheirVariablesAndActivities() {
        try (HikariDataSource database = TestDatabases.h2("process-history-default")) {
            try (TierFlowTestEngine fixture = start(database, builder -> { })) {
                Nomination nomination = walkTwoLevels(fixture);
                assertTaskHistoryOnly(fixture, nomination);

                fixture.engine.getRepositoryService().createDeployment().name("host")
                        .addBytes("hostLeaveRequest.bpmn20.xml", HOST_PROCESS.getBytes(StandardCharsets.UTF_8)).deploy();
                String host = fixture.engine.getRuntimeService().startProcessInstanceByKey("hostLeaveRequest",
                        Map.of("days", 3)).getId();
                HistoryService history = fixture.engine.getHistoryService();
                assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(host).list())
                        .as("the host's process keeps the engine's audit history").hasSize(1);
                assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(host).list()).isNotEmpty();
            }
            try (TierFlowTestEngine restarted = start(database, builder -> { })) {
                assertThat(restarted.engine.getRepositoryService().createDeploymentQuery()
                        .deploymentName("TierFlow").count()).as("the restart deploys nothing new").isOne();
                assertTaskHistoryOnly(restarted, walkTwoLevels(restarted));
            }
        }
    }

    @Test
    void engineLeavesTierFlowsProcessesAtTheEnginesLevel() {
        try (HikariDataSource database = TestDatabases.h2("process-history-engine");
             TierFlowTestEngine fixture = start(database, builder -> builder.processHistory(ProcessHistory.ENGINE))) {
            Nomination nomination = walkTwoLevels(fixture);
            HistoryService history = fixture.engine.getHistoryService();
            for (HistoricProcessInstance process : processesOf(fixture, nomination)) {
                assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(process.getId()).count())
                        .as("variables of %s", process.getProcessDefinitionKey()).isPositive();
                assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(process.getId()).count())
                        .as("activities of %s", process.getProcessDefinitionKey()).isPositive();
            }
        }
    }

    @Test
    void aModelThatDeclaresItsOwnHistoryLevelKeepsIt() {
        String levelReview = LevelReviewVariantModels.replaceOnce(LevelReviewVariantModels.shippedLevelReview(),
                "<startEvent id=\"Event_levelReviewStarted\"",
                "<extensionElements><flowable:historyLevel>audit</flowable:historyLevel></extensionElements>\n"
                        + "    <startEvent id=\"Event_levelReviewStarted\"");
        try (HikariDataSource database = TestDatabases.h2("process-history-declared");
             TierFlowTestEngine fixture = start(database,
                     builder -> builder.bpmnModel("designer/tierflowLevelReviewProcess.bpmn20.xml", levelReview))) {
            Nomination nomination = walkTwoLevels(fixture);
            HistoryService history = fixture.engine.getHistoryService();
            for (HistoricProcessInstance process : processesOf(fixture, nomination)) {
                boolean levelReviewProcess = process.getProcessDefinitionKey().equals(TierFlowBpmn.LEVEL_REVIEW_PROCESS);
                assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(process.getId()).count() > 0)
                        .as("variables of %s", process.getProcessDefinitionKey()).isEqualTo(levelReviewProcess);
            }
        }
    }

    private static TierFlowTestEngine start(HikariDataSource database, Consumer<TierFlow.Builder> setup) {
        return TierFlowTestEngine.start(database, builder -> setup.accept(builder.approvers(APPROVERS)));
    }

    /** Submitted, passed by the school and by the county: two level reviews ended, the third open. */
    private static Nomination walkTwoLevels(TierFlowTestEngine fixture) {
        Nomination nomination = fixture.tierFlow.nominations().submit(new NominationSubmission(NINGXIA, "top-talent",
                "teacher-history", "xingqing-school-1", TierFlowTestEngine.eligibleFacts("top-talent"), List.of()));
        for (String reviewer : List.of("principal-xq1", "xq-reviewer")) {
            String taskId = fixture.tierFlow.reviews().inbox(reviewer, InboxQuery.all().nomination(nomination.id()))
                    .items().get(0).taskId();
            fixture.tierFlow.reviews().decide(taskId, reviewer, Decision.pass("同意 / agreed"));
        }
        return nomination;
    }

    private static void assertTaskHistoryOnly(TierFlowTestEngine fixture, Nomination nomination) {
        HistoryService history = fixture.engine.getHistoryService();
        List<HistoricProcessInstance> processes = processesOf(fixture, nomination);
        assertThat(processes).extracting(HistoricProcessInstance::getProcessDefinitionKey)
                .as("the nomination and its three level reviews are in the engine's history")
                .containsExactlyInAnyOrder(TierFlowBpmn.NOMINATION_PROCESS, TierFlowBpmn.LEVEL_REVIEW_PROCESS,
                        TierFlowBpmn.LEVEL_REVIEW_PROCESS, TierFlowBpmn.LEVEL_REVIEW_PROCESS);
        assertThat(processes).filteredOn(process -> process.getEndTime() != null).hasSize(2)
                .allSatisfy(process -> assertThat(process.getEndActivityId()).isEqualTo("Event_levelDecided"));

        List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery()
                .processInstanceBusinessKey(nomination.id()).orderByHistoricTaskInstanceStartTime().asc().list();
        assertThat(tasks).as("every review task, and when it was decided")
                .extracting(HistoricTaskInstance::getTaskDefinitionKey, task -> task.getEndTime() != null)
                .containsExactly(
                        tuple(TierFlowBpmn.TASK_REVIEW_NOMINATION, true),
                        tuple(TierFlowBpmn.TASK_REVIEW_NOMINATION, true),
                        tuple(TierFlowBpmn.TASK_REVIEW_NOMINATION, false));

        for (HistoricProcessInstance process : processes) {
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(process.getId()).count())
                    .as("variables of %s", process.getProcessDefinitionKey()).isZero();
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(process.getId()).count())
                    .as("activities of %s", process.getProcessDefinitionKey()).isZero();
        }
        assertThat(fixture.tierFlow.nominations().timeline(nomination.id()))
                .as("TierFlow's own record is complete whatever the engine keeps")
                .extracting(TimelineEntry::actorId).containsExactly("teacher-history", "principal-xq1", "xq-reviewer");
    }

    private static List<HistoricProcessInstance> processesOf(TierFlowTestEngine fixture, Nomination nomination) {
        return fixture.engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(nomination.id()).list();
    }
}
