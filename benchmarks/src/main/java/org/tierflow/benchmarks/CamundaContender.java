package org.tierflow.benchmarks;

import static org.tierflow.bpmn.TierFlowBpmn.*;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.Task;

/** Camunda 7 running the same chain with the same hand-written glue as {@link PlainFlowableContender}. */
public final class CamundaContender implements ChainContender {

    private final ProcessEngine engine;
    private final ChainModels.Glue glue;

    public CamundaContender(DataSource dataSource, NationalTree tree) {
        this.glue = new ChainModels.Glue(tree);
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("camunda-" + UUID.randomUUID());
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setHistory("audit");
        configuration.setJobExecutorActivate(false);
        configuration.setMetricsEnabled(false);
        configuration.setHistoryTimeToLive("P180D");
        configuration.setDbMetricsReporterActivate(false);
        Map<Object, Object> beans = new HashMap<>();
        beans.put(DELEGATE_PREPARE_REVIEW_CHAIN, (JavaDelegate) execution -> {
            execution.setVariable(VAR_STEP_INDEX, 0);
            execution.setVariable(VAR_LEVEL_REVIEW_PROCESS, LEVEL_REVIEW_PROCESS);
            execution.setVariable(VAR_CHAIN_LENGTH, 4);
        });
        beans.put(DELEGATE_PREPARE_LEVEL, (JavaDelegate) this::prepareLevel);
        beans.put(DELEGATE_ADVANCE_TO_NEXT_LEVEL, (JavaDelegate) execution -> {
            int next = ((Number) execution.getVariable(VAR_STEP_INDEX)).intValue() + 1;
            int length = ((Number) execution.getVariable(VAR_CHAIN_LENGTH)).intValue();
            execution.setVariable(VAR_STEP_INDEX, next);
            execution.setVariable(VAR_CHAIN_COMPLETE, next >= length);
        });
        beans.put(DELEGATE_COMPLETE_NOMINATION, (JavaDelegate) execution ->
                glue.forget((String) execution.getVariable(VAR_NOMINATION_ID)));
        JavaDelegate nothing = execution -> { };
        beans.put(DELEGATE_RECORD_REJECTION, nothing);
        beans.put(DELEGATE_RETURN_TO_LOWER_LEVEL, nothing);
        beans.put(DELEGATE_FILE_WITH_LEVEL, nothing);
        configuration.setBeans(beans);
        this.engine = configuration.buildProcessEngine();
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("camunda");
        ChainModels.camunda().forEach((resource, xml) ->
                deployment.addString(resource, xml));
        deployment.deploy();
    }

    private void prepareLevel(DelegateExecution execution) {
        String nominationId = (String) execution.getVariable(VAR_NOMINATION_ID);
        int step = ((Number) execution.getVariable(VAR_STEP_INDEX)).intValue();
        String unit = glue.unitAt(nominationId, step);
        execution.setVariable(VAR_REVIEW_UNIT_ID, unit);
        execution.setVariable(VAR_LEVEL_MODE, MODE_DECIDE);
        execution.setVariable(VAR_REVIEW_CANDIDATES, List.of(NationalTree.approverOf(unit)));
        execution.setVariable(VAR_LEVEL_OUTCOME, null);
    }

    @Override
    public String name() {
        return "Camunda 7.24";
    }

    @Override
    public void walkOne(String schoolId, int sequence) {
        String nominationId = UUID.randomUUID().toString();
        glue.register(nominationId, schoolId);
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_NOMINATION_ID, nominationId);
        variables.put(VAR_PROGRAM_CODE, Engines.PROGRAM);
        variables.put(VAR_TIER_CODE, Engines.TIER);
        variables.put(VAR_APPLICANT_ID, "applicant-" + sequence);
        engine.getRuntimeService().startProcessInstanceByKey(NOMINATION_PROCESS, nominationId, variables);
        List<String> units = glue.tree.chainUnits(schoolId);
        for (int level = 0; level < 4; level++) {
            String approver = NationalTree.approverOf(units.get(level));
            Task task = engine.getTaskService().createTaskQuery()
                    .processInstanceBusinessKey(nominationId)
                    .taskCandidateUser(approver)
                    .singleResult();
            engine.getTaskService().complete(task.getId(), Map.of(VAR_LEVEL_OUTCOME, OUTCOME_PASS));
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
