package org.tierflow.core.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Training hours one source (a training platform, an institution, the host's own form) reports for a selected
 * candidate. {@code (source, externalRecordId)} identifies the record: sending it again is harmless.
 *
 * @param nominationId     the selected nomination the hours belong to
 * @param externalRecordId the record's id in the source, unique within the source; at most 200 characters
 * @param categoryCode     a category of the tier's training requirement, e.g. {@code online}
 * @param hours            class hours (课时), more than 0 and at most 24, at most two decimals
 * @param date             the day the training took place, inside the requirement's window and not in the future
 * @param source           who reports the hours, e.g. {@code qingdao-online-platform}; at most 100 characters
 * @param description      what the training was, optional; at most 2000 characters
 */
public record HourRecord(String nominationId, String externalRecordId, String categoryCode, BigDecimal hours,
                         LocalDate date, String source, String description) {
}
