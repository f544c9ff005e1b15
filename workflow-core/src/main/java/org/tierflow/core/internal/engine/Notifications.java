package org.tierflow.core.internal.engine;

import java.util.List;

import org.tierflow.core.api.NominationState;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.ReviewStep;
import org.tierflow.core.internal.persistence.NominationEntity;
import org.tierflow.core.spi.Notification;
import org.tierflow.core.spi.NotificationKind;

/** Works out who should hear about what and hands the messages to the runtime for after-commit delivery. */
final class Notifications {

    private final TierFlowRuntime runtime;

    Notifications(TierFlowRuntime runtime) {
        this.runtime = runtime;
    }

    /** Tells each candidate reviewer that a review waits for them at this step. */
    void reviewWaiting(NominationEntity nomination, ReviewStep step, List<String> candidates) {
        if (runtime.notifier == null) {
            return;
        }
        LocalizedText what = what(nomination);
        String applicant = nomination.getApplicantId();
        LocalizedText subject = new LocalizedText("待审核：" + applicant + " 的" + what.zh(),
                "Review waiting: " + applicant + "'s " + what.en());
        LocalizedText body = new LocalizedText(
                "申请人 " + applicant + " 的" + what.zh() + "已到“" + step.name().zh() + "”环节，等待您审核。",
                "The " + what.en() + " of applicant " + applicant + " has reached the step '" + step.name().en()
                        + "' and is waiting for your review.");
        runtime.notifyAfterCommit(candidates.stream().distinct()
                .map(reviewer -> notification(reviewer, NotificationKind.REVIEW_WAITING, nomination, subject, body))
                .toList());
    }

    /** Tells the applicant when a decision moved the nomination into a state they should hear about. */
    void afterDecision(NominationState before, NominationEntity nomination, String reason) {
        NominationState now = nomination.getState();
        if (now == before) {
            return;
        }
        switch (now) {
            case RETURNED_FOR_CORRECTION -> toApplicant(NotificationKind.RETURNED_FOR_CORRECTION, nomination, reason);
            case REJECTED -> toApplicant(NotificationKind.REJECTED, nomination, reason);
            case SELECTED -> toApplicant(NotificationKind.SELECTED, nomination, reason);
            case WITHDRAWN -> toApplicant(NotificationKind.WITHDRAWN, nomination, reason);
            case IN_REVIEW -> { }
        }
    }

    /** Tells the applicant what happened to their nomination, with the reason when one was given. */
    void toApplicant(NotificationKind kind, NominationEntity nomination, String reason) {
        if (runtime.notifier == null) {
            return;
        }
        LocalizedText what = what(nomination);
        LocalizedText happened = switch (kind) {
            case RETURNED_FOR_CORRECTION -> new LocalizedText("已退回修改", "was returned for correction");
            case REJECTED -> new LocalizedText("未通过审核", "was rejected");
            case SELECTED -> new LocalizedText("已入选", "was selected");
            case WITHDRAWN -> new LocalizedText("已撤回", "was withdrawn");
            default -> throw new IllegalArgumentException(kind + " is not about a nomination's review");
        };
        LocalizedText subject = new LocalizedText("您的" + what.zh() + happened.zh(),
                "Your " + what.en() + " " + happened.en());
        boolean withReason = reason != null && !reason.isBlank();
        LocalizedText body = new LocalizedText(
                "您的" + what.zh() + happened.zh() + "。" + (withReason ? "原因：" + reason : ""),
                "Your " + what.en() + " " + happened.en() + "." + (withReason ? " Reason: " + reason : ""));
        runtime.notifyAfterCommit(List.of(notification(nomination.getApplicantId(), kind, nomination, subject, body)));
    }

    /** "申报“program”的“tier”" / "nomination for 'tier' in 'program'". */
    private LocalizedText what(NominationEntity nomination) {
        LocalizedText program = runtime.program(nomination.getProgramCode()).name();
        LocalizedText tier = runtime.tier(nomination.getProgramCode(), nomination.getTierCode()).name();
        return new LocalizedText("“" + program.zh() + "”“" + tier.zh() + "”申报",
                "nomination for '" + tier.en() + "' in '" + program.en() + "'");
    }

    private static Notification notification(String recipientId, NotificationKind kind, NominationEntity nomination,
                                             LocalizedText subject, LocalizedText body) {
        return new Notification(recipientId, kind, nomination.getId(), nomination.getProgramCode(),
                nomination.getTierCode(), subject, body);
    }
}
