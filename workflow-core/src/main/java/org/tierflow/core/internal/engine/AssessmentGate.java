package org.tierflow.core.internal.engine;

import java.util.List;
import java.util.stream.Collectors;

import org.tierflow.core.api.AssessmentsNotPassedException;
import org.tierflow.core.api.program.Assessment;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.ReviewAction;
import org.tierflow.core.api.program.ReviewStep;
import org.tierflow.core.api.program.TierDefinition;
import org.tierflow.core.internal.persistence.AssessmentResults;
import org.tierflow.core.internal.persistence.NominationEntity;

/** The deciding step passes only candidates with a passing latest result in every assessment of their tier. */
final class AssessmentGate {

    private AssessmentGate() {
    }

    /**
     * Refuses a pass at the deciding step of a candidate whose assessments are missing or failed; does nothing at
     * any other step or in a tier without assessments.
     *
     * @throws AssessmentsNotPassedException naming each missing and failed assessment; nothing was changed
     */
    static void requirePassed(TierFlowRuntime runtime, NominationEntity nomination, ReviewStep step) {
        if (step.action() != ReviewAction.DECIDE) {
            return;
        }
        TierDefinition tier = runtime.tier(nomination.getProgramCode(), nomination.getTierCode());
        if (tier.assessments().isEmpty()) {
            return;
        }
        AssessmentResults.Standing standing = new AssessmentResults(runtime.persistence().currentSession())
                .standing(tier, nomination.getId());
        if (standing.passed()) {
            return;
        }
        StringBuilder zh = new StringBuilder("申报 " + nomination.getId() + " 尚未通过“" + tier.name().zh() + "”要求的考核，不能确定入选：");
        StringBuilder en = new StringBuilder("nomination " + nomination.getId() + " has not passed the assessments '"
                + tier.name().en() + "' requires, so it cannot be selected:");
        if (!standing.missing().isEmpty()) {
            zh.append("缺少成绩：").append(names(standing.missing(), true)).append("；");
            en.append(" no result in ").append(names(standing.missing(), false)).append(";");
        }
        if (!standing.failed().isEmpty()) {
            zh.append("未达合格分：").append(names(standing.failed(), true)).append("；");
            en.append(" below the pass mark in ").append(names(standing.failed(), false)).append(";");
        }
        throw new AssessmentsNotPassedException(nomination.getId(), codes(standing.missing()), codes(standing.failed()),
                new LocalizedText(zh.substring(0, zh.length() - 1), en.substring(0, en.length() - 1)));
    }

    private static String names(List<Assessment> assessments, boolean zh) {
        return assessments.stream()
                .map(a -> zh ? a.name().zh() + "（" + a.code() + "，合格分 " + a.passMark().toPlainString() + "）"
                        : a.name().en() + " (" + a.code() + ", pass mark " + a.passMark().toPlainString() + ")")
                .collect(Collectors.joining(zh ? "、" : ", "));
    }

    private static List<String> codes(List<Assessment> assessments) {
        return assessments.stream().map(Assessment::code).toList();
    }
}
