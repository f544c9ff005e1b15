package org.tierflow.core.internal.lifecycle;

import java.math.BigDecimal;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.tierflow.core.api.TaskBook;
import org.tierflow.core.api.program.AcceptanceDefinition;
import org.tierflow.core.api.program.Funding;
import org.tierflow.core.api.program.FundingItem;
import org.tierflow.core.api.program.HourCategory;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.ReviewChain;
import org.tierflow.core.api.program.TierDefinition;
import org.tierflow.core.api.program.TrainingRequirement;

/**
 * What a task book says, generated from the tier's definition once, when it is created, and stored as JSON so a
 * later change of the definition does not alter a task book already issued.
 */
final class TaskBookContent {

    private TaskBookContent() {
    }

    /** Goals, plan items and funding by item, from the definition. */
    static Map<String, Object> generate(TierDefinition tier, ReviewChain acceptanceChain) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("goals", tier.taskBook().orElseThrow().goals().stream().map(TaskBookContent::text).toList());
        content.put("plan", plan(tier, acceptanceChain).stream().map(TaskBookContent::text).toList());
        tier.funding().ifPresent(funding -> {
            content.put("funding", fundingLines(funding).stream().map(line -> {
                Map<String, Object> item = new LinkedHashMap<>(text(line.name()));
                item.put("code", line.code());
                item.put("amount", line.amount().toPlainString());
                return item;
            }).toList());
            content.put("fundingTotal", funding.perPerson().toPlainString());
            content.put("fundingUnit", text(funding.unit()));
        });
        return content;
    }

    /** The items, then what the items leave of the per-person total as "other". */
    static List<TaskBook.FundingLine> fundingLines(Funding funding) {
        List<TaskBook.FundingLine> lines = new ArrayList<>();
        BigDecimal itemised = BigDecimal.ZERO;
        for (FundingItem item : funding.items()) {
            lines.add(new TaskBook.FundingLine(item.code(), item.name(), item.amount()));
            itemised = itemised.add(item.amount());
        }
        BigDecimal rest = funding.perPerson().subtract(itemised);
        if (rest.signum() > 0) {
            lines.add(new TaskBook.FundingLine("other", new LocalizedText("其他（未分项）", "Other (not itemised)"), rest));
        }
        return lines;
    }

    private static List<LocalizedText> plan(TierDefinition tier, ReviewChain acceptanceChain) {
        List<LocalizedText> plan = new ArrayList<>();
        LocalizedText period = period(tier.implementationPeriod());
        plan.add(new LocalizedText("培养周期：自任务书签订之日起 " + period.zh(),
                "Implementation period: " + period.en() + " from the day the task book is signed"));
        tier.training().ifPresent(training -> plan.addAll(training(training)));
        tier.acceptance().ifPresent(acceptance -> plan.add(acceptance(acceptance, acceptanceChain)));
        tier.evaluation().ifPresent(evaluation -> plan.add(new LocalizedText(
                "综合考评：" + evaluation.parties().stream().map(p -> p.name().zh()).collect(Collectors.joining("、"))
                        + "评分，合格分 " + evaluation.passScore().toPlainString(),
                "Comprehensive evaluation by " + evaluation.parties().stream().map(p -> p.name().en())
                        .collect(Collectors.joining(", ")) + "; pass score " + evaluation.passScore().toPlainString())));
        return plan;
    }

    private static List<LocalizedText> training(TrainingRequirement training) {
        List<LocalizedText> items = new ArrayList<>();
        for (HourCategory category : training.categories()) {
            if (category.minHours() != null && category.minHours().signum() > 0) {
                items.add(new LocalizedText(category.name().zh() + "不少于 " + category.minHours().toPlainString() + " 学时",
                        category.name().en() + ": at least " + category.minHours().toPlainString() + " hours"));
            }
        }
        if (training.totalMinHours() != null && training.totalMinHours().signum() > 0) {
            items.add(new LocalizedText("培训合计不少于 " + training.totalMinHours().toPlainString() + " 学时",
                    "Training in all: at least " + training.totalMinHours().toPlainString() + " hours"));
        }
        return items;
    }

    private static LocalizedText acceptance(AcceptanceDefinition acceptance, ReviewChain chain) {
        String zh = chain.steps().stream().map(s -> s.name().zh()).collect(Collectors.joining(" → "));
        String en = chain.steps().stream().map(s -> s.name().en()).collect(Collectors.joining(" → "));
        LocalizedText extension = period(acceptance.extension());
        return new LocalizedText(
                "考核验收：" + zh + (acceptance.onSite() ? "（原则上现场验收）" : "") + "；未通过的延长工作期 " + extension.zh()
                        + " 进行整改，最多 " + acceptance.maxExtensions() + " 次",
                "Acceptance: " + en + (acceptance.onSite() ? " (on site in principle)" : "") + "; a failed acceptance"
                        + " extends the working period by " + extension.en() + " for rectification, at most "
                        + acceptance.maxExtensions() + " time(s)");
    }

    /** "1年" / "1 year", "6个月" / "6 months", "30天" / "30 days". */
    static LocalizedText period(Period period) {
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        if (period.getYears() != 0) {
            zh.add(period.getYears() + "年");
            en.add(period.getYears() + (period.getYears() == 1 ? " year" : " years"));
        }
        if (period.getMonths() != 0) {
            zh.add(period.getMonths() + "个月");
            en.add(period.getMonths() + (period.getMonths() == 1 ? " month" : " months"));
        }
        if (period.getDays() != 0 || zh.isEmpty()) {
            zh.add(period.getDays() + "天");
            en.add(period.getDays() + (period.getDays() == 1 ? " day" : " days"));
        }
        return new LocalizedText(String.join("", zh), String.join(" ", en));
    }

    private static Map<String, Object> text(LocalizedText text) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("zh", text.zh());
        map.put("en", text.en());
        return map;
    }

    @SuppressWarnings("unchecked")
    static List<LocalizedText> texts(Object list) {
        if (list == null) {
            return List.of();
        }
        return ((List<Map<String, Object>>) list).stream()
                .map(m -> new LocalizedText((String) m.get("zh"), (String) m.get("en"))).toList();
    }

    @SuppressWarnings("unchecked")
    static List<TaskBook.FundingLine> funding(Object list) {
        if (list == null) {
            return List.of();
        }
        return ((List<Map<String, Object>>) list).stream()
                .map(m -> new TaskBook.FundingLine((String) m.get("code"),
                        new LocalizedText((String) m.get("zh"), (String) m.get("en")), new BigDecimal((String) m.get("amount"))))
                .toList();
    }

    @SuppressWarnings("unchecked")
    static LocalizedText textOrNull(Object map) {
        if (map == null) {
            return null;
        }
        Map<String, Object> m = (Map<String, Object>) map;
        return new LocalizedText((String) m.get("zh"), (String) m.get("en"));
    }
}
