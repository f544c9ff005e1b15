package org.tierflow.examples.customhandler;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

import org.tierflow.core.api.DecisionOutcome;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.spi.DecisionContext;
import org.tierflow.core.spi.DecisionHandler;

/**
 * A district's own rule: before its bureau passes a candidate on, someone from the bureau has observed a lesson
 * (听评课) and scored it; a pass needs the score in the decision's data ({@value #SCORE}, 0–100) at or above the
 * pass mark. Rejections and returns need no score, and decisions of the district's schools are left alone (TierFlow
 * also asks this handler about them, since it is registered for the district and every unit below it).
 *
 * <p>A veto reaches the approver in both languages, and nothing changes; a pass keeps the pass mark in the
 * timeline beside the score.
 */
public final class TeachingObservationRequired implements DecisionHandler {

    /** Key of the score in {@code Decision.data()}. */
    public static final String SCORE = "teachingObservationScore";

    /** Key under which the pass mark is kept with the decision. */
    public static final String PASS_MARK = "teachingObservationPassMark";

    private static final BigDecimal MAX = BigDecimal.valueOf(100);

    private final BigDecimal passMark;

    public TeachingObservationRequired(BigDecimal passMark) {
        this.passMark = Objects.requireNonNull(passMark, "passMark");
    }

    @Override
    public Optional<LocalizedText> beforeDecision(DecisionContext context) {
        if (context.step().level() != OrganisationLevel.DISTRICT || context.decision().outcome() != DecisionOutcome.PASS) {
            return Optional.empty();
        }
        Object raw = context.decision().data().get(SCORE);
        if (raw == null || raw.toString().isBlank()) {
            return Optional.of(new LocalizedText(
                    "本区推荐前须先听评课：请填写听评课评分（" + SCORE + "，0–100，合格线 " + passMark.toPlainString() + "）",
                    "this district passes a candidate on only after observing a lesson: give the teaching-observation"
                            + " score (" + SCORE + ", 0–100, pass mark " + passMark.toPlainString() + ")"));
        }
        BigDecimal score;
        try {
            score = raw instanceof Number number ? new BigDecimal(number.toString()) : new BigDecimal(raw.toString().trim());
        } catch (NumberFormatException e) {
            return Optional.of(invalid(raw));
        }
        if (score.signum() < 0 || score.compareTo(MAX) > 0) {
            return Optional.of(invalid(raw));
        }
        if (score.compareTo(passMark) < 0) {
            return Optional.of(new LocalizedText(
                    "听评课评分 " + score.toPlainString() + " 低于合格线 " + passMark.toPlainString() + "，本区不能推荐；可以不通过或退回申请人",
                    "the teaching-observation score " + score.toPlainString() + " is below the pass mark "
                            + passMark.toPlainString() + ", so the district cannot pass the candidate on; reject or"
                            + " return the nomination instead"));
        }
        context.addData(PASS_MARK, passMark.toPlainString());
        return Optional.empty();
    }

    private static LocalizedText invalid(Object raw) {
        return new LocalizedText("听评课评分必须是 0–100 之间的数，实际为 “" + raw + "”",
                "the teaching-observation score must be a number from 0 to 100, got '" + raw + "'");
    }
}
