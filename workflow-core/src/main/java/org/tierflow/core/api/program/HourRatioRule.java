package org.tierflow.core.api.program;

import java.math.BigDecimal;

/**
 * A share of all recorded hours that one category must reach, e.g. practice ≥ 50 %.
 *
 * @param category   the category's code
 * @param minPercent between 0 and 100
 */
public record HourRatioRule(String category, BigDecimal minPercent) {
}
