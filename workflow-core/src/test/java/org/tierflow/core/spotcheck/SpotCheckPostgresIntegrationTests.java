package org.tierflow.core.spotcheck;

import org.tierflow.core.training.AfterSelectionFixture;

/** Spot checks on a real PostgreSQL, as in production (ordering, unique keys, time zones). */
class SpotCheckPostgresIntegrationTests extends SpotCheckScenarios {

    @Override
    AfterSelectionFixture startFixture() {
        return AfterSelectionFixture.onPostgres();
    }
}
