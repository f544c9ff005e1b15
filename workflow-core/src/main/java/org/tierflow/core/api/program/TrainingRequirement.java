package org.tierflow.core.api.program;

import java.math.BigDecimal;
import java.time.Period;
import java.util.List;

/**
 * The training-hour rules of a tier: per-category minimums, a total, share rules, within a window.
 *
 * @param window        the period in which hours count (e.g. P5Y for the national 2.0 project)
 * @param totalMinHours hours required in all, zero when only categories count
 * @param categories    the categories hours are recorded under
 * @param ratios        share rules over the total
 */
public record TrainingRequirement(Period window, BigDecimal totalMinHours, List<HourCategory> categories,
                                  List<HourRatioRule> ratios) {

    public TrainingRequirement {
        categories = List.copyOf(categories);
        ratios = List.copyOf(ratios);
    }
}
