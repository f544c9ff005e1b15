package org.tierflow.core.api.program;

import java.math.BigDecimal;

/**
 * A category of training hours (centralised, online, practice base, ...).
 *
 * @param code     unique within the requirement
 * @param name     shown in the hour ledger
 * @param minHours hours required in this category, zero when any amount counts
 */
public record HourCategory(String code, LocalizedText name, BigDecimal minHours) {
}
