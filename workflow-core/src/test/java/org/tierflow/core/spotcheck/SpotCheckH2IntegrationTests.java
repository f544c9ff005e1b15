package org.tierflow.core.spotcheck;

import org.tierflow.core.training.AfterSelectionFixture;

/** Spot checks on the embedded default database. */
class SpotCheckH2IntegrationTests extends SpotCheckScenarios {

    @Override
    AfterSelectionFixture startFixture() {
        return AfterSelectionFixture.onH2("spot-checks");
    }
}
