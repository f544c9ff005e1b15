package org.tierflow.core.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
import org.tierflow.core.api.NominationSubmission;
import org.tierflow.core.api.ProgramCatalog;
import org.tierflow.core.support.InMemoryApproverDirectory;
import org.tierflow.core.support.InMemoryOrganisationDirectory;
import org.tierflow.core.spi.Notifier;

/**
 * A real engine with TierFlow for the after-selection tests (training hours, credentials): the Qingdao,
 * national 2.0 and Ningxia seed programs on the nomination tests' organisation tree, one reviewer per unit
 * ({@code reviewer-<unit id>}), and nominations walked up their chain to SELECTED on a chosen day.
 * Mirrors {@code nomination.TierFlowTestEngine}, which is package-private and loads two programs only.
 */
public final class AfterSelectionFixture implements AutoCloseable {

    public static final String QINGDAO = "qingdao-digital-talent-2023";
    public static final String NATIONAL = "national-ability-2-0-2019";
    public static final String NINGXIA = "ningxia-internet-plus-education-2020";

    /** TierFlow counts days in China Standard Time. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** Every unit of {@code organisations/review-test-tree.yaml}. */
    private static final List<String> UNITS = List.of("nx", "yinchuan", "xingqing", "xingqing-school-1", "jinfeng",
            "jinfeng-school-1", "wuzhong", "litong", "litong-school-1", "nxu", "qingdao", "shinan", "shinan-school-1");

    public final ProcessEngine engine;
    public final TierFlow tierFlow;
    /** The organisation tree the engine runs on. */
    public final InMemoryOrganisationDirectory tree;
    private final AutoCloseable database;
    private final AtomicInteger applicants = new AtomicInteger();

    private AfterSelectionFixture(ProcessEngine engine, TierFlow tierFlow, InMemoryOrganisationDirectory tree,
                                  AutoCloseable database) {
        this.engine = engine;
        this.tierFlow = tierFlow;
        this.tree = tree;
        this.database = database;
    }

    /** The reviewer of a unit: may act for it in every program and tier. */
    public static String reviewerOf(String unitId) {
        return "reviewer-" + unitId;
    }

