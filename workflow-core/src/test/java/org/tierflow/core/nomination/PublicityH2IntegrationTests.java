package org.tierflow.core.nomination;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/** Publicity on H2, the embedded default. */
class PublicityH2IntegrationTests extends PublicityScenarios {

    private HikariDataSource dataSource;

    @Override
    DataSource dataSource() {
        dataSource = TestDatabases.h2("publicity");
        return dataSource;
    }

    @Override
    void closeDatabase() {
        dataSource.close();
    }
}
