package org.tierflow.core.internal.engine;

import org.hibernate.Session;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.NominationSubmission;
import org.tierflow.core.api.NotAuthorizedException;
import org.tierflow.core.api.OrganisationUnit;
import org.tierflow.core.api.program.CandidateKind;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.ReviewAction;
import org.tierflow.core.api.program.TierDefinition;
import org.tierflow.core.internal.persistence.DatabaseErrors;
import org.tierflow.core.internal.persistence.NominationEntity;
import org.tierflow.core.spi.ApproverQuery;

/**
 * What a tier's {@link CandidateKind} asks of a nomination (program B): a school or a project is submitted by an
 * approver of the applying unit, not by a person for themself; a school holds one place per tier; only a project
 * has a title.
 */
final class CandidateRules {

    static final int TITLE_MAX = 400;

    private final TierFlowRuntime runtime;

    CandidateRules(TierFlowRuntime runtime) {
        this.runtime = runtime;
    }

    /** Refuses a submission that does not fit the tier's kind of candidate; nothing is stored yet. */
    void check(TierDefinition tier, OrganisationUnit unit, NominationSubmission submission) {
        String title = submission.projectTitle();
        CandidateKind kind = tier.candidateKind();
        if (kind == CandidateKind.PROJECT) {
            if (title == null || title.isBlank() || title.length() > TITLE_MAX) {
                throw new InvalidRequestException("project-title", new LocalizedText(
                        "“" + tier.name().zh() + "”申报的是项目：请填写项目名称（1–" + TITLE_MAX + " 个字符）",
                        "'" + tier.name().en() + "' selects projects: give the project's title (1 to " + TITLE_MAX
                                + " characters)"));
            }
        } else if (title != null) {
            throw new InvalidRequestException("project-title-not-allowed", new LocalizedText(
                    "“" + tier.name().zh() + "”申报的不是项目，不能填写项目名称",
                    "'" + tier.name().en() + "' does not select projects; a project title is not allowed"));
        }
        if (kind != CandidateKind.PERSON && !mayActForUnit(submission.applicantId(), submission.programCode(), tier,
                unit)) {
            String what = kind == CandidateKind.SCHOOL ? "学校" : "项目";
            throw new NotAuthorizedException(new LocalizedText(
                    "只有单位 “" + unit.id() + "” 的审核人可以为本单位申报" + what + "，用户 " + submission.applicantId()
                            + " 不是",
                    "only an approver of unit '" + unit.id() + "' may submit its " + kind.name().toLowerCase()
                            + " nomination; user " + submission.applicantId() + " is not one"));
        }
    }

    /**
     * Marks the nomination as holding its school's place in the tier, and meets the unique key at once: a second
     * nomination of the same school (even one racing on another node) is refused with a clear message.
     */
    void holdSchoolPlace(NominationEntity nomination, TierDefinition tier, Session session) {
        if (tier.candidateKind() != CandidateKind.SCHOOL) {
            return;
        }
        nomination.setCandidateKey(nomination.getUnitId());
        Long existing = session.createSelectionQuery("select count(n) from NominationEntity n where n.programCode = :p"
                        + " and n.tierCode = :t and n.candidateKey = :k", Long.class)
                .setParameter("p", nomination.getProgramCode()).setParameter("t", nomination.getTierCode())
                .setParameter("k", nomination.getUnitId()).getSingleResult();
        if (existing > 0) {
            throw alreadyNominated(nomination, tier);
        }
        try {
            session.flush();
        } catch (RuntimeException e) {
            if (DatabaseErrors.isUniqueViolation(e)) {
                throw alreadyNominated(nomination, tier);
            }
            throw e;
        }
    }

    /** Whether the user may act for the applying unit of a school's or project's nomination. */
    boolean mayActForUnit(String userId, NominationEntity nomination) {
        TierDefinition tier = runtime.tier(nomination.getProgramCode(), nomination.getTierCode());
        return tier.candidateKind() != CandidateKind.PERSON && userId != null && mayActForUnit(userId,
                nomination.getProgramCode(), tier, runtime.organisations.unit(nomination.getUnitId()));
    }

    private boolean mayActForUnit(String userId, String programCode, TierDefinition tier, OrganisationUnit unit) {
        return userId != null && runtime.approvers.mayAct(userId,
                new ApproverQuery(programCode, tier.code(), unit.id(), unit.level(), ReviewAction.RECOMMEND));
    }

    private static InvalidRequestException alreadyNominated(NominationEntity nomination, TierDefinition tier) {
        return new InvalidRequestException("school-already-nominated", new LocalizedText(
                "学校 “" + nomination.getUnitId() + "” 已申报“" + tier.name().zh() + "”，每所学校只能申报一次",
                "school '" + nomination.getUnitId() + "' already has a nomination for '" + tier.name().en()
                        + "'; a school applies once per tier"));
    }
}
