package org.tierflow.core.nomination;

import java.io.IOException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Batch selections applied by jobs on a real PostgreSQL, as in production. */
class AsyncBatchPostgresIntegrationTests extends AsyncBatchScenarios {

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
}
