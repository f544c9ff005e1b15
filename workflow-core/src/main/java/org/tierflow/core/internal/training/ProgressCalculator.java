package org.tierflow.core.internal.training;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.tierflow.core.api.TrainingProgress;
import org.tierflow.core.api.program.HourCategory;
import org.tierflow.core.api.program.HourRatioRule;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.TrainingRequirement;

/**
 * Compares recorded hours with a training requirement and says, in words, the least that is still missing.
 * Pure: no database, no clock.
 */
final class ProgressCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int MAX_PASSES = 20;

    private ProgressCalculator() {
    }

    static TrainingProgress progress(String nominationId, LocalDate windowStart, LocalDate windowEnd,
                                     TrainingRequirement requirement, Map<String, BigDecimal> recordedByCategory) {
        BigDecimal totalRecorded = recordedByCategory.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);

        List<TrainingProgress.Category> categories = new ArrayList<>();
        BigDecimal sumOfMinimums = BigDecimal.ZERO;
        Map<String, BigDecimal> extra = new LinkedHashMap<>();
        for (HourCategory category : requirement.categories()) {
            BigDecimal recorded = recordedByCategory.getOrDefault(category.code(), BigDecimal.ZERO);
            BigDecimal required = nonNegative(category.minHours());
            BigDecimal missing = positivePart(required.subtract(recorded));
            categories.add(new TrainingProgress.Category(category.code(), category.name(), plain(recorded),
                    plain(required), plain(missing), missing.signum() == 0));
            sumOfMinimums = sumOfMinimums.add(required);
            extra.put(category.code(), missing);
        }
        BigDecimal totalRequired = nonNegative(requirement.totalMinHours()).max(sumOfMinimums);
        BigDecimal totalMissing = positivePart(totalRequired.subtract(totalRecorded));

        List<TrainingProgress.Ratio> ratios = new ArrayList<>();
        for (HourRatioRule rule : requirement.ratios()) {
            BigDecimal inCategory = recordedByCategory.getOrDefault(rule.category(), BigDecimal.ZERO);
            ratios.add(new TrainingProgress.Ratio(rule.category(), nameOf(requirement, rule.category()),
                    percent(inCategory, totalRecorded), plain(rule.minPercent()),
                    shareMet(inCategory, totalRecorded, rule.minPercent())));
        }

        BigDecimal anyCategory = planRatios(requirement, recordedByCategory, totalRecorded, totalRequired, extra);

        List<LocalizedText> missing = new ArrayList<>();
        for (HourCategory category : requirement.categories()) {
            BigDecimal hours = extra.get(category.code());
            if (hours.signum() > 0) {
                missing.add(new LocalizedText("还差 " + format(hours) + " 课时" + category.name().zh(),
                        format(hours) + " more " + hoursWord(hours) + " of " + lowerFirst(category.name().en())));
            }
        }
        if (anyCategory.signum() > 0) {
            missing.add(new LocalizedText("还差 " + format(anyCategory) + " 课时（任意类别）",
                    format(anyCategory) + " more " + hoursWord(anyCategory) + " in any category"));
        }
        for (TrainingProgress.Ratio ratio : ratios) {
            if (!ratio.met()) {
                missing.add(new LocalizedText(
                        ratio.categoryName().zh() + "课时须占全部课时的 " + format(ratio.requiredPercent()) + "% 以上，目前为 "
                                + format(ratio.actualPercent()) + "%",
                        ratio.categoryName().en() + " must make up at least " + format(ratio.requiredPercent())
                                + " % of all hours; now " + format(ratio.actualPercent()) + " %"));
            }
        }
        boolean met = categories.stream().allMatch(TrainingProgress.Category::met) && totalMissing.signum() == 0
                && ratios.stream().allMatch(TrainingProgress.Ratio::met);
        return new TrainingProgress(nominationId, windowStart, windowEnd, categories, plain(totalRecorded),
                plain(totalRequired), plain(totalMissing), ratios, met, met ? List.of() : missing);
    }

    /**
     * Adds to {@code extra} the least hours per ratio category that, together with the category shortfalls,
     * meet every share rule and the total; returns the hours still missing that may go to any category.
     */
    private static BigDecimal planRatios(TrainingRequirement requirement, Map<String, BigDecimal> recorded,
                                         BigDecimal totalRecorded, BigDecimal totalRequired,
                                         Map<String, BigDecimal> extra) {
        BigDecimal planned = totalRecorded.add(extra.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        BigDecimal anyCategory = positivePart(totalRequired.subtract(planned));
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            boolean changed = false;
            for (HourRatioRule rule : requirement.ratios()) {
                BigDecimal share = rule.minPercent().divide(HUNDRED);
                BigDecimal inCategory = recorded.getOrDefault(rule.category(), BigDecimal.ZERO)
                        .add(extra.getOrDefault(rule.category(), BigDecimal.ZERO));
                BigDecimal add;
                if (share.compareTo(BigDecimal.ONE) >= 0) {
                    add = anyCategory;
                } else {
                    BigDecimal rest = BigDecimal.ONE.subtract(share);
                    // Only this category added: (c + x) / (T + x) >= p  <=>  x >= (pT - c) / (1 - p).
                    BigDecimal alone = positivePart(share.multiply(planned).subtract(inCategory))
                            .divide(rest, 2, RoundingMode.CEILING);
                    // Still short of the total anyway: of the hours still missing, enough in this category.
                    add = alone.compareTo(anyCategory) >= 0 ? alone
                            : positivePart(share.multiply(planned.add(anyCategory)).subtract(inCategory))
                                    .setScale(2, RoundingMode.CEILING);
                }
                if (add.signum() > 0) {
                    extra.merge(rule.category(), add, BigDecimal::add);
                    planned = planned.add(add);
                    anyCategory = positivePart(anyCategory.subtract(add));
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
        }
        return anyCategory;
    }

    private static boolean shareMet(BigDecimal inCategory, BigDecimal total, BigDecimal minPercent) {
        return inCategory.multiply(HUNDRED).compareTo(minPercent.multiply(total)) >= 0
                && (total.signum() > 0 || minPercent.signum() == 0);
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal total) {
        if (total.signum() == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return part.multiply(HUNDRED).divide(total, 2, RoundingMode.DOWN);
    }

    private static LocalizedText nameOf(TrainingRequirement requirement, String code) {
        return requirement.categories().stream().filter(c -> c.code().equals(code)).map(HourCategory::name)
                .findFirst().orElse(new LocalizedText(code, code));
    }

    private static BigDecimal nonNegative(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : positivePart(value);
    }

    private static BigDecimal positivePart(BigDecimal value) {
        return value.signum() > 0 ? value : BigDecimal.ZERO;
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static String format(BigDecimal value) {
        return plain(value).toPlainString();
    }

    private static String hoursWord(BigDecimal hours) {
        return hours.compareTo(BigDecimal.ONE) == 0 ? "hour" : "hours";
    }

    private static String lowerFirst(String text) {
        if (text.length() > 1 && Character.isUpperCase(text.charAt(0)) && Character.isLowerCase(text.charAt(1))) {
            return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
        }
        return text;
    }
}
