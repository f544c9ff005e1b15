package org.tierflow.core.nomination;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/** Quota scopes and assessments on H2, the embedded default. */
class QuotaScopeAndAssessmentH2IntegrationTests extends QuotaScopeAndAssessmentScenarios {

    private HikariDataSource dataSource;

    @Override
    DataSource dataSource() {
        dataSource = TestDatabases.h2("scopes");
        return dataSource;
    }

    @Override
    void closeDatabase() {
        dataSource.close();
    }
}
