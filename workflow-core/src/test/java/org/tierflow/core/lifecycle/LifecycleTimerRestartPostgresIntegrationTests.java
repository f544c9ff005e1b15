package org.tierflow.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tierflow.core.training.AfterSelectionFixture.QINGDAO;

import java.time.LocalDate;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tierflow.bpmn.TierFlowBpmn;
import org.tierflow.core.api.LifecyclePhase;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.nomination.TestDatabases;
import org.tierflow.core.training.AfterSelectionFixture;

/**
 * "Nothing is lost": the working-period timer of a selected candidate survives an engine restart on PostgreSQL.
 * The first engine selects the candidate and stops; a new engine (new TierFlow, new process engine) is built on the
 * same database; the clock moves past the end of the working period, and the timer fires exactly once.
 *
 * <p>Timers are run with {@code ManagementService.executeJob} on the test thread, not by the async executor: the
 * executor would fire them on its own threads at a moment the test does not control, so the test would have to
 * poll or sleep and could not tell "fired once" from "not fired yet". Moving the due job to the executable table
 * and executing it is exactly what the executor does, minus the threads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LifecycleTimerRestartPostgresIntegrationTests {

    EmbeddedPostgres postgres;
    HikariDataSource database;

    @BeforeAll
    void startDatabase() {
        postgres = TestDatabases.startPostgres();
        database = TestDatabases.pooled(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    }

    @AfterAll
    void stopDatabase() throws Exception {
        database.close();
        postgres.close();
    }

    @Test
    void theWorkingPeriodTimerFiresExactlyOnceAfterAnEngineRestart() throws Exception {
        Nomination teacher;
        try (AfterSelectionFixture first = AfterSelectionFixture.on(database, null)) {
            teacher = first.select(QINGDAO, "elite-teacher", "shinan-school-1", LocalDate.of(2024, 3, 1));
            assertThat(first.tierFlow.lifecycle().get(teacher.id()).orElseThrow().phase()).isEqualTo(LifecyclePhase.IMPLEMENTATION);
            assertThat(first.engine.getManagementService().createTimerJobQuery().count()).isEqualTo(1);
        }

        try (AfterSelectionFixture second = AfterSelectionFixture.on(database, null)) {
            assertThat(second.engine.getRepositoryService().createDeploymentQuery().count())
                    .as("the restart deploys nothing new").isEqualTo(1);

            second.today(LocalDate.of(2025, 2, 28));
            assertThat(second.fireDueTimers(teacher.id())).as("a day before the end").isEmpty();

            second.today(LocalDate.of(2025, 3, 1));
            assertThat(second.fireDueTimers(teacher.id())).containsExactly(TierFlowBpmn.EVENT_WORKING_PERIOD_ENDED);
            assertThat(second.fireDueTimers(teacher.id())).as("nothing fires twice").isEmpty();

            second.today(LocalDate.of(2025, 9, 1));
            assertThat(second.fireDueTimers(teacher.id())).as("nor later").isEmpty();
            assertThat(second.engine.getTaskService().createTaskQuery().processInstanceBusinessKey(teacher.id())
                    .taskDefinitionKey(TierFlowBpmn.TASK_COLLECT_EVALUATION_SCORES).count())
                    .as("the timer's path ran once: one evaluation").isEqualTo(1);
            assertThat(second.tierFlow.lifecycle().get(teacher.id()).orElseThrow().phase()).isEqualTo(LifecyclePhase.EVALUATION);

            second.qualify(teacher, LocalDate.of(2025, 9, 2));
            assertThat(second.tierFlow.evaluations().get(teacher.id()).total()).isEqualByComparingTo("100");
            second.tierFlow.credentials().issue(teacher.id(), AfterSelectionFixture.reviewerOf("qingdao"));
            assertThat(second.tierFlow.lifecycle().get(teacher.id()).orElseThrow().phase()).isEqualTo(LifecyclePhase.COMPLETED);
            assertThat(second.engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceBusinessKey(teacher.id()).count()).as("every process of the candidate ended").isZero();
        }
    }
}
