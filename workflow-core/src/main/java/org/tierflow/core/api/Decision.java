package org.tierflow.core.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A level's decision on a nomination.
 *
 * @param outcome     what was decided
 * @param comment     the approver's comment; required for anything but {@link DecisionOutcome#PASS}
 * @param attachments references to documents the host stores (ids or URLs)
 * @param data        extra data kept with the decision (scores, interview notes, ...)
 */
public record Decision(DecisionOutcome outcome, String comment, List<String> attachments, Map<String, Object> data) {

    public Decision {
        Objects.requireNonNull(outcome, "outcome");
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    public static Decision pass(String comment) {
        return new Decision(DecisionOutcome.PASS, comment, List.of(), Map.of());
    }

    public static Decision reject(String reason) {
        return new Decision(DecisionOutcome.REJECT, reason, List.of(), Map.of());
    }

    public static Decision returnToApplicant(String reason) {
        return new Decision(DecisionOutcome.RETURN_TO_APPLICANT, reason, List.of(), Map.of());
    }

    public static Decision returnToLowerLevel(String reason) {
        return new Decision(DecisionOutcome.RETURN_TO_LOWER_LEVEL, reason, List.of(), Map.of());
    }

    /** The same decision with these attachments. */
    public Decision withAttachments(List<String> references) {
        return new Decision(outcome, comment, references, data);
    }

    /** The same decision with this extra data. */
    public Decision withData(Map<String, Object> extra) {
        return new Decision(outcome, comment, attachments, extra);
    }
}
