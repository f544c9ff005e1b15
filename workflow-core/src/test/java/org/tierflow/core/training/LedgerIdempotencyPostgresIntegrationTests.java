package org.tierflow.core.training;

/** Ledger idempotency on a real PostgreSQL, as in production: the unique key decides races between re-sends. */
class LedgerIdempotencyPostgresIntegrationTests extends LedgerIdempotencyScenarios {

    @Override
    AfterSelectionFixture startFixture() {
        return AfterSelectionFixture.onPostgres();
    }
}
