package org.tierflow.core.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tierflow.core.nomination.TierFlowTestEngine.NINGXIA;

import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tierflow.core.api.Decision;
import org.tierflow.core.api.InboxQuery;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationSubmission;
import org.tierflow.core.api.NotAuthorizedException;
import org.tierflow.core.api.QuotaExceededException;
import org.tierflow.core.api.ReviewPolicies;
import org.tierflow.core.api.ReviewPolicies.EmptyApproverPolicy;
import org.tierflow.core.api.ReviewPolicies.SelfApprovalPolicy;
import org.tierflow.core.api.ReviewTask;
import org.tierflow.core.api.TimelineEntry;
import org.tierflow.core.api.TimelineEntryType;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.support.InMemoryApproverDirectory;

/** Empty-approver and self-approval policies, each on its own engine (H2). */
class ReviewPoliciesIntegrationTests {

    /** Litong district has nobody; its city and the schools do. */
    private static final InMemoryApproverDirectory NOBODY_IN_LITONG = InMemoryApproverDirectory.builder()
            .grant("litong-school-1", "principal-lt1")
            .grant("wuzhong", "wuzhong-reviewer")
            .grant("nx", "region-reviewer")
            .build();

    private HikariDataSource dataSource;
    private TierFlowTestEngine fixture;

    @AfterEach
    void stop() {
        fixture.close();
        dataSource.close();
    }

    private void start(InMemoryApproverDirectory approvers, ReviewPolicies policies) {
        dataSource = TestDatabases.h2("policies");
        fixture = TierFlowTestEngine.start(dataSource, builder -> builder.approvers(approvers).policies(policies));
    }

    private Nomination submitAndPassSchool(String applicant) {
        Nomination nomination = fixture.tierFlow.nominations().submit(new NominationSubmission(NINGXIA, "top-talent",
                applicant, "litong-school-1", TierFlowTestEngine.eligibleFacts("top-talent"), List.of()));
        ReviewTask school = fixture.tierFlow.reviews().inbox("principal-lt1", InboxQuery.all()).items().get(0);
        fixture.tierFlow.reviews().decide(school.taskId(), "principal-lt1", Decision.pass("ok"));
        return nomination;
    }

    @Test
    void escalateHandsAnEmptyLevelToTheNearestUnitAboveWithApprovers() {
        start(NOBODY_IN_LITONG, ReviewPolicies.defaults());
        Nomination nomination = submitAndPassSchool("teacher-1");

        ReviewTask escalated = fixture.tierFlow.reviews().inbox("wuzhong-reviewer", InboxQuery.all()).items().get(0);
        assertThat(escalated.nominationId()).isEqualTo(nomination.id());
        assertThat(escalated.level()).as("still the district's review").isEqualTo(OrganisationLevel.DISTRICT);
        assertThat(escalated.unitId()).isEqualTo("litong");
        assertThatThrownBy(() -> fixture.tierFlow.reviews().decide(escalated.taskId(), "region-reviewer", Decision.pass("ok")))
                .isInstanceOf(NotAuthorizedException.class);

        fixture.tierFlow.reviews().decide(escalated.taskId(), "wuzhong-reviewer", Decision.pass("代为审核 / on behalf"));
        ReviewTask atCity = fixture.tierFlow.reviews().inbox("wuzhong-reviewer", InboxQuery.all()).items().get(0);
        assertThat(atCity.level()).isEqualTo(OrganisationLevel.CITY);
    }

    @Test
    void autoPassRecordsThatTheLevelPassedByPolicy() {
        start(NOBODY_IN_LITONG, new ReviewPolicies(EmptyApproverPolicy.AUTO_PASS, null, SelfApprovalPolicy.SKIP_TO_NEXT_LEVEL));
        Nomination nomination = submitAndPassSchool("teacher-2");

        List<TimelineEntry> timeline = fixture.tierFlow.nominations().timeline(nomination.id());
        TimelineEntry auto = timeline.get(2);
        assertThat(auto.type()).isEqualTo(TimelineEntryType.PASSED_AUTOMATICALLY);
        assertThat(auto.level()).isEqualTo(OrganisationLevel.DISTRICT);
        assertThat(auto.actorId()).isNull();
        assertThat(auto.comment()).contains("no approver");
        assertThat(fixture.tierFlow.nominations().get(nomination.id()).currentLevel()).isEqualTo(OrganisationLevel.CITY);
    }

