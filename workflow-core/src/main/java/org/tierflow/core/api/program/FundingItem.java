package org.tierflow.core.api.program;

import java.math.BigDecimal;

/**
 * A named part of the per-person funding, e.g. study abroad 1.5.
 *
 * @param code   unique within the tier's funding
 * @param name   shown in the task book
 * @param amount in the funding's unit
 */
public record FundingItem(String code, LocalizedText name, BigDecimal amount) {
}
