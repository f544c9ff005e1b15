package org.tierflow.core.nomination;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/** Selection under quota on H2, the embedded default. */
class SelectionH2IntegrationTests extends SelectionScenarios {

    private HikariDataSource dataSource;

    @Override
    DataSource dataSource() {
        dataSource = TestDatabases.h2("selection");
        return dataSource;
    }

    @Override
    void closeDatabase() {
        dataSource.close();
    }
}
