package org.tierflow.core.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tierflow.core.nomination.TierFlowTestEngine.NINGXIA;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.tierflow.core.api.BatchSelection;
import org.tierflow.core.api.InboxQuery;
import org.tierflow.core.api.NominationState;
import org.tierflow.core.api.SelectionRound;

/** Batch selections applied by jobs on H2, the embedded default; the large batch runs here only. */
class AsyncBatchH2IntegrationTests extends AsyncBatchScenarios {

    private HikariDataSource dataSource;

    @Override
    DataSource dataSource() {
        dataSource = TestDatabases.h2("async-batch");
        return dataSource;
    }

    @Override
    void closeDatabase() {
        dataSource.close();
    }

    @Test
    void aLargeBatchIsAppliedCompletelyByItsJobs() {
        int size = SelectionScenarios.LARGE_BATCH;
        selection.allocate(NINGXIA, BACKBONE, "nx", Map.of("big-d1", size), "nx-approver");
        List<String> ids = submitAll("big-d1-s1", size);
        SelectionRound round = openRoundNow("big-d1");

        BatchSelection batch = selection.submitBatch(round.id(), "big-d1-approver", rankedIds(round, "big-d1-approver"),
                "择优 / merit", false);
        assertThat(jobsOf(batch)).hasSize(7);
        assertThat(selection.quota(NINGXIA, BACKBONE, "big-d1").used()).isEqualTo(size);
        runJobs(batch);

        assertThat(selection.batchSelection(batch.id()).state()).isEqualTo(BatchSelection.State.APPLIED);
        assertThat(ids).allSatisfy(id -> assertThat(nominations.get(id).state()).isEqualTo(NominationState.SELECTED));
        assertThat(selection.quota(NINGXIA, BACKBONE, "big-d1").used()).isEqualTo(size);
        assertThat(reviews.inbox("big-d1-approver", InboxQuery.all()).total()).isZero();
    }
}
