package org.tierflow.core.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tierflow.core.nomination.TierFlowTestEngine.NINGXIA;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tierflow.core.api.Decision;
import org.tierflow.core.api.DecisionOutcome;
import org.tierflow.core.api.DecisionVetoedException;
import org.tierflow.core.api.InboxQuery;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationState;
import org.tierflow.core.api.NominationSubmission;
import org.tierflow.core.api.ReviewService;
import org.tierflow.core.api.ReviewTask;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.spi.DecisionContext;
import org.tierflow.core.spi.DecisionHandler;
import org.tierflow.core.spi.Notification;
import org.tierflow.core.spi.NotificationKind;
import org.tierflow.core.support.InMemoryApproverDirectory;

/** Who hears about what: the notifier is told after each commit, never of a change that was undone (H2). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationsIntegrationTests {

    private static final String UNREACHABLE = "unreachable-reviewer";

    private static final InMemoryApproverDirectory APPROVERS = InMemoryApproverDirectory.builder()
            .grant("xingqing-school-1", "principal-xq1")
            .grant("xingqing", "xq-reviewer-1", "xq-reviewer-2")
            .grant("yinchuan", "yc-reviewer", UNREACHABLE)
            .grant("nx", "region-reviewer")
            .grant("jinfeng-school-1", "principal-jf1")
            .grant("jinfeng", "jf-reviewer")
            .grant("litong-school-1", "principal-lt1")
            .grant("litong", "lt-reviewer")
            .build();

    /** The Jinfeng bureau refuses every decision of its own: a veto. */
    private static final DecisionHandler JINFENG_VETOES = new DecisionHandler() {
        @Override
        public Optional<LocalizedText> beforeDecision(DecisionContext context) {
            return context.unitId().equals("jinfeng")
                    ? Optional.of(new LocalizedText("金凤区暂停审核", "Jinfeng has paused its reviews"))
                    : Optional.empty();
        }
    };

    /** Litong (and its school) fail after a pass: the whole decision rolls back. */
    private static final DecisionHandler LITONG_FAILS_AFTER_A_PASS = new DecisionHandler() {
        @Override
        public void afterDecision(DecisionContext context) {
            if (context.decision().outcome() == DecisionOutcome.PASS) {
                throw new IllegalStateException("Litong's archive is unavailable");
            }
        }
    };

    private final List<Notification> sent = new CopyOnWriteArrayList<>();
    private HikariDataSource dataSource;
    private TierFlowTestEngine fixture;
    private ReviewService reviews;

    @BeforeAll
    void start() {
        dataSource = TestDatabases.h2("notifications");
        fixture = TierFlowTestEngine.start(dataSource, builder -> builder
                .approvers(APPROVERS)
                .decisionHandler("jinfeng", JINFENG_VETOES)
                .decisionHandler("litong", LITONG_FAILS_AFTER_A_PASS)
                .notifier(notification -> {
                    if (notification.recipientId().equals(UNREACHABLE)) {
                        throw new IllegalStateException("mailbox full");
                    }
                    sent.add(notification);
                }));
        reviews = fixture.tierFlow.reviews();
    }

    @AfterAll
    void stop() {
        fixture.close();
        dataSource.close();
    }

    @BeforeEach
    void forgetWhatWasSent() {
        sent.clear();
    }

    @Test
    void reviewersOfTheNextLevelHearThatAReviewWaitsAfterAPass() {
        Nomination nomination = submit("teacher-waiting", "xingqing-school-1");
        assertThat(sent).singleElement().satisfies(notification -> {
            assertThat(notification.recipientId()).isEqualTo("principal-xq1");
            assertThat(notification.kind()).isEqualTo(NotificationKind.REVIEW_WAITING);
        });
        sent.clear();

        pass(nomination, "principal-xq1");

        assertThat(sent).extracting(Notification::recipientId).containsExactlyInAnyOrder("xq-reviewer-1", "xq-reviewer-2");
        assertThat(sent).allSatisfy(notification -> {
            assertThat(notification.kind()).isEqualTo(NotificationKind.REVIEW_WAITING);
            assertThat(notification.nominationId()).isEqualTo(nomination.id());
            assertThat(notification.programCode()).isEqualTo(NINGXIA);
            assertThat(notification.tierCode()).isEqualTo("top-talent");
            assertThat(notification.subject().en()).contains("teacher-waiting");
            assertThat(notification.body().zh()).contains("teacher-waiting", "县(市、区)教育局审核", "顶尖人才");
            assertThat(notification.body().en()).contains("teacher-waiting", "County education bureau reviews",
                    "top talent", "Internet + Education");
        });
    }

    @Test
    void theApplicantHearsOfAReturnAndARejectionWithTheReason() {
        Nomination nomination = submit("teacher-returned", "xingqing-school-1");
        pass(nomination, "principal-xq1");
        sent.clear();

        reviews.decide(reviewOf(nomination, "xq-reviewer-1").taskId(), "xq-reviewer-1",
                Decision.returnToApplicant("缺少获奖证明 / the award certificate is missing"));
        assertThat(sent).singleElement().satisfies(notification -> {
            assertThat(notification.recipientId()).isEqualTo("teacher-returned");
            assertThat(notification.kind()).isEqualTo(NotificationKind.RETURNED_FOR_CORRECTION);
            assertThat(notification.body().en()).contains("returned for correction", "the award certificate is missing");
            assertThat(notification.body().zh()).contains("退回修改", "缺少获奖证明");
        });

        fixture.tierFlow.nominations().resubmit(nomination.id(), "teacher-returned",
                TierFlowTestEngine.eligibleFacts("top-talent"), "补充了证明 / certificate added");
        ReviewTask again = reviewOf(nomination, "xq-reviewer-2");
        sent.clear();
        reviews.decide(again.taskId(), "xq-reviewer-2", Decision.reject("不符合示范校条件 / not a demonstration school"));

        assertThat(sent).singleElement().satisfies(notification -> {
            assertThat(notification.recipientId()).isEqualTo("teacher-returned");
            assertThat(notification.kind()).isEqualTo(NotificationKind.REJECTED);
            assertThat(notification.subject().en()).contains("rejected");
            assertThat(notification.body().en()).contains("Reason: 不符合示范校条件 / not a demonstration school");
        });
    }

    @Test
    void theApplicantHearsOnceWhenSelectedAndAFailingNotifierUndoesNothing() {
        Nomination nomination = submit("teacher-selected", "xingqing-school-1");
        pass(nomination, "principal-xq1");
        pass(nomination, "xq-reviewer-1");
        assertThat(fixture.tierFlow.nominations().get(nomination.id()).currentLevel())
                .as("the notifier failed for one city reviewer; the pass stands").isEqualTo(OrganisationLevel.CITY);
        assertThat(sent).filteredOn(n -> n.kind() == NotificationKind.REVIEW_WAITING)
                .extracting(Notification::recipientId).contains("yc-reviewer");
        pass(nomination, "yc-reviewer");
        Nomination selected = pass(nomination, "region-reviewer");

        assertThat(selected.state()).isEqualTo(NominationState.SELECTED);
        assertThat(sent).filteredOn(n -> n.recipientId().equals("teacher-selected")).singleElement()
                .satisfies(notification -> assertThat(notification.kind()).isEqualTo(NotificationKind.SELECTED));
    }

    @Test
    void theApplicantHearsOfTheirWithdrawal() {
        Nomination nomination = submit("teacher-withdrawn", "xingqing-school-1");
        sent.clear();

        fixture.tierFlow.nominations().withdraw(nomination.id(), "teacher-withdrawn", "改报其他类别 / another tier");

        assertThat(sent).singleElement().satisfies(notification -> {
            assertThat(notification.recipientId()).isEqualTo("teacher-withdrawn");
            assertThat(notification.kind()).isEqualTo(NotificationKind.WITHDRAWN);
            assertThat(notification.body().en()).contains("another tier");
        });
    }

    @Test
    void nothingIsSentWhenADecisionIsVetoedOrRolledBack() {
        Nomination inJinfeng = submit("teacher-vetoed", "jinfeng-school-1");
        pass(inJinfeng, "principal-jf1");
        Nomination inLitong = submit("teacher-rolled-back", "litong-school-1");
        sent.clear();

        String jinfengTask = reviewOf(inJinfeng, "jf-reviewer").taskId();
        assertThatThrownBy(() -> reviews.decide(jinfengTask, "jf-reviewer", Decision.reject("不符合条件 / not eligible")))
                .isInstanceOf(DecisionVetoedException.class);
        String litongTask = reviewOf(inLitong, "principal-lt1").taskId();
        assertThatThrownBy(() -> reviews.decide(litongTask, "principal-lt1", Decision.pass("ok")))
                .hasMessageContaining("Litong's archive is unavailable");

        assertThat(sent).as("neither the vetoed rejection nor the rolled-back pass told anyone").isEmpty();
        assertThat(fixture.tierFlow.nominations().get(inJinfeng.id()).state()).isEqualTo(NominationState.IN_REVIEW);
        assertThat(fixture.tierFlow.nominations().get(inLitong.id()).currentLevel()).isEqualTo(OrganisationLevel.SCHOOL);
    }

    private Nomination submit(String applicant, String unitId) {
        return fixture.tierFlow.nominations().submit(new NominationSubmission(NINGXIA, "top-talent", applicant, unitId,
                TierFlowTestEngine.eligibleFacts("top-talent"), List.of()));
    }

    private Nomination pass(Nomination nomination, String reviewer) {
        return reviews.decide(reviewOf(nomination, reviewer).taskId(), reviewer, Decision.pass("同意 / agreed"));
    }

    private ReviewTask reviewOf(Nomination nomination, String reviewer) {
        return reviews.inbox(reviewer, InboxQuery.all()).items().stream()
                .filter(task -> task.nominationId().equals(nomination.id()))
                .findFirst().orElseThrow(() -> new AssertionError(reviewer + " has no review of " + nomination.id()));
    }
}
