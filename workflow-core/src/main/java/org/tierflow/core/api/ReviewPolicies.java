package org.tierflow.core.api;

import java.util.Objects;

/**
 * What TierFlow does when a level has nobody to act, or when the applicant would review their own nomination.
 *
 * @param emptyApprovers what to do when the directory names nobody for a level
 * @param administratorId the user who receives reviews under {@link EmptyApproverPolicy#ADMINISTRATOR}
 * @param selfApproval    what to do when the applicant is among a level's approvers
 */
public record ReviewPolicies(EmptyApproverPolicy emptyApprovers, String administratorId, SelfApprovalPolicy selfApproval) {

    public ReviewPolicies {
        Objects.requireNonNull(emptyApprovers, "emptyApprovers");
        Objects.requireNonNull(selfApproval, "selfApproval");
        if (emptyApprovers == EmptyApproverPolicy.ADMINISTRATOR && (administratorId == null || administratorId.isBlank())) {
            throw new IllegalArgumentException("空审批人策略为 ADMINISTRATOR 时必须指定管理员 / "
                    + "the ADMINISTRATOR empty-approver policy needs an administratorId");
        }
    }

    /** Escalate to the unit above; skip to the next level when the applicant is an approver. */
    public static ReviewPolicies defaults() {
        return new ReviewPolicies(EmptyApproverPolicy.ESCALATE, null, SelfApprovalPolicy.SKIP_TO_NEXT_LEVEL);
    }

    /** When a level has no approver. */
    public enum EmptyApproverPolicy {
        /** The approvers of the nearest unit above with any take the review for this level. */
        ESCALATE,
        /** The level passes automatically; the timeline says so. */
        AUTO_PASS,
        /** The administrator takes the review. */
        ADMINISTRATOR
    }

    /** When the applicant is among a level's approvers. */
    public enum SelfApprovalPolicy {
        /** The level passes automatically (the timeline says why) and the next level reviews. */
        SKIP_TO_NEXT_LEVEL,
        /** The applicant is left out; the level's other approvers review (then the empty-approver policy applies). */
        EXCLUDE_APPLICANT
    }
}
