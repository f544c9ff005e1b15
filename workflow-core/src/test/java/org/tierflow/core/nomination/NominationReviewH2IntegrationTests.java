package org.tierflow.core.nomination;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

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
}