    @Test
    void aPassByPolicyTakesAQuotaSlotAndAFullQuotaRefusesIt() {
        start(NOBODY_IN_LITONG, new ReviewPolicies(EmptyApproverPolicy.AUTO_PASS, null, SelfApprovalPolicy.SKIP_TO_NEXT_LEVEL));
        fixture.tierFlow.selection().allocate(NINGXIA, "top-talent", "nx", Map.of("wuzhong", 5), "region-reviewer");
        fixture.tierFlow.selection().allocate(NINGXIA, "top-talent", "wuzhong", Map.of("litong", 1), "wuzhong-reviewer");
        submitAndPassSchool("teacher-5");
        assertThat(fixture.tierFlow.selection().quota(NINGXIA, "top-talent", "litong").used()).isEqualTo(1);

        Nomination second = fixture.tierFlow.nominations().submit(new NominationSubmission(NINGXIA, "top-talent",
                "teacher-6", "litong-school-1", TierFlowTestEngine.eligibleFacts("top-talent"), List.of()));
        ReviewTask school = fixture.tierFlow.reviews().inbox("principal-lt1", InboxQuery.all()).items().get(0);
        assertThatThrownBy(() -> fixture.tierFlow.reviews().decide(school.taskId(), "principal-lt1", Decision.pass("ok")))
                .isInstanceOf(QuotaExceededException.class);

        assertThat(fixture.tierFlow.selection().quota(NINGXIA, "top-talent", "litong").used()).isEqualTo(1);
        assertThat(fixture.tierFlow.nominations().get(second.id()).currentLevel()).isEqualTo(OrganisationLevel.SCHOOL);
    }

    @Test
    void administratorTakesReviewsNobodyElseMay() {
        start(NOBODY_IN_LITONG, new ReviewPolicies(EmptyApproverPolicy.ADMINISTRATOR, "bureau-admin",
                SelfApprovalPolicy.SKIP_TO_NEXT_LEVEL));
        Nomination nomination = submitAndPassSchool("teacher-3");

        ReviewTask forAdmin = fixture.tierFlow.reviews().inbox("bureau-admin", InboxQuery.all()).items().get(0);
        assertThat(forAdmin.nominationId()).isEqualTo(nomination.id());
        assertThatThrownBy(() -> fixture.tierFlow.reviews().decide(forAdmin.taskId(), "wuzhong-reviewer", Decision.pass("ok")))
                .isInstanceOf(NotAuthorizedException.class);
        fixture.tierFlow.reviews().decide(forAdmin.taskId(), "bureau-admin", Decision.pass("ok"));
        assertThat(fixture.tierFlow.nominations().get(nomination.id()).currentLevel()).isEqualTo(OrganisationLevel.CITY);
    }

    @Test
    void escalationWithNobodyAnywhereRefusesTheSubmissionAndSavesNothing() {
        start(InMemoryApproverDirectory.builder().build(), ReviewPolicies.defaults());

        assertThatThrownBy(() -> fixture.tierFlow.nominations().submit(new NominationSubmission(NINGXIA, "top-talent",
                "teacher-4", "litong-school-1", TierFlowTestEngine.eligibleFacts("top-talent"), List.of())))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("nobody may review at unit 'litong-school-1' or above it");
        assertThat(fixture.engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
    }

    @Test
    void anApplicantWhoIsTheirOwnSchoolsApproverSkipsThatLevel() {
        start(NOBODY_IN_LITONG, ReviewPolicies.defaults());
        Nomination nomination = fixture.tierFlow.nominations().submit(new NominationSubmission(NINGXIA, "top-talent",
                "principal-lt1", "litong-school-1", TierFlowTestEngine.eligibleFacts("top-talent"), List.of()));

        TimelineEntry skipped = fixture.tierFlow.nominations().timeline(nomination.id()).get(1);
        assertThat(skipped.type()).isEqualTo(TimelineEntryType.PASSED_AUTOMATICALLY);
        assertThat(skipped.level()).isEqualTo(OrganisationLevel.SCHOOL);
        assertThat(skipped.comment()).contains("the applicant is an approver of this level");
        assertThat(fixture.tierFlow.reviews().inbox("principal-lt1", InboxQuery.all()).items()).isEmpty();
    }

    @Test
    void excludingTheApplicantLeavesTheReviewToTheOthers() {
        InMemoryApproverDirectory twoPrincipals = InMemoryApproverDirectory.builder()
                .grant("litong-school-1", "principal-lt1", "deputy-lt1")
                .grant("litong", "litong-reviewer")
                .build();
        start(twoPrincipals, new ReviewPolicies(EmptyApproverPolicy.ESCALATE, null, SelfApprovalPolicy.EXCLUDE_APPLICANT));
        Nomination nomination = fixture.tierFlow.nominations().submit(new NominationSubmission(NINGXIA, "top-talent",
                "principal-lt1", "litong-school-1", TierFlowTestEngine.eligibleFacts("top-talent"), List.of()));

        assertThat(fixture.tierFlow.reviews().inbox("principal-lt1", InboxQuery.all()).items()).isEmpty();
        ReviewTask forDeputy = fixture.tierFlow.reviews().inbox("deputy-lt1", InboxQuery.all()).items().get(0);
        assertThat(forDeputy.nominationId()).isEqualTo(nomination.id());
        assertThatThrownBy(() -> fixture.tierFlow.reviews().decide(forDeputy.taskId(), "principal-lt1", Decision.pass("me")))
                .isInstanceOf(NotAuthorizedException.class);
    }
}
