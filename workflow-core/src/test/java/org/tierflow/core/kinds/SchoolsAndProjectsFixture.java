package org.tierflow.core.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import javax.sql.DataSource;

import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.task.api.Task;
import org.tierflow.bpmn.TierFlowBpmn;
import org.tierflow.core.ProgramDefinitionLoader;
import org.tierflow.core.TierFlow;
import org.tierflow.core.api.Decision;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationState;
import org.tierflow.core.api.ProgramCatalog;
import org.tierflow.core.support.InMemoryApproverDirectory;
import org.tierflow.core.support.InMemoryOrganisationDirectory;
import org.tierflow.core.spi.ExpertDirectory;

/**
 * A real engine with TierFlow, program B (Qingdao "135" plan, its schools and projects) on a small Qingdao tree
 * ({@code organisations/qingdao-schools-tree.yaml}): two approvers per school ({@code head-<unit>} and
 * {@code deputy-<unit>}), one reviewer per bureau ({@code reviewer-<unit>}). Without an expert directory the
 * city's expert review is decided by the city's approvers; with one, the panel scores first.
 */
final class SchoolsAndProjectsFixture implements AutoCloseable {

    static final String PROGRAM = "qingdao-135-plan-2023";
    static final String CITY = "qingdao";
    static final String DISTRICT = "shinan";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final List<String> BUREAUS = List.of("qingdao", "shinan", "licang");
    private static final List<String> SCHOOLS = List.of("shinan-school-1", "shinan-school-2", "shinan-school-3",
            "licang-school-1", "licang-school-2");

    final ProcessEngine engine;
    final TierFlow tierFlow;
    /** What the host's notifier was given (after each commit), in order. */
    final List<org.tierflow.core.spi.Notification> notifications;

    private SchoolsAndProjectsFixture(ProcessEngine engine, TierFlow tierFlow,
                                      List<org.tierflow.core.spi.Notification> notifications) {
        this.notifications = notifications;
        this.engine = engine;
        this.tierFlow = tierFlow;
    }

    static String headOf(String school) {
        return "head-" + school;
    }

    static String deputyOf(String school) {
        return "deputy-" + school;
    }

    static String reviewerOf(String bureau) {
        return "reviewer-" + bureau;
    }

    static SchoolsAndProjectsFixture on(DataSource dataSource) {
        return on(dataSource, null);
    }

    /** With the host's expert directory, or null for none (then the city's approvers review instead of a panel). */
    static SchoolsAndProjectsFixture on(DataSource dataSource, ExpertDirectory experts) {
        InMemoryApproverDirectory.Builder approvers = InMemoryApproverDirectory.builder();
        BUREAUS.forEach(unit -> approvers.grant(unit, reviewerOf(unit)));
        SCHOOLS.forEach(unit -> approvers.grant(unit, headOf(unit), deputyOf(unit)));
        List<org.tierflow.core.spi.Notification> notifications =
                java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        TierFlow.Builder builder = TierFlow.builder().notifier(notifications::add);
        if (experts != null) {
            builder.experts(experts);
        }
        TierFlow tierFlow = builder
                .programs(ProgramCatalog.of(List.of(
                        ProgramDefinitionLoader.loadClasspath("org/tierflow/programs/" + PROGRAM + ".yaml"))))
                .organisations(InMemoryOrganisationDirectory.fromClasspath("organisations/qingdao-schools-tree.yaml"))
                .approvers(approvers.build())
                .build();
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
        return new SchoolsAndProjectsFixture(engine, tierFlow, notifications);
    }

    /** Sets the engine's clock to noon of this day in China Standard Time. */
    void today(LocalDate day) {
        engine.getProcessEngineConfiguration().getClock()
                .setCurrentTime(Date.from(day.atTime(LocalTime.NOON).atZone(CHINA).toInstant()));
    }

    void resetClock() {
        engine.getProcessEngineConfiguration().getClock().reset();
    }

    /** Passes the nomination's open review by the reviewer of the unit it waits at. */
    Nomination passCurrentLevel(Nomination nomination) {
        Task task = reviewTask(nomination);
        String unit = (String) task.getProcessVariables().get(TierFlowBpmn.VAR_APPROVER_UNIT_ID);
        return tierFlow.reviews().decide(task.getId(), reviewerOf(unit), Decision.pass("同意 / agreed"));
    }

    Task reviewTask(Nomination nomination) {
        Task task = engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(nomination.id())
                .taskDefinitionKey(TierFlowBpmn.TASK_REVIEW_NOMINATION)
                .includeProcessVariables()
                .singleResult();
        assertThat(task).as("open review of %s", nomination.id()).isNotNull();
        return task;
    }

    /** Passes every level until the nomination is SELECTED. */
    Nomination select(Nomination nomination) {
        for (int level = 0; level < 4 && nomination.state() != NominationState.SELECTED; level++) {
            nomination = passCurrentLevel(nomination);
        }
        assertThat(nomination.state()).as("state of %s after passing every level", nomination.id())
                .isEqualTo(NominationState.SELECTED);
        return nomination;
    }

    /** Runs every timer job of this nomination due by the engine's clock; returns their element ids. */
    List<String> fireDueTimers(String nominationId) {
        var management = engine.getManagementService();
        List<String> fired = new java.util.ArrayList<>();
        for (int round = 0; round < 20; round++) {
            java.util.Set<String> instances = engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceBusinessKey(nominationId).list().stream()
                    .map(org.flowable.engine.runtime.ProcessInstance::getId).collect(java.util.stream.Collectors.toSet());
            List<org.flowable.job.api.Job> due = management.createTimerJobQuery().executable().list().stream()
                    .filter(job -> instances.contains(job.getProcessInstanceId())).toList();
            if (due.isEmpty()) {
                return fired;
            }
            for (org.flowable.job.api.Job timer : due) {
                management.executeJob(management.moveTimerToExecutableJob(timer.getId()).getId());
                fired.add(timer.getElementId());
            }
        }
        throw new IllegalStateException("timers keep falling due: " + fired);
    }

    /** Process instances (life cycle and the processes it calls) still running for the nomination. */
    long runningInstances(String nominationId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(nominationId).count();
    }

    /** Rows of one of TierFlow's tables matching a where clause, counted over plain JDBC. */
    long count(String table, String where, Object... parameters) {
        return org.tierflow.core.nomination.TestDatabases.count(engine.getProcessEngineConfiguration().getDataSource(),
                table, where, parameters);
    }

    @Override
    public void close() {
        resetClock();
        engine.close();
    }
}
