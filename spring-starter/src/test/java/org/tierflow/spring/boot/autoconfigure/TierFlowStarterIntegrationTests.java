package org.tierflow.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.flowable.engine.HistoryService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.repository.Deployment;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.tierflow.bpmn.TierFlowBpmn;
import org.tierflow.core.api.Decision;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationService;
import org.tierflow.core.api.NominationState;
import org.tierflow.core.api.ReviewService;
import org.tierflow.core.api.ReviewTask;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.spi.NominationEvent;
import org.tierflow.core.spi.NominationEventType;

/**
 * The starter in a whole Spring Boot application on the embedded H2: TierFlow beside a host's own process, one
 * transaction per decision shared with the host's own, events after commit.
 */
@SpringBootTest(classes = HostPortalApplication.class, properties = {
        "tierflow.programs.locations=classpath*:org/tierflow/programs/*.yaml",
        "tierflow.organisations.location=classpath:org/tierflow/organisations/ningxia.yaml"})
class TierFlowStarterIntegrationTests {

    @Autowired
    NominationService nominations;

    @Autowired
    ReviewService reviews;

    @Autowired
    HostPortalApplication.ReviewDesk reviewDesk;

    @Autowired
    HostPortalApplication.RecordingListener listener;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    HistoryService historyService;

    @Autowired
    HealthIndicator tierFlowHealthIndicator;

    @Test
    void aNominationIsSubmittedAndDecidedThroughTheBeans() {
        Nomination nomination = nominations.submit(Ningxia.submission());
        assertThat(nomination.currentLevel()).isEqualTo(OrganisationLevel.SCHOOL);

        Ningxia.pass(reviews, nomination, Ningxia.PRINCIPAL);
        Ningxia.pass(reviews, nomination, Ningxia.DISTRICT_REVIEWER);
        Nomination selected = Ningxia.pass(reviews, nomination, Ningxia.CITY_REVIEWER);

        assertThat(selected.state()).isEqualTo(NominationState.SELECTED);
        assertThat(nominations.timeline(nomination.id()).get(4).unitId()).as("filed with the region").isEqualTo(Ningxia.REGION);
        List<NominationEventType> expected = List.of(NominationEventType.SUBMITTED, NominationEventType.PASSED_LEVEL,
                NominationEventType.PASSED_LEVEL, NominationEventType.PASSED_LEVEL, NominationEventType.FILED,
                NominationEventType.REACHED_TOP);
        assertThat(listener.heardOf(nomination.id())).extracting(NominationEvent::type).isEqualTo(expected);
        assertThat(listener.publishedOf(nomination.id())).extracting(NominationEvent::type).isEqualTo(expected);
    }

    @Test
    void aHostTransactionThatFailsAfterADecisionUndoesTheDecision() {
        Nomination nomination = nominations.submit(Ningxia.submission());
        ReviewTask review = Ningxia.reviewOf(reviews, nomination.id(), Ningxia.PRINCIPAL);
        int timeline = nominations.timeline(nomination.id()).size();

        assertThatThrownBy(() -> reviewDesk.decideAndArchive(review.taskId(), Ningxia.PRINCIPAL, Decision.pass("同意 / agreed")))
                .hasMessageContaining("the archive is unavailable");

        assertThat(taskService.createTaskQuery().taskId(review.taskId()).count()).as("Flowable's task is still open").isOne();
        Nomination after = nominations.get(nomination.id());
        assertThat(after.state()).isEqualTo(NominationState.IN_REVIEW);
        assertThat(after.currentLevel()).isEqualTo(OrganisationLevel.SCHOOL);
        assertThat(after.updatedAt()).isEqualTo(nomination.updatedAt());
        assertThat(nominations.timeline(nomination.id())).as("TierFlow's records").hasSize(timeline);
        assertThat(listener.heardOf(nomination.id())).extracting(NominationEvent::type)
                .as("nobody heard of the rolled-back decision").containsExactly(NominationEventType.SUBMITTED);
        assertThat(listener.publishedOf(nomination.id())).extracting(NominationEvent::type)
                .containsExactly(NominationEventType.SUBMITTED);

        // The same review can still be decided, once.
        Nomination passed = reviews.decide(review.taskId(), Ningxia.PRINCIPAL, Decision.pass("同意 / agreed"));
        assertThat(passed.currentLevel()).isEqualTo(OrganisationLevel.DISTRICT);
        assertThat(nominations.timeline(nomination.id())).hasSize(timeline + 1);
    }

    @Test
    void aRefusalCaughtInsideTheHostsTransactionLeavesNothingChangedAndTheTransactionUsable() {
        Nomination nomination = nominations.submit(Ningxia.submission());
        ReviewTask review = Ningxia.reviewOf(reviews, nomination.id(), Ningxia.PRINCIPAL);

        assertThat(reviewDesk.tryToDecide(review.taskId(), "someone-else", Decision.pass("ok"))).isFalse();

        assertThat(taskService.createTaskQuery().taskId(review.taskId()).count()).isOne();
        assertThat(nominations.get(nomination.id()).updatedAt()).isEqualTo(nomination.updatedAt());
        assertThat(listener.heardOf(nomination.id())).extracting(NominationEvent::type)
                .containsExactly(NominationEventType.SUBMITTED);
    }

    @Test
    void theHostsOwnProcessStaysDeployedAndWorksBesideTierFlows() {
        ProcessDefinition host = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey("hostLeaveProcess").latestVersion().singleResult();
        ProcessDefinition tierFlow = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(TierFlowBpmn.NOMINATION_PROCESS).latestVersion().singleResult();
        assertThat(host).isNotNull();
        assertThat(tierFlow).isNotNull();

        Deployment tierFlowDeployment = repositoryService.createDeploymentQuery()
                .deploymentId(tierFlow.getDeploymentId()).singleResult();
        assertThat(tierFlowDeployment.getName()).isEqualTo("TierFlow");
        // Flowable adds a diagram image per model; the models are TierFlow's own and nothing else.
        assertThat(repositoryService.getDeploymentResourceNames(tierFlowDeployment.getId()))
                .filteredOn(resource -> resource.endsWith(TierFlowBpmn.RESOURCE_SUFFIX))
                .containsExactlyInAnyOrderElementsOf(TierFlowBpmn.ALL_RESOURCES);
        assertThat(repositoryService.getDeploymentResourceNames(tierFlowDeployment.getId()))
                .allMatch(resource -> resource.startsWith(TierFlowBpmn.RESOURCE_FOLDER));
        assertThat(repositoryService.getDeploymentResourceNames(host.getDeploymentId()))
                .isNotEmpty()
                .noneMatch(resource -> resource.contains("org/tierflow/bpmn") || resource.startsWith("tierflow"));
        assertThat(host.getDeploymentId()).isNotEqualTo(tierFlow.getDeploymentId());

        String instance = runtimeService.startProcessInstanceByKey("hostLeaveProcess", Map.of("approver", "head-teacher"))
                .getId();
        Task approve = taskService.createTaskQuery().processInstanceId(instance).singleResult();
        assertThat(approve.getTaskDefinitionKey()).isEqualTo("Task_approveLeave");
        assertThat(approve.getAssignee()).isEqualTo("head-teacher");
        taskService.complete(approve.getId());
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count())
                .isOne();
    }

    @Test
    void healthIsUpWithTierFlowsModelsDeployed() {
        assertThat(tierFlowHealthIndicator.health().getStatus()).isEqualTo(Status.UP);
        assertThat(tierFlowHealthIndicator.health().getDetails()).containsEntry("programs", 5);
    }
}
