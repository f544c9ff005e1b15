package org.tierflow.core.api;

import java.util.List;

/**
 * The training-hour ledger of selected candidates (培养周期的学时记录), checked against the tier's training
 * requirement (per-category minimums, a total, share rules, a window).
 *
 * <p>Hours count from the day the candidate was selected (the deciding level passed the nomination) for the
 * requirement's window: a {@code P1Y} window selected on 1 March 2024 takes hours dated 1 March 2024 to
 * 28 February 2025. Days are calendar days in China Standard Time (Asia/Shanghai), by the engine's clock.
 *
 * <p>The ledger is append-only: rows are never changed or deleted. Every method is one transaction.
 */
public interface TrainingService {

    /**
     * Records hours, once. Sending the same record again (same {@code source} and {@code externalRecordId},
     * same content) returns the stored row and changes nothing, so a source may retry freely, even
     * concurrently.
     *
     * @return the stored row
     * @throws InvalidRequestException naming every wrong field: a missing field, an unknown category, hours
     *                                 not in (0, 24] or with more than two decimals, a date outside the window
     *                                 or in the future; or when a different record was already stored under
     *                                 the same source and id (code {@code conflicting-hour-record}, naming the
     *                                 fields that differ); or when the nomination is not {@code SELECTED}
     *                                 (code {@code not-selected}) or its tier has no training requirement
     *                                 (code {@code no-training-requirement}). Nothing is stored.
     * @throws NotFoundException       when the nomination does not exist
     */
    LedgerEntry record(HourRecord record);

    /** The nomination's ledger, by date, then in the order recorded. */
    List<LedgerEntry> ledger(String nominationId);

    /**
     * Where the candidate stands against the tier's training requirement.
     *
     * @throws InvalidRequestException when the nomination was never selected or its tier has no training
     *                                 requirement
     * @throws NotFoundException       when the nomination does not exist
     */
    TrainingProgress progress(String nominationId);
}
