package org.tierflow.core.nomination;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/** Expert panels on H2, the embedded default. */
class PanelH2IntegrationTests extends PanelScenarios {

    private HikariDataSource dataSource;

    @Override
    DataSource dataSource() {
        dataSource = TestDatabases.h2("panels");
        return dataSource;
    }

    @Override
    void closeDatabase() {
        dataSource.close();
    }
}
