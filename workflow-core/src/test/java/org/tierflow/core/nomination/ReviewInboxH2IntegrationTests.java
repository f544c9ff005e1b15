package org.tierflow.core.nomination;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/** The inbox scenarios on H2, the embedded default. */
class ReviewInboxH2IntegrationTests extends ReviewInboxScenarios {

    private HikariDataSource dataSource;

    @Override
    DataSource dataSource() {
        dataSource = TestDatabases.h2("review-inbox");
        return dataSource;
    }

    @Override
    void closeDatabase() {
        dataSource.close();
    }
}
