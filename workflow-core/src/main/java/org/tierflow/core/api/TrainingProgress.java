package org.tierflow.core.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.tierflow.core.api.program.LocalizedText;

/**
 * How far a selected candidate is with the training hours the tier requires.
 *
 * @param nominationId  the nomination
 * @param windowStart   the first day hours count: the day the candidate was selected
 * @param windowEnd     the last day hours count: the day before {@code windowStart} plus the requirement's window
 * @param categories    per category of the requirement, in the definition's order
 * @param totalRecorded all hours recorded
 * @param totalRequired the hours required in all: the larger of the requirement's total and the sum of the
 *                      category minimums
 * @param totalMissing  {@code totalRequired - totalRecorded}, never negative
 * @param ratios        each share rule of the requirement
 * @param met           whether every category minimum, the total and every share rule are met
 * @param missing       what is still missing, in words a candidate understands ("还差 8 课时网络培训 / 8 more hours
 *                      of online training"); empty when {@code met}. The hours listed are the least that would
 *                      meet every rule if recorded in the categories named
 */
public record TrainingProgress(String nominationId, LocalDate windowStart, LocalDate windowEnd,
                               List<Category> categories, BigDecimal totalRecorded, BigDecimal totalRequired,
                               BigDecimal totalMissing, List<Ratio> ratios, boolean met, List<LocalizedText> missing) {

    public TrainingProgress {
        categories = List.copyOf(categories);
        ratios = List.copyOf(ratios);
        missing = List.copyOf(missing);
    }

    /**
     * One category's hours.
     *
     * @param code     the category's code
     * @param name     its name
     * @param recorded hours recorded in it
     * @param required its minimum, zero when any amount counts
     * @param missing  {@code required - recorded}, never negative
     * @param met      whether the minimum is reached
     */
    public record Category(String code, LocalizedText name, BigDecimal recorded, BigDecimal required,
                           BigDecimal missing, boolean met) {
    }

    /**
     * One share rule, e.g. practice ≥ 50 % of all hours.
     *
     * @param category        the category's code
     * @param categoryName    its name
     * @param actualPercent   the category's share of all recorded hours in percent, two decimals, rounded down;
     *                        zero when nothing is recorded
     * @param requiredPercent the share required
     * @param met             whether the share is reached (compared exactly, not on the rounded percentage)
     */
    public record Ratio(String category, LocalizedText categoryName, BigDecimal actualPercent,
                        BigDecimal requiredPercent, boolean met) {
    }
}
