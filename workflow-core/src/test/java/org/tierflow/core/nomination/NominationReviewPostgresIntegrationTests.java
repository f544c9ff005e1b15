package org.tierflow.core.nomination;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.variable.service.impl.persistence.entity.VariableInstanceEntityImpl;
import org.junit.jupiter.api.Test;

/** The nomination scenarios on a real PostgreSQL, as in production. */
class NominationReviewPostgresIntegrationTests extends NominationReviewScenarios {

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

    /** Over the network the engine keeps its multi-row inserts: one round trip for many rows. */
    @Test
    void theEngineOnPostgresKeepsItsMultiRowInserts() {
        ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) fixture.engine.getProcessEngineConfiguration();
        assertThat(engine.getDatabaseType()).isEqualTo("postgres");
        assertThat(engine.getDbSqlSessionFactory().getBulkInserteableEntityClasses()).contains(VariableInstanceEntityImpl.class);
    }
}
