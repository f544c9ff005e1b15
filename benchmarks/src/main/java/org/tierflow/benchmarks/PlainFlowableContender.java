package org.tierflow.benchmarks;

import static org.tierflow.bpmn.TierFlowBpmn.*;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.flowable.engine.ProcessEngine;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.engine.repository.DeploymentBuilder;
import org.flowable.task.api.Task;

/**
 * Plain Flowable running the same two models with hand-written glue: Java delegates under the models' bean names
 * that set what the gateways and the user task read, and task completion by the level's approver. No TierFlow.
 */
public final class PlainFlowableContender implements ChainContender {

    private final ProcessEngine engine;
    private final ChainModels.Glue glue;

    public PlainFlowableContender(DataSource dataSource, NationalTree tree) {
        this.glue = new ChainModels.Glue(tree);
        StandaloneProcessEngineConfiguration configuration = Engines.flowableConfiguration(dataSource);
        configuration.setEngineName("plain-flowable-" + UUID.randomUUID());
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
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("plain");
        ChainModels.flowable().forEach((resource, xml) -> deployment.addBytes(resource, xml.getBytes(StandardCharsets.UTF_8)));
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
        return "Plain Flowable";
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
        engine.getRuntimeService().createProcessInstanceBuilder()
                .processDefinitionKey(NOMINATION_PROCESS)
                .businessKey(nominationId)
                .variables(variables)
                .start();
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
