package org.tierflow.core.internal.engine;

import javax.sql.DataSource;

import org.flowable.common.engine.impl.el.ReadOnlyMapELResolver;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.engine.repository.DeploymentBuilder;
import org.tierflow.bpmn.TierFlowBpmn;
import org.tierflow.core.internal.persistence.TierFlowPersistence;

/** Wires TierFlow into a Flowable engine: delegates before the engine is built, schema and models after. */
public final class TierFlowBootstrap {

    /** Name of the deployment holding TierFlow's models. */
    public static final String DEPLOYMENT_NAME = "TierFlow";

    private TierFlowBootstrap() {
    }

    /**
     * Makes the models' delegate expressions resolve to TierFlow's delegates, ahead of the host's beans, so a
     * host bean of the same name can never capture them by accident.
     */
    public static void configure(ProcessEngineConfiguration configuration, TierFlowRuntime runtime) {
        if (!(configuration instanceof ProcessEngineConfigurationImpl impl)) {
            throw new IllegalArgumentException("TierFlow needs a ProcessEngineConfigurationImpl; got " + configuration.getClass());
        }
        impl.addPreBeanELResolver(new ReadOnlyMapELResolver(new NominationDelegates(runtime).byBeanName()));
    }

    /** Migrates TierFlow's tables, deploys its models (only when they changed) and binds the runtime. */
    public static void start(ProcessEngine engine, TierFlowRuntime runtime) {
        DataSource dataSource = engine.getProcessEngineConfiguration().getDataSource();
        TierFlowPersistence persistence = TierFlowPersistence.start(dataSource);
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment()
                .name(DEPLOYMENT_NAME)
                .enableDuplicateFiltering();
        ClassLoader loader = TierFlowBpmn.class.getClassLoader();
        for (String resource : TierFlowBpmn.NOMINATION_RESOURCES) {
            deployment.addInputStream(resource, loader.getResourceAsStream(resource));
        }
        deployment.deploy();
        runtime.bind(engine, persistence);
    }
}
