package org.tierflow.core.internal.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.flowable.common.engine.impl.el.ReadOnlyMapELResolver;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.engine.repository.DeploymentBuilder;
import org.tierflow.bpmn.TierFlowBpmn;
import org.tierflow.core.api.BpmnContractException;
import org.tierflow.core.api.BpmnContractViolation;
import org.tierflow.core.internal.bpmn.BpmnContractValidator;
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
        Map<Object, Object> beans = new LinkedHashMap<>(new NominationDelegates(runtime).byBeanName());
        beans.putAll(runtime.extraBeans);
        impl.addPreBeanELResolver(new ReadOnlyMapELResolver(beans));
        // Each executed level review ends a process instance and a task: with the counts kept on the rows, the
        // engine knows which child tables to clean up instead of asking each one (docs/reference/performance.md).
        impl.getPerformanceSettings().setEnableExecutionRelationshipCounts(true);
        impl.getPerformanceSettings().setEnableTaskRelationshipCounts(true);
        // TierFlow's processes write the history the host asked for (task level by default): their variables and
        // activities repeat TierFlow's own records (docs/reference/performance.md).
        ProcessHistoryLevel.apply(impl, runtime.processHistory);
        // On an in-process H2 the engine's multi-row inserts cost more CPU than the round trips they save.
        impl.addConfigurator(new InProcessDatabaseInserts());
    }

    /** Migrates TierFlow's tables, deploys its shipped models (only when they changed) and binds the runtime. */
    public static void start(ProcessEngine engine, TierFlowRuntime runtime) {
        start(engine, runtime, Map.of());
    }

    /**
     * Checks the models against TierFlow's BPMN contract, then migrates TierFlow's tables, deploys the models
     * (only when they changed) and binds the runtime.
     *
     * @param customModels resource name → BPMN XML of the host's customised models; each replaces the shipped
     *                     model that defines the same process id
     * @throws BpmnContractException listing every violation of every model; nothing was migrated or deployed
     */
    public static void start(ProcessEngine engine, TierFlowRuntime runtime, Map<String, String> customModels) {
        Map<String, String> models = modelsToDeploy(customModels);
        runtime.levelReviews().checkUnits();
        List<BpmnContractViolation> violations = BpmnContractValidator.validate(models, runtime.levelReviewProcessKeys());
        if (!violations.isEmpty()) {
            throw new BpmnContractException(violations);
        }
        DataSource dataSource = engine.getProcessEngineConfiguration().getDataSource();
        TierFlowPersistence persistence = TierFlowPersistence.start(dataSource);
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment()
                .name(DEPLOYMENT_NAME)
                .enableDuplicateFiltering();
        models.forEach((resource, xml) -> deployment.addBytes(resource, xml.getBytes(StandardCharsets.UTF_8)));
        deployment.deploy();
        // Approvers' inboxes: TierFlow's table, kept by the engine's events in the engine's transaction.
        engine.getRuntimeService().addEventListener(new ReviewInbox(runtime), ReviewInbox.EVENTS);
        runtime.bind(engine, persistence);
    }

    /** The shipped models, except those a custom model replaces (same process id), then the custom models. */
    static Map<String, String> modelsToDeploy(Map<String, String> customModels) {
        Set<String> replaced = new HashSet<>();
        customModels.values().forEach(xml -> replaced.addAll(BpmnContractValidator.processIds(xml)));
        Map<String, String> models = new LinkedHashMap<>();
        ClassLoader loader = TierFlowBpmn.class.getClassLoader();
        for (String resource : TierFlowBpmn.RESOURCES) {
            String xml = read(loader, resource);
            if (Collections.disjoint(replaced, BpmnContractValidator.processIds(xml))) {
                models.put(resource, xml);
            }
        }
        models.putAll(customModels);
        return models;
    }

    private static String read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("TierFlow's model " + resource + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read TierFlow's model " + resource, e);
        }
    }
}
