package org.tierflow.core.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of a nomination's training-hour ledger, as stored. The ledger is append-only.
 *
 * @param id               TierFlow's id of the row
 * @param nominationId     the nomination
 * @param source           who reported the hours
 * @param externalRecordId the record's id in the source
 * @param categoryCode     the category
 * @param hours            class hours
 * @param date             the day the training took place
 * @param description      what the training was, or {@code null}
 * @param recordedAt       when TierFlow stored the row (engine clock)
 */
public record LedgerEntry(String id, String nominationId, String source, String externalRecordId,
                          String categoryCode, BigDecimal hours, LocalDate date, String description,
                          Instant recordedAt) {
}
