package org.tierflow.core.nomination;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;

/** The nomination scenarios on H2, the embedded default. */
class NominationReviewH2IntegrationTests extends NominationReviewScenarios {

    private HikariDataSource dataSource;

    @Override
    DataSource dataSource() {
        dataSource = TestDatabases.h2("nomination-review");
        return dataSource;
    }

    @Override
    void closeDatabase() {
        dataSource.close();
    }

    /** In-process H2: the engine writes one prepared insert per row, not MyBatis' multi-row inserts. */
    @Test
    void theEngineOnAnInProcessH2InsertsRowByRow() {
        ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) fixture.engine.getProcessEngineConfiguration();
        assertThat(engine.getDatabaseType()).isEqualTo("h2");
        assertThat(engine.getDbSqlSessionFactory().getBulkInserteableEntityClasses()).isEmpty();
    }
}