    public static AfterSelectionFixture onH2(String name) {
        HikariDataSource dataSource = pooled("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        return start(dataSource, dataSource);
    }

    public static AfterSelectionFixture onPostgres() {
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
        HikariDataSource dataSource = pooled(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        return start(dataSource, () -> {
            dataSource.close();
            postgres.close();
        });
    }

    /**
     * A fixture on a database the caller owns (closing the fixture closes only its engine), with the host's
     * notifier, or null for none. Building a second fixture on the same database is an engine restart.
     */
    public static AfterSelectionFixture on(DataSource dataSource, Notifier notifier) {
        return start(dataSource, () -> { }, notifier);
    }

    private static AfterSelectionFixture start(DataSource dataSource, AutoCloseable database) {
        return start(dataSource, database, null);
    }

    private static AfterSelectionFixture start(DataSource dataSource, AutoCloseable database, Notifier notifier) {
        InMemoryApproverDirectory.Builder approvers = InMemoryApproverDirectory.builder();
        UNITS.forEach(unit -> approvers.grant(unit, reviewerOf(unit)));
        TierFlow.Builder builder = TierFlow.builder();
        if (notifier != null) {
            builder.notifier(notifier);
        }
        builder.programs(ProgramCatalog.of(List.of(
                        ProgramDefinitionLoader.loadClasspath("org/tierflow/programs/" + QINGDAO + ".yaml"),
                        ProgramDefinitionLoader.loadClasspath("org/tierflow/programs/" + NATIONAL + ".yaml"),
                        ProgramDefinitionLoader.loadClasspath("org/tierflow/programs/" + NINGXIA + ".yaml"))))
                .approvers(approvers.build());
        return start(dataSource, database, builder, InMemoryOrganisationDirectory.fromClasspath("organisations/review-test-tree.yaml"));
    }

    /**
     * A fixture on a fresh H2 database running one shipped seed program ({@code org/tierflow/programs/<code>.yaml})
     * on a shipped organisation tree (e.g. {@link InMemoryOrganisationDirectory#QINGDAO}), every unit of the tree
     * with its reviewer ({@link #reviewerOf}), and the host's experts for the program's panels.
     */
    public static AfterSelectionFixture seedProgramOnH2(String programCode, String treeResource,
                                                        org.tierflow.core.spi.ExpertDirectory experts) {
        InMemoryOrganisationDirectory tree = InMemoryOrganisationDirectory.fromClasspath(treeResource);
        InMemoryApproverDirectory.Builder approvers = InMemoryApproverDirectory.builder();
        tree.units().forEach(unit -> approvers.grant(unit.id(), reviewerOf(unit.id())));
        TierFlow.Builder builder = TierFlow.builder()
                .programs(ProgramCatalog.of(List.of(
                        ProgramDefinitionLoader.loadClasspath("org/tierflow/programs/" + programCode + ".yaml"))))
                .approvers(approvers.build())
                .experts(experts);
        HikariDataSource dataSource = pooled("jdbc:h2:mem:" + programCode + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        return start(dataSource, dataSource, builder, tree);
    }

    private static AfterSelectionFixture start(DataSource dataSource, AutoCloseable database, TierFlow.Builder builder,
                                               InMemoryOrganisationDirectory tree) {
        TierFlow tierFlow = builder.organisations(tree).build();
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
        return new AfterSelectionFixture(engine, tierFlow, tree, database);
    }

    /** Sets the engine's clock to noon of this day in China Standard Time. */
    public void today(LocalDate day) {
        engine.getProcessEngineConfiguration().getClock()
                .setCurrentTime(Date.from(day.atTime(LocalTime.NOON).atZone(CHINA).toInstant()));
    }

    /**
     * Runs every timer job due by the engine's clock, one at a time on this thread, until none is due (a timer may
     * lead to another one that is already due). The tests run the engine without its async executor, so nothing
     * fires unless a test says so: the order is deterministic and nothing sleeps.
     *
     * @return the element ids of the timers that fired, in order
     */
    public List<String> fireDueTimers() {
        return fireDueTimers(null);
    }

    /** {@link #fireDueTimers()} for the processes of one nomination only (tests share an engine). */
    public List<String> fireDueTimers(String nominationId) {
        var management = engine.getManagementService();
        List<String> fired = new java.util.ArrayList<>();
        for (int round = 0; round < 100; round++) {
            java.util.Set<String> instances = nominationId == null ? null : engine.getRuntimeService()
                    .createProcessInstanceQuery().processInstanceBusinessKey(nominationId).list().stream()
                    .map(org.flowable.engine.runtime.ProcessInstance::getId).collect(java.util.stream.Collectors.toSet());
            List<org.flowable.job.api.Job> due = management.createTimerJobQuery().executable().orderByJobDuedate().asc()
                    .list().stream().filter(job -> instances == null || instances.contains(job.getProcessInstanceId()))
                    .toList();
            if (due.isEmpty()) {
                return fired;
            }
            for (org.flowable.job.api.Job timer : due) {
                org.flowable.job.api.Job executable = management.moveTimerToExecutableJob(timer.getId());
                management.executeJob(executable.getId());
                fired.add(timer.getElementId());
            }
        }
        throw new IllegalStateException("timers keep falling due: " + fired);
    }

    /**
     * Moves the clock to {@code day} (after the working period), fires the due timers and has every party of the
     * tier's comprehensive evaluation give full marks: self by the candidate, the others by the reviewer of the
     * candidate's unit. The nomination then qualifies for its credential.
     */
    public void qualify(Nomination nomination, LocalDate day) {
        today(day);
        fireDueTimers(nomination.id());
        var tier = tierFlow.programs().find(nomination.programCode()).orElseThrow().tier(nomination.tierCode()).orElseThrow();
        if (tier.training().isPresent()) {
            completeTraining(nomination);
        }
        var evaluation = tier.evaluation().orElseThrow();
        Map<String, java.math.BigDecimal> full = new java.util.LinkedHashMap<>();
        evaluation.criteria().forEach(c -> full.put(c.code(), c.maxScore()));
        for (var party : evaluation.parties()) {
            String scorer = "self".equals(party.code()) ? nomination.applicantId() : reviewerOf(nomination.unitId());
            tierFlow.evaluations().score(nomination.id(), party.code(), scorer, full);
        }
    }

    /**
     * Records, as a training platform would, exactly the hours the tier's training requirement asks for (each
     * category's minimum; the rest of the total in the first category with a minimum share, or else the first
     * category), from the day after selection on, at most 8 hours a day. The clock must be past those days.
     */
    public void completeTraining(Nomination nomination) {
        var requirement = tierFlow.programs().find(nomination.programCode()).orElseThrow().tier(nomination.tierCode())
                .orElseThrow().training().orElseThrow();
        Map<String, java.math.BigDecimal> hours = new java.util.LinkedHashMap<>();
        requirement.categories().forEach(c -> hours.put(c.code(), c.minHours()));
        java.math.BigDecimal sum = hours.values().stream().reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
        java.math.BigDecimal rest = requirement.totalMinHours().subtract(sum);
        if (rest.signum() > 0) {
            String into = requirement.ratios().isEmpty() ? requirement.categories().get(0).code()
                    : requirement.ratios().get(0).category();
            hours.merge(into, rest, java.math.BigDecimal::add);
        }
        LocalDate day = LocalDate.ofInstant(tierFlow.lifecycle().get(nomination.id()).orElseThrow().startedAt(), CHINA).plusDays(1);
        for (var category : hours.entrySet()) {
            java.math.BigDecimal left = category.getValue();
            while (left.signum() > 0) {
                java.math.BigDecimal today = left.min(java.math.BigDecimal.valueOf(8));
                tierFlow.training().record(new org.tierflow.core.api.HourRecord(nomination.id(),
                        "fixture-" + nomination.id() + "-" + category.getKey() + "-" + day, category.getKey(), today, day, "fixture-platform", null));
                left = left.subtract(today);
                day = day.plusDays(1);
            }
        }
    }

    /**
     * Takes a selected nomination through its task book (signed and countersigned) and a passed acceptance: the
     * clock moves to the day after its working period, the due timers fire, the candidate reports, every level of
     * the tier's acceptance chain reviews and the last one (on site where the definition says so) passes it. The
     * nomination then qualifies for its credential where the tier asks for acceptance only.
     */
    public void passAcceptance(Nomination nomination) {
        var tier = tierFlow.programs().find(nomination.programCode()).orElseThrow().tier(nomination.tierCode()).orElseThrow();
        if (tier.taskBook().isPresent()) {
            var book = tierFlow.taskBooks().get(nomination.id());
            tierFlow.taskBooks().sign(nomination.id(), nomination.applicantId());
            tierFlow.taskBooks().countersign(nomination.id(), reviewerOf(book.authorityUnitId()));
        }
        var status = tierFlow.lifecycle().get(nomination.id()).orElseThrow();
        LocalDate day = LocalDate.ofInstant(status.workingPeriodEndsAt(), CHINA).plusDays(1);
        today(day);
        fireDueTimers(nomination.id());
        var acceptance = tier.acceptance().orElseThrow();
        var chain = tree.unit(nomination.unitId()).level() == org.tierflow.core.api.program.OrganisationLevel.UNIVERSITY
                ? acceptance.universityChain().orElse(acceptance.chain()) : acceptance.chain();
        tierFlow.acceptance().submitReport(nomination.id(), nomination.applicantId(), "总结报告 / final report");
        for (int step = 0; step < chain.steps().size(); step++) {
            String actor = reviewerOf(tree.ancestorAt(nomination.unitId(), chain.steps().get(step).level()).orElseThrow().id());
            if (step < chain.steps().size() - 1) {
                tierFlow.acceptance().review(nomination.id(), actor, true, "同意 / forwarded");
            } else {
                if (acceptance.onSite()) {
                    tierFlow.acceptance().scheduleOnSite(nomination.id(), actor, day, List.of("专家甲 / expert A"));
                }
                tierFlow.acceptance().decide(nomination.id(), actor, java.math.BigDecimal.valueOf(90), true, "合格 / accepted");
            }
        }
    }

    /** The engine clock's time. */
    public java.time.Instant now() {
        return engine.getProcessEngineConfiguration().getClock().getCurrentTime().toInstant();
    }

    /** The engine clock's day in China Standard Time. */
    public LocalDate day() {
        return LocalDate.ofInstant(now(), CHINA);
    }

    /** Back to the real time. */
    public void resetClock() {
        engine.getProcessEngineConfiguration().getClock().reset();
    }

    /** Submits an eligible nomination and passes every deciding level, on {@code day}; it is then SELECTED. */
    public Nomination select(String program, String tier, String unitId, LocalDate day) {
        today(day);
        Nomination nomination = submit(program, tier, unitId);
        for (int level = 0; level < 6 && nomination.state() != NominationState.SELECTED; level++) {
            nomination = passCurrentLevel(nomination);
        }
        assertThat(nomination.state()).as("state of %s after passing every level", nomination.id())
                .isEqualTo(NominationState.SELECTED);
        return nomination;
    }

    /** Submits an eligible nomination; it waits at the first level. */
    public Nomination submit(String program, String tier, String unitId) {
        return tierFlow.nominations().submit(new NominationSubmission(program, tier,
                "applicant-" + applicants.incrementAndGet(), unitId, eligibleFacts(tier), List.of()));
    }

    private Nomination passCurrentLevel(Nomination nomination) {
        Task task = engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(nomination.id())
                .taskDefinitionKey(TierFlowBpmn.TASK_REVIEW_NOMINATION)
                .includeProcessVariables()
                .singleResult();
        assertThat(task).as("open review of %s", nomination.id()).isNotNull();
        String unit = (String) task.getProcessVariables().get(TierFlowBpmn.VAR_APPROVER_UNIT_ID);
        return tierFlow.reviews().decide(task.getId(), reviewerOf(unit), Decision.pass("同意 / agreed"));
    }

    private static Map<String, Object> eligibleFacts(String tier) {
        return switch (tier) {
            case "elite-teacher" -> Map.of("digitalTrainingHours", 24);
            case "school-cio" -> Map.of("isSchoolLeader", true);
            case "backbone-talent" -> Map.of("improvedTeachingWithInternetPlus", true);
            case "teaching-talent" -> Map.of("teacherInInformatisationStudio", true);
            default -> Map.of();
        };
    }

    private static HikariDataSource pooled(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }

    /** Rows of one of TierFlow's tables matching a where clause, counted over plain JDBC. */
    public long count(String table, String where, Object... parameters) {
        return org.tierflow.core.nomination.TestDatabases.count(engine.getProcessEngineConfiguration().getDataSource(),
                table, where, parameters);
    }

    @Override
    public void close() throws Exception {
        resetClock();
        engine.close();
        database.close();
    }
}
