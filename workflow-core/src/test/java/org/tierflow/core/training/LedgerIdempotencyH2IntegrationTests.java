package org.tierflow.core.training;

/** Ledger idempotency on H2, the embedded default. */
class LedgerIdempotencyH2IntegrationTests extends LedgerIdempotencyScenarios {

    @Override
    AfterSelectionFixture startFixture() {
        return AfterSelectionFixture.onH2("ledger-idempotency");
    }
}
