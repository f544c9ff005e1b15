package org.tierflow.core.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tierflow.core.nomination.TierFlowTestEngine.NINGXIA;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tierflow.bpmn.TierFlowBpmn;
import org.tierflow.core.api.Decision;
import org.tierflow.core.api.NominationSubmission;
import org.tierflow.core.api.OrganisationUnit;
import org.tierflow.core.api.Quota;
import org.tierflow.core.api.QuotaExceededException;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.support.InMemoryOrganisationDirectory;

/**
 * DESIGN.md: "A quota is never exceeded, under any concurrency". Fifty approvers' sessions pass fifty different
 * nominations at the same district at the same moment, against a quota of ten, on a real PostgreSQL — a
 * hundred times over, each time with a fresh quota of ten. The number passed is never above ten,
 * and every other pass is refused with a {@link QuotaExceededException}.
 *
 * <p>To keep a repetition cheap, one engine and one PostgreSQL serve the whole class, the tier is the one with
 * the shortest chain (backbone talent: the district decides), and nominations are reused: the districts take
 * turns, and each repetition gives the district a fresh quota of ten more slots (its allocation becomes what it
 * used plus ten) and tops its fifty waiting nominations up with new ones, submitted in one engine command, to
 * replace the ten that passed last time. The forty refused stay waiting, untouched, and race again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuotaConcurrencyPostgresIntegrationTests {

    private static final String TIER = "backbone-talent";
    private static final int REPETITIONS = 100;
    private static final int CONTENDERS = 50;
    private static final int QUOTA = 10;
    private static final int DISTRICTS = 4;

    private EmbeddedPostgres postgres;
    private HikariDataSource dataSource;
    private TierFlowTestEngine fixture;
    private ExecutorService approvers;

    @BeforeAll
    void start() {
        postgres = TestDatabases.startPostgres();
        // One connection per contender (and a few for the engine's id blocks), so all fifty transactions really
        // are in flight together.
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setPassword("postgres");
        config.setMaximumPoolSize(CONTENDERS + 10);
        config.setMinimumIdle(CONTENDERS + 10);
        dataSource = new HikariDataSource(config);
        fixture = TierFlowTestEngine.start(dataSource, builder -> builder
                .organisations(raceTree())
                .approvers(query -> List.of(query.unitId() + "-approver")));
        approvers = Executors.newFixedThreadPool(CONTENDERS);
    }

    @AfterAll
    void stop() throws IOException {
        if (approvers != null) {
            approvers.shutdownNow();
        }
        if (fixture != null) {
            fixture.close();
        }
        if (dataSource != null) {
            dataSource.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** The review test tree plus one district (with one school) per repetition, under Yinchuan. */
    private static InMemoryOrganisationDirectory raceTree() {
        List<OrganisationUnit> units = new ArrayList<>(TierFlowTestEngine.testTree().units());
        for (int i = 0; i < DISTRICTS; i++) {
            units.add(new OrganisationUnit(district(i), new LocalizedText("竞争区" + i, "race district " + i),
                    OrganisationLevel.DISTRICT, "yinchuan"));
            units.add(new OrganisationUnit(district(i) + "-s", new LocalizedText("竞争学校" + i, "race school " + i),
                    OrganisationLevel.SCHOOL, district(i)));
        }
        return InMemoryOrganisationDirectory.of(units);
    }

    private static String district(int index) {
        return "race-" + index;
    }

    @Test
    void fiftyConcurrentPassesIntoAQuotaOfTenNeverPassMoreThanTen() throws Exception {
        int totalPassed = 0;
        long preparing = 0;
        long racing = 0;
        for (int repetition = 0; repetition < REPETITIONS; repetition++) {
            String unit = district(repetition % DISTRICTS);
            long started = System.nanoTime();
            int usedBefore = fixture.tierFlow.selection().quota(NINGXIA, TIER, unit).used();
            int allocated = usedBefore + QUOTA;
            fixture.tierFlow.selection().allocate(NINGXIA, TIER, "nx", Map.of(unit, allocated), "nx-approver");
            List<String> taskIds = prepareNominations(unit, repetition);
            assertThat(taskIds).hasSize(CONTENDERS);
            long prepared = System.nanoTime();
            preparing += prepared - started;

            CountDownLatch ready = new CountDownLatch(CONTENDERS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (String taskId : taskIds) {
                outcomes.add(approvers.submit(() -> {
                    ready.countDown();
                    go.await();
                    try {
                        fixture.tierFlow.reviews().decide(taskId, unit + "-approver", Decision.pass("同意 / agreed"));
                        return true;
                    } catch (QuotaExceededException refused) {
                        assertThat(refused.unitId()).isEqualTo(unit);
                        assertThat(refused.allocated()).isEqualTo(allocated);
                        assertThat(refused.used()).isEqualTo(allocated);
                        return false;
                    }
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            int passed = 0;
            int refused = 0;
            for (Future<Boolean> outcome : outcomes) {
                // An unexpected error (anything but a QuotaExceededException) fails the test here, with its cause.
                if (outcome.get(60, TimeUnit.SECONDS)) {
                    passed++;
                } else {
                    refused++;
                }
            }

            racing += System.nanoTime() - prepared;
            assertThat(passed).as("passed in repetition %d", repetition).isLessThanOrEqualTo(QUOTA);
            assertThat(passed).as("with %d contenders the quota of %d fills up", CONTENDERS, QUOTA).isEqualTo(QUOTA);
            assertThat(refused).as("every loser was refused for the quota").isEqualTo(CONTENDERS - passed);
            assertThat(fixture.tierFlow.selection().quota(NINGXIA, TIER, unit))
                    .isEqualTo(new Quota(NINGXIA, TIER, unit, true, allocated, usedBefore + passed, QUOTA - passed));
            assertThat(waitingAt(unit)).as("the refused are still waiting").hasSize(CONTENDERS - passed);
            totalPassed += passed;
        }
        System.out.printf("%d repetitions: preparing %d ms, racing %d ms%n", REPETITIONS, preparing / 1_000_000,
                racing / 1_000_000);
        Quota tier = fixture.tierFlow.selection().quota(NINGXIA, TIER, "nx");
        assertThat(tier.used()).as("the tier's total counted every pass once").isEqualTo(totalPassed);
    }

    /** Tops the district's waiting nominations up to fifty in one engine command, and returns their reviews. */
    private List<String> prepareNominations(String unit, int repetition) {
        int missing = CONTENDERS - waitingAt(unit).size();
        fixture.engine.getManagementService().executeCommand(commandContext -> {
            for (int i = 0; i < missing; i++) {
                fixture.tierFlow.nominations().submit(new NominationSubmission(NINGXIA, TIER,
                        "racer-" + repetition + "-" + i, unit + "-s", TierFlowTestEngine.eligibleFacts(TIER), List.of()));
            }
            return null;
        });
        return waitingAt(unit).stream().map(Task::getId).toList();
    }

    private List<Task> waitingAt(String unit) {
        return fixture.engine.getTaskService().createTaskQuery()
                .processDefinitionKey(TierFlowBpmn.LEVEL_REVIEW_PROCESS)
                .taskDefinitionKey(TierFlowBpmn.TASK_REVIEW_NOMINATION)
                .processVariableValueEquals(TierFlowBpmn.VAR_REVIEW_UNIT_ID, unit)
                .list();
    }
}
