package org.tierflow.core.nomination;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.tierflow.core.api.ConcurrentChangeException;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationState;
import org.tierflow.core.api.Objection;
import org.tierflow.core.api.ObjectionOutcome;
import org.tierflow.core.api.Publication;
import org.tierflow.core.api.PublicityEntryStatus;

/**
 * Publicity on a real PostgreSQL, as in production: the scenarios, and two reviewers resolving the same objection
 * at the same moment — the publication's row lock lets exactly one win, the other is told it was already resolved.
 */
class PublicityPostgresIntegrationTests extends PublicityScenarios {

    private EmbeddedPostgres postgres;
    private HikariDataSource dataSource;

    @Override
    DataSource dataSource() {
        postgres = TestDatabases.startPostgres();
        dataSource = TestDatabases.pooled(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        return dataSource;
    }

    @Override
    void closeDatabase() throws IOException {
        dataSource.close();
        postgres.close();
    }

    @Test
    void twoReviewersResolvingOneObjectionAtOnceOneWinsAndTheOtherIsToldItIsResolved() throws Exception {
        ExecutorService reviewers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                clock.setCurrentTime(Date.from(PUBLISHED.minus(Duration.ofDays(1))));
                Nomination candidate = selectAt("prace-d1");
                clock.setCurrentTime(Date.from(PUBLISHED));
                Publication publication = publicity.publish(TierFlowTestEngine.NINGXIA, BACKBONE, "prace-d1", "prace-d1-approver");
                Objection objection = publicity.fileObjection(publication.id(), candidate.id(), "public-" + round,
                        "异议 / objection " + round);

                CountDownLatch go = new CountDownLatch(1);
                List<Future<ObjectionOutcome>> results = new ArrayList<>();
                for (ObjectionOutcome outcome : List.of(ObjectionOutcome.UPHELD, ObjectionOutcome.DISMISSED)) {
                    String reviewer = outcome == ObjectionOutcome.UPHELD ? "prace-d1-approver" : "prace-d1-approver-2";
                    Callable<ObjectionOutcome> resolve = () -> {
                        go.await();
                        try {
                            return publicity.resolveObjection(objection.id(), reviewer, outcome, "决定 / decided")
                                    .objection().outcome();
                        } catch (InvalidRequestException | ConcurrentChangeException e) {
                            return null;
                        }
                    };
                    results.add(reviewers.submit(resolve));
                }
                go.countDown();
                List<ObjectionOutcome> won = new ArrayList<>();
                for (Future<ObjectionOutcome> result : results) {
                    ObjectionOutcome outcome = result.get();
                    if (outcome != null) {
                        won.add(outcome);
                    }
                }

                assertThat(won).as("exactly one resolution holds").hasSize(1);
                Objection stored = publicity.objections(publication.id(), "prace-d1-approver").get(0);
                assertThat(stored.outcome()).isEqualTo(won.get(0));
                PublicityEntryStatus status = status(publicity.publication(publication.id()), candidate.id());
                NominationState state = nominations.get(candidate.id()).state();
                if (won.get(0) == ObjectionOutcome.UPHELD) {
                    assertThat(status).isEqualTo(PublicityEntryStatus.REMOVED);
                    assertThat(state).isEqualTo(NominationState.REJECTED);
                } else {
                    assertThat(status).isEqualTo(PublicityEntryStatus.PUBLISHED);
                    assertThat(state).isEqualTo(NominationState.SELECTED);
                }
            }
        } finally {
            reviewers.shutdownNow();
        }
    }
}
