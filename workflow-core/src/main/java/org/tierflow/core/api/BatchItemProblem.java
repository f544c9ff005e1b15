package org.tierflow.core.api;

import org.tierflow.core.api.program.LocalizedText;

/**
 * Why one item of a batch selection cannot be applied.
 *
 * @param nominationId the item, or {@code null} for a problem of the whole batch (the round is closed, ...)
 * @param code         a stable code: {@code not-in-round}, {@code not-found}, {@code duplicate},
 *                     {@code not-authorized}, {@code claimed}, {@code quota-full}, {@code round-not-open},
 *                     {@code reason-required}, {@code nothing-selected}, {@code vetoed}, {@code batch-pending} (the
 *                     nomination is being applied by a batch submitted with {@link SelectionService#submitBatch})
 * @param reason       in Chinese and English
 */
public record BatchItemProblem(String nominationId, String code, LocalizedText reason) {
}
