package org.tierflow.core.kinds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tierflow.core.kinds.SchoolsAndProjectsFixture.PROGRAM;
import static org.tierflow.core.kinds.SchoolsAndProjectsFixture.deputyOf;
import static org.tierflow.core.kinds.SchoolsAndProjectsFixture.headOf;
import static org.tierflow.core.kinds.SchoolsAndProjectsFixture.reviewerOf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationSubmission;
import org.tierflow.core.api.PhaseStatus;
import org.tierflow.core.nomination.TestDatabases;

/**
 * Program B's schools and projects on a real PostgreSQL: one nomination per school and tier holds when two of the
 * school's approvers submit at the same moment (the unique key decides, not the check before it), and the phases
 * run on PostgreSQL too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchoolsAndProjectsPostgresIntegrationTests {

    EmbeddedPostgres postgres;
    HikariDataSource database;
    SchoolsAndProjectsFixture fixture;

    @BeforeAll
    void start() {
        postgres = TestDatabases.startPostgres();
        database = TestDatabases.pooled(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        fixture = SchoolsAndProjectsFixture.on(database);
    }

    @AfterAll
    void stop() throws Exception {
        fixture.close();
        database.close();
        postgres.close();
    }

    @Test
    void twoApproversSubmittingTheirSchoolAtOnceGetOneNomination() throws Exception {
        String school = "shinan-school-1";
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Nomination>> results = new ArrayList<>();
        try {
            for (String submitter : List.of(headOf(school), deputyOf(school))) {
                results.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return fixture.tierFlow.nominations().submit(new NominationSubmission(PROGRAM, "benchmark-school",
                            submitter, school, Map.of("digitalPlanAdopted", true), List.of()));
                }));
            }
            ready.await();
            go.countDown();
            int stored = 0;
            List<Throwable> refusals = new ArrayList<>();
            for (Future<Nomination> result : results) {
                try {
                    result.get(60, TimeUnit.SECONDS);
                    stored++;
                } catch (java.util.concurrent.ExecutionException e) {
                    refusals.add(e.getCause());
                }
            }
            assertThat(stored).isEqualTo(1);
            assertThat(refusals).singleElement().isInstanceOfSatisfying(InvalidRequestException.class,
                    refusal -> assertThat(refusal.code()).isEqualTo("school-already-nominated"));
        } finally {
            pool.shutdownNow();
        }
        assertThat(fixture.count("tierflow_nomination", "unit_id = ? and tier_code = ?", school, "benchmark-school"))
                .isEqualTo(1);
    }

    @Test
    void aProjectsPhasesRunOnPostgres() {
        Nomination tool = fixture.select(fixture.tierFlow.nominations().submit(NominationSubmission.project(PROGRAM,
                "tool-rollout", headOf("licang-school-1"), "licang-school-1", "智慧体育课 / Smart PE lessons",
                Map.of("inUseMonths", 9), List.of())));

        fixture.tierFlow.lifecycle().decidePhase(tool.id(), reviewerOf("licang"), true, "试点通过");
        fixture.tierFlow.lifecycle().decidePhase(tool.id(), reviewerOf("qingdao"), false, "培训参与度低");

        assertThat(fixture.tierFlow.lifecycle().phases(tool.id())).extracting(PhaseStatus::state).containsExactly(
                PhaseStatus.State.PASSED, PhaseStatus.State.FAILED, PhaseStatus.State.PENDING);
        assertThat(fixture.runningInstances(tool.id())).isZero();
        assertThat(fixture.count("tierflow_phase", "nomination_id = ?", tool.id())).isEqualTo(2);
    }
}
