package org.tierflow.bpmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tierflow.bpmn.TierFlowBpmn.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.engine.history.HistoricProcessInstance;
import org.flowable.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.flowable.engine.repository.DeploymentBuilder;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the two models on a real Flowable engine (in-memory H2), with stand-in delegates that do what the
 * contract says the Java side does, and checks that the models route every outcome as documented.
 */
class NominationProcessIntegrationTests {

    /** Level modes of each test nomination's chain, by nomination id: the stand-in of the program definition. */
    private static final Map<String, List<String>> CHAINS = new ConcurrentHashMap<>();
    /** What the final service task recorded, by nomination id. */
    private static final Map<String, String> RESULTS = new ConcurrentHashMap<>();

    private static ProcessEngine engine;

    @BeforeAll
    static void startEngine() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:tierflow-bpmn-models;DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        configuration.setAsyncExecutorActivate(false);
        configuration.setBeans(standInDelegates());
        engine = configuration.buildProcessEngine();

        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("tierflow-nomination");
        NOMINATION_RESOURCES.forEach(deployment::addClasspathResource);
        deployment.deploy();
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @Test
    void deploysBothProcessesUnderTheirKeys() {
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().list())
                .extracting(definition -> definition.getKey())
                .containsExactlyInAnyOrder(NOMINATION_PROCESS, LEVEL_REVIEW_PROCESS);
    }

    @Test
    void walksEveryLevelOfTheChainInOrder() {
        ProcessInstance nomination = submit("N-1", MODE_DECIDE, MODE_FILE, MODE_AUTO, MODE_DECIDE);

        decide("N-1", "reviewer-0", OUTCOME_PASS);
        decide("N-1", "reviewer-3", OUTCOME_PASS);

        assertEndedAt(nomination, EVENT_NOMINATION_COMPLETED);
        assertThat(RESULTS).containsEntry("N-1", "COMPLETED");
        List<HistoricProcessInstance> levels = levelReviewsOf(nomination);
        assertThat(levels).hasSize(4);
        assertThat(levels).extracting(HistoricProcessInstance::getBusinessKey).containsOnly("N-1");
        assertThat(levels).extracting(HistoricProcessInstance::getEndActivityId).containsExactly(
                EVENT_LEVEL_DECIDED, EVENT_LEVEL_FILED, EVENT_LEVEL_DECIDED_AUTOMATICALLY, EVENT_LEVEL_DECIDED);
    }

    @Test
    void returnedNominationGoesBackToTheSameLevelAfterCorrection() {
        ProcessInstance nomination = submit("N-2", MODE_DECIDE, MODE_DECIDE);
        decide("N-2", "reviewer-0", OUTCOME_PASS);
        decide("N-2", "reviewer-1", OUTCOME_RETURN_TO_APPLICANT);

        Task correction = engine.getTaskService().createTaskQuery().processInstanceId(nomination.getId())
                .taskDefinitionKey(TASK_CORRECT_NOMINATION).singleResult();
        assertThat(correction.getAssignee()).isEqualTo("applicant-N-2");
        engine.getTaskService().complete(correction.getId());

        decide("N-2", "reviewer-1", OUTCOME_PASS);
        assertEndedAt(nomination, EVENT_NOMINATION_COMPLETED);
    }

    @Test
    void returnToLowerLevelReviewsTheStepBelowAgain() {
        ProcessInstance nomination = submit("N-3", MODE_DECIDE, MODE_DECIDE, MODE_DECIDE);
        decide("N-3", "reviewer-0", OUTCOME_PASS);
        decide("N-3", "reviewer-1", OUTCOME_PASS);
        decide("N-3", "reviewer-2", OUTCOME_RETURN_TO_LOWER_LEVEL);

        decide("N-3", "reviewer-1", OUTCOME_PASS);
        decide("N-3", "reviewer-2", OUTCOME_PASS);
        assertEndedAt(nomination, EVENT_NOMINATION_COMPLETED);
        assertThat(levelReviewsOf(nomination)).hasSize(5);
    }

    @Test
    void rejectionEndsTheNomination() {
        ProcessInstance nomination = submit("N-4", MODE_DECIDE, MODE_DECIDE);
        decide("N-4", "reviewer-0", OUTCOME_REJECT);

        assertEndedAt(nomination, EVENT_NOMINATION_REJECTED);
        assertThat(RESULTS).containsEntry("N-4", "REJECTED");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey("N-4").count()).isZero();
    }

    @Test
    void unknownOutcomeFailsAtTheGatewayAndChangesNothing() {
        submit("N-5", MODE_DECIDE);
        Task review = reviewTask("N-5", "reviewer-0");

        assertThatThrownBy(() -> engine.getTaskService().complete(review.getId(), Map.of(VAR_LEVEL_OUTCOME, "MAYBE")))
                .isInstanceOf(FlowableException.class)
                .hasMessageContaining(GATEWAY_LEVEL_OUTCOME);
        assertThat(reviewTask("N-5", "reviewer-0").getId()).isEqualTo(review.getId());
    }

    @Test
    void unknownLevelModeFailsAtTheGateway() {
        assertThatThrownBy(() -> submit("N-6", "SOMETIMES"))
                .isInstanceOf(FlowableException.class)
                .hasMessageContaining(GATEWAY_LEVEL_MODE);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("N-6").count())
                .isZero();
    }

    @Test
    void panelExpertsScoreInParallelUntilTheQuorumDecidesThenAReviewerDecides() {
        ProcessInstance nomination = submit("N-7", MODE_PANEL);
        List<Task> scoring = engine.getTaskService().createTaskQuery().processInstanceBusinessKey("N-7")
                .taskDefinitionKey(TASK_SCORE_NOMINATION).orderByTaskAssignee().asc().list();
        assertThat(scoring).extracting(Task::getAssignee).containsExactly("expert-a", "expert-b", "expert-c");

        engine.getTaskService().complete(scoring.get(0).getId());
        engine.getTaskService().complete(scoring.get(1).getId());

        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey("N-7")
                .taskDefinitionKey(TASK_SCORE_NOMINATION).count()).as("the third expert's task is cancelled").isZero();
        decide("N-7", "reviewer-0", OUTCOME_PASS);
        assertEndedAt(nomination, EVENT_NOMINATION_COMPLETED);
    }

    @Test
    void panelThatDoesNotRecommendRejectsTheNomination() {
        ProcessInstance nomination = submit("N-8-not-recommended", MODE_PANEL, MODE_DECIDE);
        engine.getTaskService().createTaskQuery().processInstanceBusinessKey("N-8-not-recommended")
                .taskDefinitionKey(TASK_SCORE_NOMINATION).list().stream().limit(2)
                .forEach(task -> engine.getTaskService().complete(task.getId()));

        assertEndedAt(nomination, EVENT_NOMINATION_REJECTED);
        assertThat(levelReviewsOf(nomination)).extracting(HistoricProcessInstance::getEndActivityId)
                .containsExactly(EVENT_PANEL_NOT_RECOMMENDED);
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static ProcessInstance submit(String nominationId, String... levelModes) {
        CHAINS.put(nominationId, List.of(levelModes));
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(VAR_NOMINATION_ID, nominationId);
        variables.put(VAR_PROGRAM_CODE, "famous-teacher");
        variables.put(VAR_TIER_CODE, "city");
        variables.put(VAR_APPLICANT_ID, "applicant-" + nominationId);
        return engine.getRuntimeService().startProcessInstanceByKey(NOMINATION_PROCESS, nominationId, variables);
    }

    /** Completes the open review of a nomination as one of its candidates. */
    private static void decide(String nominationId, String reviewer, String outcome) {
        Task review = reviewTask(nominationId, reviewer);
        engine.getTaskService().complete(review.getId(), Map.of(VAR_LEVEL_OUTCOME, outcome));
    }

    private static Task reviewTask(String nominationId, String reviewer) {
        List<Task> open = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(nominationId)
                .taskDefinitionKey(TASK_REVIEW_NOMINATION).list();
        assertThat(open).as("open reviews of %s", nominationId).hasSize(1);
        List<String> candidates = new ArrayList<>();
        for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(open.get(0).getId())) {
            candidates.add(link.getUserId());
        }
        assertThat(candidates).as("candidates of the open review of %s", nominationId).containsExactly(reviewer);
        return open.get(0);
    }

    private static void assertEndedAt(ProcessInstance nomination, String endEventId) {
        HistoricProcessInstance ended = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(nomination.getId()).singleResult();
        assertThat(ended.getEndTime()).as("end of %s", nomination.getBusinessKey()).isNotNull();
        assertThat(ended.getEndActivityId()).isEqualTo(endEventId);
    }

    private static List<HistoricProcessInstance> levelReviewsOf(ProcessInstance nomination) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery()
                .superProcessInstanceId(nomination.getId()).orderByProcessInstanceStartTime().asc().list();
    }

    // ------------------------------------------------------------------------------------------ stand-ins

    /** The delegate beans, doing what the contract says the Java side does, driven by {@link #CHAINS}. */
    private static Map<Object, Object> standInDelegates() {
        Map<Object, Object> beans = new LinkedHashMap<>();
        beans.put(DELEGATE_PREPARE_REVIEW_CHAIN, (JavaDelegate) execution -> {
            execution.setVariable(VAR_STEP_INDEX, 0);
            execution.setVariable(VAR_CHAIN_LENGTH, chainOf(execution).size());
            execution.setVariable(VAR_LEVEL_REVIEW_PROCESS, LEVEL_REVIEW_PROCESS);
        });
        beans.put(DELEGATE_PREPARE_LEVEL, (JavaDelegate) execution -> {
            int step = stepIndex(execution);
            String mode = chainOf(execution).get(step);
            execution.setVariable(VAR_LEVEL_MODE, mode);
            execution.setVariable(VAR_REVIEW_CANDIDATES, List.of("reviewer-" + step));
            if (MODE_AUTO.equals(mode)) {
                execution.setVariable(VAR_LEVEL_OUTCOME, OUTCOME_PASS);
            }
        });
        beans.put(DELEGATE_FILE_WITH_LEVEL, (JavaDelegate) execution -> execution.setVariable(VAR_LEVEL_OUTCOME, OUTCOME_PASS));
        beans.put(DELEGATE_ADVANCE_TO_NEXT_LEVEL, (JavaDelegate) execution -> {
            int next = stepIndex(execution) + 1;
            execution.setVariable(VAR_STEP_INDEX, next);
            execution.setVariable(VAR_CHAIN_COMPLETE, next >= ((Number) execution.getVariable(VAR_CHAIN_LENGTH)).intValue());
        });
        beans.put(DELEGATE_RETURN_TO_LOWER_LEVEL, (JavaDelegate) execution ->
                execution.setVariable(VAR_STEP_INDEX, stepIndex(execution) - 1));
        beans.put(DELEGATE_RECORD_REJECTION, (JavaDelegate) execution -> RESULTS.put(nominationId(execution), "REJECTED"));
        beans.put(DELEGATE_COMPLETE_NOMINATION, (JavaDelegate) execution -> RESULTS.put(nominationId(execution), "COMPLETED"));
        beans.put(DELEGATE_ASSIGN_PANEL, (JavaDelegate) execution ->
                execution.setVariable(VAR_PANEL_EXPERTS, List.of("expert-a", "expert-b", "expert-c")));
        beans.put(DELEGATE_CONCLUDE_PANEL, (JavaDelegate) execution -> {
            boolean recommended = !nominationId(execution).endsWith("-not-recommended");
            execution.setVariable(VAR_PANEL_OUTCOME, recommended ? PANEL_RECOMMENDED : PANEL_NOT_RECOMMENDED);
            if (!recommended) {
                execution.setVariable(VAR_LEVEL_OUTCOME, OUTCOME_REJECT);
            }
        });
        beans.put(PANEL_QUORUM_BEAN, new StandInQuorum());
        assertThat(beans.keySet()).containsAll(NOMINATION_DELEGATES).hasSize(NOMINATION_DELEGATES.size() + 1);
        return beans;
    }

    /** The stand-in of the quorum bean: two of the three experts decide. */
    public static final class StandInQuorum {
        public boolean reached(DelegateExecution execution) {
            return ((Number) execution.getVariable("nrOfCompletedInstances")).intValue() >= 2;
        }
    }

    private static List<String> chainOf(DelegateExecution execution) {
        return CHAINS.get(nominationId(execution));
    }

    private static String nominationId(DelegateExecution execution) {
        return (String) execution.getVariable(VAR_NOMINATION_ID);
    }

    private static int stepIndex(DelegateExecution execution) {
        return ((Number) execution.getVariable(VAR_STEP_INDEX)).intValue();
    }
}
