package org.tierflow.core.api.program;

import java.math.BigDecimal;
import java.util.List;

/**
 * Funding per candidate. Items are "of which" parts: their sum never exceeds the total.
 *
 * @param unit      the unit of all amounts, e.g. {@code 万元} (10,000 CNY)
 * @param perPerson the total per candidate
 * @param items     named parts of that total
 */
public record Funding(LocalizedText unit, BigDecimal perPerson, List<FundingItem> items) {

    public Funding {
        items = List.copyOf(items);
    }
}
