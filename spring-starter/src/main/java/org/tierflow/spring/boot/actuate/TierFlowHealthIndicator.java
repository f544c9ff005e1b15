package org.tierflow.spring.boot.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flowable.engine.ProcessEngine;
import org.flowable.engine.repository.ProcessDefinition;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.tierflow.bpmn.TierFlowBpmn;
import org.tierflow.core.TierFlow;

/**
 * UP when TierFlow is started and its models are deployed on the engine; DOWN otherwise. Details: the number of
 * programs loaded, the engine's name, and the deployed version and deployment of each TierFlow model.
 */
public class TierFlowHealthIndicator extends AbstractHealthIndicator {

    /** Every process TierFlow deploys (keys of {@link TierFlowBpmn#RESOURCES}). */
    static final List<String> MODELS = List.of(TierFlowBpmn.NOMINATION_PROCESS, TierFlowBpmn.LEVEL_REVIEW_PROCESS,
            TierFlowBpmn.PUBLICITY_PROCESS, TierFlowBpmn.LIFECYCLE_PROCESS, TierFlowBpmn.TASK_BOOK_PROCESS,
            TierFlowBpmn.IMPLEMENTATION_PROCESS, TierFlowBpmn.ACCEPTANCE_PROCESS, TierFlowBpmn.EVALUATION_PROCESS,
            TierFlowBpmn.PHASE_PROCESS);

    private final TierFlow tierFlow;

    private final ProcessEngine processEngine;

    public TierFlowHealthIndicator(TierFlow tierFlow, ProcessEngine processEngine) {
        super("TierFlow health check failed");
        this.tierFlow = tierFlow;
        this.processEngine = processEngine;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("programs", tierFlow.programs().programs().size())
                .withDetail("engine", processEngine.getName());
        if (!tierFlow.isStarted()) {
            builder.down().withDetail("reason", "TierFlow has not been started (TierFlow.start(processEngine))");
            return;
        }
        Map<String, String> models = new LinkedHashMap<>();
        for (String key : MODELS) {
            ProcessDefinition definition = processEngine.getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey(key).latestVersion().singleResult();
            if (definition != null) {
                models.put(key, "version " + definition.getVersion() + ", deployment " + definition.getDeploymentId());
            }
        }
        builder.withDetail("models", models);
        if (models.size() < MODELS.size()) {
            builder.down().withDetail("reason", "TierFlow's models are not all deployed: expected " + MODELS);
        } else {
            builder.up();
        }
    }
}
