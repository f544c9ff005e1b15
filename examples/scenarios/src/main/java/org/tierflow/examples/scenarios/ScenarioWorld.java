package org.tierflow.examples.scenarios;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessEngine;
import org.flowable.job.api.Job;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.tierflow.core.ProgramDefinitionLoader;
import org.tierflow.core.TierFlow;
import org.tierflow.core.api.OrganisationUnit;
import org.tierflow.core.api.ProgramCatalog;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.support.InMemoryApproverDirectory;
import org.tierflow.core.support.InMemoryOrganisationDirectory;

/**
 * Everything the scenarios run on: one engine on in-memory H2, TierFlow with every program of the plan, one
 * organisation directory holding every tree the plan names (plus generated schools), and one reviewer per unit.
 */
final class ScenarioWorld implements AutoCloseable {

    private final ProgramCatalog programs;
    private final InMemoryOrganisationDirectory organisations;
    private final TierFlow tierFlow;
    private final ProcessEngine engine;

    private ScenarioWorld(ProgramCatalog programs, InMemoryOrganisationDirectory organisations, TierFlow tierFlow,
                          ProcessEngine engine) {
        this.programs = programs;
        this.organisations = organisations;
        this.tierFlow = tierFlow;
        this.engine = engine;
    }

    static ScenarioWorld start(ScenarioPlan plan, String databaseName) {
        ProgramCatalog programs = ProgramCatalog.of(plan.programs().stream()
                .map(entry -> ProgramDefinitionLoader.loadClasspath("org/tierflow/programs/" + entry.program() + ".yaml"))
                .toList());
        InMemoryOrganisationDirectory organisations = organisations(plan);
        InMemoryApproverDirectory.Builder approvers = InMemoryApproverDirectory.builder();
        organisations.units().forEach(unit -> approvers.grant(unit.id(), reviewerOf(unit.id())));

        TierFlow tierFlow = TierFlow.builder()
                .programs(programs)
                .organisations(organisations)
                .approvers(approvers.build())
                .build();
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:" + databaseName + ";DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setAsyncExecutorActivate(false);
        configuration.setHistoryLevel(HistoryLevel.AUDIT);
        tierFlow.configure(configuration);
        ProcessEngine engine = configuration.buildProcessEngine();
        tierFlow.start(engine);
        return new ScenarioWorld(programs, organisations, tierFlow, engine);
    }

    /** The one reviewer the scenario grants at each unit. */
    static String reviewerOf(String unitId) {
        return "reviewer@" + unitId;
    }

    ProgramCatalog programs() {
        return programs;
    }

    InMemoryOrganisationDirectory organisations() {
        return organisations;
    }

    TierFlow tierFlow() {
        return tierFlow;
    }

    Instant now() {
        return engine.getProcessEngineConfiguration().getClock().getCurrentTime().toInstant();
    }

    /** Moves the engine's clock on: time passes in a scenario without waiting for it. */
    void advance(Duration duration) {
        engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(now().plus(duration)));
    }

    /** Sets the engine's clock to a moment: a program is played inside its own years. */
    void setNow(Instant instant) {
        engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(instant));
    }

    /**
     * Runs every timer that is due on the engine's clock, as a node running TierFlow's jobs would (the scenario's
     * engine runs no job executor of its own, so what happens stays in order and repeatable).
     */
    int runDueTimers() {
        ManagementService management = engine.getManagementService();
        int fired = 0;
        for (List<Job> due = management.createTimerJobQuery().executable().list(); !due.isEmpty();
             due = management.createTimerJobQuery().executable().list()) {
            for (Job timer : due) {
                management.executeJob(management.moveTimerToExecutableJob(timer.getId()).getId());
                fired++;
            }
        }
        return fired;
    }

    @Override
    public void close() {
        engine.close();
    }

    /** Every tree the plan names, once, with generated schools added under each district. */
    private static InMemoryOrganisationDirectory organisations(ScenarioPlan plan) {
        Map<String, OrganisationUnit> units = new LinkedHashMap<>();
        for (String resource : plan.programs().stream().map(ScenarioPlan.Entry::organisations).distinct().toList()) {
            for (OrganisationUnit unit : InMemoryOrganisationDirectory.fromClasspath(resource).units()) {
                units.put(unit.id(), unit);
            }
        }
        List<OrganisationUnit> generated = new ArrayList<>();
        for (OrganisationUnit unit : units.values()) {
            if (unit.level() == OrganisationLevel.DISTRICT) {
                for (int i = 1; i <= plan.generatedSchoolsPerDistrict(); i++) {
                    generated.add(new OrganisationUnit(unit.id() + "-sim-school-" + i,
                            new LocalizedText(unit.name().zh() + "模拟学校" + i, "Simulated school " + i + ", " + unit.name().en()),
                            OrganisationLevel.SCHOOL, unit.id()));
                }
            }
        }
        List<OrganisationUnit> all = new ArrayList<>(units.values());
        all.addAll(generated);
        return InMemoryOrganisationDirectory.of(all);
    }
}
