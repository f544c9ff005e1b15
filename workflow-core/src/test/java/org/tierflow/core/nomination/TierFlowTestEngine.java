package org.tierflow.core.nomination;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.tierflow.core.TierFlow;
import org.tierflow.core.api.ProgramCatalog;
import org.tierflow.core.ProgramDefinitionLoader;
import org.tierflow.core.support.InMemoryOrganisationDirectory;

/** A real Flowable engine with TierFlow on a given database, built once per test class. */
final class TierFlowTestEngine implements AutoCloseable {

    static final String NINGXIA = "ningxia-internet-plus-education-2020";
    static final String QINGDAO = "qingdao-digital-talent-2023";

    final ProcessEngine engine;
    final TierFlow tierFlow;

    private TierFlowTestEngine(ProcessEngine engine, TierFlow tierFlow) {
        this.engine = engine;
        this.tierFlow = tierFlow;
    }

    static ProgramCatalog seedPrograms() {
        return ProgramCatalog.of(List.of(
                ProgramDefinitionLoader.loadClasspath("org/tierflow/programs/" + NINGXIA + ".yaml"),
                ProgramDefinitionLoader.loadClasspath("org/tierflow/programs/" + QINGDAO + ".yaml")));
    }

    /** Facts that meet every eligibility rule of the tiers the tests submit to. */
    static Map<String, Object> eligibleFacts(String tierCode) {
        return switch (tierCode) {
            case "top-talent" -> Map.of("fromDemonstrationUnit", true, "principalOrFamousTeacher", true);
            case "management-talent" -> Map.of("managementBackboneOfProjectUnit", true);
            case "teaching-talent" -> Map.of("teacherInInformatisationStudio", true);
            case "backbone-talent" -> Map.of("improvedTeachingWithInternetPlus", true);
            case "elite-teacher" -> Map.of("digitalTrainingHours", 24);
            default -> Map.of();
        };
    }

    static InMemoryOrganisationDirectory testTree() {
        return InMemoryOrganisationDirectory.fromClasspath("organisations/review-test-tree.yaml");
    }

    /** Builds an engine on the data source with TierFlow configured by {@code setup} (programs and tree preset). */
    static TierFlowTestEngine start(DataSource dataSource, Consumer<TierFlow.Builder> setup) {
        TierFlow.Builder builder = TierFlow.builder().programs(seedPrograms()).organisations(testTree());
        setup.accept(builder);
        TierFlow tierFlow = builder.build();

        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setAsyncExecutorActivate(false);
        configuration.setHistoryLevel(HistoryLevel.AUDIT);
        configuration.setDisableIdmEngine(true);
        configuration.setDisableEventRegistry(true);
        tierFlow.configure(configuration);
        ProcessEngine engine = configuration.buildProcessEngine();
        tierFlow.start(engine);
        return new TierFlowTestEngine(engine, tierFlow);
    }

    @Override
    public void close() {
        engine.close();
    }
}
