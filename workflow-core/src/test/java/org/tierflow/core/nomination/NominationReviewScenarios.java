package org.tierflow.core.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tierflow.core.nomination.TierFlowTestEngine.NINGXIA;
import static org.tierflow.core.nomination.TierFlowTestEngine.QINGDAO;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tierflow.bpmn.TierFlowBpmn;
import org.tierflow.core.api.ConcurrentChangeException;
import org.tierflow.core.api.Decision;
import org.tierflow.core.api.DecisionVetoedException;
import org.tierflow.core.api.EligibilityFailure;
import org.tierflow.core.api.InboxQuery;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationService;
import org.tierflow.core.api.NominationState;
import org.tierflow.core.api.NominationSubmission;
import org.tierflow.core.api.NotAuthorizedException;
import org.tierflow.core.api.NotEligibleException;
import org.tierflow.core.api.NotFoundException;
import org.tierflow.core.api.Page;
import org.tierflow.core.api.ReviewService;
import org.tierflow.core.api.ReviewTask;
import org.tierflow.core.api.TimelineEntry;
import org.tierflow.core.api.TimelineEntryType;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.spi.DecisionContext;
import org.tierflow.core.spi.DecisionHandler;
import org.tierflow.core.spi.NominationEvent;
import org.tierflow.core.spi.NominationEventType;
import org.tierflow.core.support.InMemoryApproverDirectory;

/**
 * The nomination phase on the real engine and a real database: each tier's chain from its program
 * definition, returns, rejections, eligibility, authorization, decision handlers and host events.
 * Subclasses choose the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NominationReviewScenarios {

    /** The host's user directory: one or two reviewers per unit. */
    static final InMemoryApproverDirectory APPROVERS = InMemoryApproverDirectory.builder()
            .grant("xingqing-school-1", "principal-xq1")
            .grant("jinfeng-school-1", "principal-jf1")
            .grant("litong-school-1", "principal-lt1")
            .grant("xingqing", "xingqing-reviewer", "xingqing-reviewer-2")
            .grant("jinfeng", "jinfeng-reviewer")
            .grant("litong", "litong-reviewer")
            .grant("yinchuan", "yinchuan-reviewer")
            .grant("wuzhong", "wuzhong-reviewer")
            .grant("nx", "region-reviewer")
            .grant("nxu", "nxu-reviewer")
            .grant("shinan-school-1", "principal-sn1")
            .grant("shinan", "shinan-reviewer")
            .grant("qingdao", "qingdao-reviewer")
            .build();

    /** Xingqing district insists on an interview record before passing anyone on. */
    static final DecisionHandler XINGQING_HANDLER = new DecisionHandler() {
        @Override
        public Optional<LocalizedText> beforeDecision(DecisionContext context) {
            if (context.decision().outcome() == org.tierflow.core.api.DecisionOutcome.PASS
                    && !context.decision().data().containsKey("interview")) {
                return Optional.of(new LocalizedText("兴庆区要求先完成面试", "Xingqing requires an interview first"));
            }
            context.addData("checkedBy", "xingqing-handler");
            return Optional.empty();
        }
    };

    /** Jinfeng district's handler fails after a rejection has been applied: the whole decision must roll back. */
    static final DecisionHandler FAILING_AFTER_DECISION = new DecisionHandler() {
        @Override
        public void afterDecision(DecisionContext context) {
            if (context.decision().outcome() == org.tierflow.core.api.DecisionOutcome.REJECT) {
                throw new IllegalStateException("the district's archive is unavailable");
            }
        }
    };

    final List<NominationEvent> events = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger applicants = new AtomicInteger();
    TierFlowTestEngine fixture;
    NominationService nominations;
    ReviewService reviews;

    /** Starts the database for this class. */
    abstract DataSource dataSource();

    /** Stops it, after the engine has closed. */
    abstract void closeDatabase() throws Exception;

    @BeforeAll
    void startEngine() {
        fixture = TierFlowTestEngine.start(dataSource(), builder -> builder
                .approvers(APPROVERS)
                .decisionHandler("xingqing", XINGQING_HANDLER)
                .decisionHandler("jinfeng", FAILING_AFTER_DECISION)
                .listener(events::add));
        nominations = fixture.tierFlow.nominations();
        reviews = fixture.tierFlow.reviews();
    }

    @AfterAll
    void stopEngine() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
        closeDatabase();
    }

    @Test
    void ningxiaTeachingTalentWalksSchoolCountyCityAndIsFiledWithTheRegion() {
        Nomination nomination = submit(NINGXIA, "teaching-talent", "jinfeng-school-1", Map.of());
        assertThat(nomination.state()).isEqualTo(NominationState.IN_REVIEW);
        assertThat(nomination.currentLevel()).isEqualTo(OrganisationLevel.SCHOOL);

        pass(nomination, "principal-jf1", OrganisationLevel.SCHOOL);
        pass(nomination, "jinfeng-reviewer", OrganisationLevel.DISTRICT);
        Nomination decided = pass(nomination, "yinchuan-reviewer", OrganisationLevel.CITY);

        assertThat(decided.state()).isEqualTo(NominationState.SELECTED);
        assertThat(openReviews(nomination.id())).as("filing asks nobody to decide").isEmpty();
        assertThat(types(nomination.id())).containsExactly(TimelineEntryType.SUBMITTED, TimelineEntryType.PASSED,
                TimelineEntryType.PASSED, TimelineEntryType.PASSED, TimelineEntryType.FILED);
        TimelineEntry filing = nominations.timeline(nomination.id()).get(4);
        assertThat(filing.level()).isEqualTo(OrganisationLevel.PROVINCE);
        assertThat(filing.unitId()).isEqualTo("nx");
        assertThat(eventTypes(nomination.id())).containsSubsequence(NominationEventType.SUBMITTED,
                NominationEventType.PASSED_LEVEL, NominationEventType.FILED, NominationEventType.REACHED_TOP);
        assertThat(processEnded(decided)).isTrue();
    }

    @Test
    void ningxiaTopTalentIsDecidedByTheRegion() {
        Nomination nomination = submit(NINGXIA, "top-talent", "litong-school-1", Map.of());

        pass(nomination, "principal-lt1", OrganisationLevel.SCHOOL);
        pass(nomination, "litong-reviewer", OrganisationLevel.DISTRICT);
        Nomination atCity = pass(nomination, "wuzhong-reviewer", OrganisationLevel.CITY);
        assertThat(atCity.state()).isEqualTo(NominationState.IN_REVIEW);
        assertThat(atCity.currentLevel()).isEqualTo(OrganisationLevel.PROVINCE);
        Nomination decided = pass(nomination, "region-reviewer", OrganisationLevel.PROVINCE);

        assertThat(decided.state()).isEqualTo(NominationState.SELECTED);
        assertThat(eventTypes(nomination.id())).endsWith(NominationEventType.REACHED_TOP);
    }

    @Test
    void universityCandidatesFollowTheUniversityChain() {
        Nomination nomination = submit(NINGXIA, "top-talent", "nxu", Map.of());
        assertThat(nomination.currentLevel()).isEqualTo(OrganisationLevel.UNIVERSITY);

        pass(nomination, "nxu-reviewer", OrganisationLevel.UNIVERSITY);
        Nomination decided = pass(nomination, "region-reviewer", OrganisationLevel.PROVINCE);

        assertThat(decided.state()).isEqualTo(NominationState.SELECTED);
        assertThat(nominations.timeline(nomination.id())).extracting(TimelineEntry::unitId)
                .containsExactly("nxu", "nxu", "nx");
    }

    @Test
    void qingdaoEliteTeacherIsSelectedByTheCity() {
        Nomination nomination = submit(QINGDAO, "elite-teacher", "shinan-school-1", Map.of("digitalTrainingHours", 24));

        pass(nomination, "principal-sn1", OrganisationLevel.SCHOOL);
        pass(nomination, "shinan-reviewer", OrganisationLevel.DISTRICT);
        Nomination decided = pass(nomination, "qingdao-reviewer", OrganisationLevel.CITY);

        assertThat(decided.state()).isEqualTo(NominationState.SELECTED);
        assertThat(processEnded(decided)).isTrue();
    }

    @Test
    void aReturnToTheApplicantAtEachLevelResumesAtThatLevelAfterResubmission() {
        Nomination nomination = submit(NINGXIA, "top-talent", "litong-school-1", Map.of());
        String[][] levels = {{"principal-lt1", "SCHOOL"}, {"litong-reviewer", "DISTRICT"},
                {"wuzhong-reviewer", "CITY"}, {"region-reviewer", "PROVINCE"}};
        for (String[] level : levels) {
            OrganisationLevel at = OrganisationLevel.valueOf(level[1]);
            Nomination returned = reviews.decide(reviewOf(nomination.id(), level[0]).taskId(), level[0],
                    Decision.returnToApplicant("请补充材料 / please add the missing documents"));
            assertThat(returned.state()).isEqualTo(NominationState.RETURNED_FOR_CORRECTION);
            assertThat(openReviews(nomination.id())).isEmpty();

            Nomination resubmitted = nominations.resubmit(nomination.id(), nomination.applicantId(),
                    Map.of("principalOrFamousTeacher", true), "材料已补充 / documents added at " + at);
            assertThat(resubmitted.state()).isEqualTo(NominationState.IN_REVIEW);
            assertThat(reviewOf(nomination.id(), level[0]).level()).as("resumes at %s", at).isEqualTo(at);
            pass(nomination, level[0], at);
        }
        assertThat(nominations.get(nomination.id()).state()).isEqualTo(NominationState.SELECTED);
        assertThat(nominations.timeline(nomination.id())).filteredOn(e -> e.type() == TimelineEntryType.RESUBMITTED)
                .extracting(TimelineEntry::comment)
                .containsExactly("材料已补充 / documents added at SCHOOL", "材料已补充 / documents added at DISTRICT",
                        "材料已补充 / documents added at CITY", "材料已补充 / documents added at PROVINCE");
    }

    @Test
    void aReturnToTheLowerLevelSendsItBackOneLevel() {
        Nomination nomination = submit(NINGXIA, "top-talent", "litong-school-1", Map.of());
        pass(nomination, "principal-lt1", OrganisationLevel.SCHOOL);
        pass(nomination, "litong-reviewer", OrganisationLevel.DISTRICT);

        reviews.decide(reviewOf(nomination.id(), "wuzhong-reviewer").taskId(), "wuzhong-reviewer",
                Decision.returnToLowerLevel("区县意见不完整 / the county's opinion is incomplete"));

        ReviewTask again = reviewOf(nomination.id(), "litong-reviewer");
        assertThat(again.level()).isEqualTo(OrganisationLevel.DISTRICT);
        assertThat(nominations.get(nomination.id()).currentLevel()).isEqualTo(OrganisationLevel.DISTRICT);
        pass(nomination, "litong-reviewer", OrganisationLevel.DISTRICT);
        assertThat(reviewOf(nomination.id(), "wuzhong-reviewer").level()).isEqualTo(OrganisationLevel.CITY);
    }

    @Test
    void theFirstLevelCannotReturnToALevelBelowIt() {
        Nomination nomination = submit(NINGXIA, "top-talent", "litong-school-1", Map.of());
        String taskId = reviewOf(nomination.id(), "principal-lt1").taskId();

        assertThatThrownBy(() -> reviews.decide(taskId, "principal-lt1", Decision.returnToLowerLevel("why")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("return it to the applicant instead");
    }

    @Test
    void aRejectionEndsTheNominationWithItsReason() {
        Nomination nomination = submit(NINGXIA, "top-talent", "litong-school-1", Map.of());
        pass(nomination, "principal-lt1", OrganisationLevel.SCHOOL);

        Nomination rejected = reviews.decide(reviewOf(nomination.id(), "litong-reviewer").taskId(), "litong-reviewer",
                Decision.reject("示范带动作用不足 / not enough demonstration impact"));

        assertThat(rejected.state()).isEqualTo(NominationState.REJECTED);
        assertThat(openReviews(nomination.id())).isEmpty();
        assertThat(processEnded(rejected)).isTrue();
        TimelineEntry last = lastEntry(nomination.id());
        assertThat(last.type()).isEqualTo(TimelineEntryType.REJECTED);
        assertThat(last.comment()).contains("not enough demonstration impact");
        assertThat(last.actorId()).isEqualTo("litong-reviewer");
        assertThat(eventTypes(nomination.id())).endsWith(NominationEventType.REJECTED);
    }

    @Test
    void aRejectionWithoutAReasonIsRefused() {
        Nomination nomination = submit(NINGXIA, "top-talent", "litong-school-1", Map.of());
        String taskId = reviewOf(nomination.id(), "principal-lt1").taskId();

        assertThatThrownBy(() -> reviews.decide(taskId, "principal-lt1", Decision.reject(" ")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("a reason is required");
        assertThat(nominations.get(nomination.id()).state()).isEqualTo(NominationState.IN_REVIEW);
    }

    @Test
    void anIneligibleCioIsToldEveryFailedRuleAndNothingIsSaved() {
        long before = countNominations();
        NominationSubmission submission = new NominationSubmission(QINGDAO, "cio", nextApplicant(), "shinan-school-1",
                Map.of("yearsInDigitalPlanning", 1, "digitalAcademicBackground", false, "strongLearningAbility", false,
                        "digitalPapers", 2, "digitalResearchProject", false), List.of());

        assertThatThrownBy(() -> nominations.submit(submission))
                .isInstanceOfSatisfying(NotEligibleException.class, e -> assertThat(e.failures())
                        .extracting(EligibilityFailure::ruleCode)
                        .containsExactly("planning-experience", "background-or-learning", "papers-or-research"))
                .hasMessageContaining("At least 2 years")
                .hasMessageContaining("担任区域(学校)教育数字化规划研究工作2年以上");
        assertThat(countNominations()).isEqualTo(before);
    }

    @Test
    void factsNotOnTheFormOrOfTheWrongTypeAreRefused() {
        assertThatThrownBy(() -> submit(QINGDAO, "elite-teacher", "shinan-school-1",
                Map.of("digitalTrainingHours", "many", "favouriteColour", "blue")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("'favouriteColour' is not on this tier's application form")
                .hasMessageContaining("'digitalTrainingHours' (Class hours of education-digitalisation training attended) must be number, got 'many'");
    }

    @Test
    void anEligibleCioWithAResearchProjectInsteadOfPapersIsAccepted() {
        Nomination nomination = submit(QINGDAO, "cio", "shinan-school-1", Map.of("yearsInDigitalPlanning", 3,
                "digitalAcademicBackground", false, "strongLearningAbility", true, "digitalPapers", 0,
                "digitalResearchProject", true));

        assertThat(nomination.state()).isEqualTo(NominationState.IN_REVIEW);
    }

    @Test
    void anUnauthorisedApproverIsRefusedAndNothingChanges() {
        Nomination nomination = submit(NINGXIA, "top-talent", "litong-school-1", Map.of());
        pass(nomination, "principal-lt1", OrganisationLevel.SCHOOL);
        ReviewTask review = reviewOf(nomination.id(), "litong-reviewer");
        int entries = nominations.timeline(nomination.id()).size();

        // A reviewer of another district, a reviewer of the level above, and the applicant's own principal.
        for (String intruder : List.of("jinfeng-reviewer", "wuzhong-reviewer", "principal-lt1")) {
            assertThatThrownBy(() -> reviews.decide(review.taskId(), intruder, Decision.pass("ok")))
                    .isInstanceOf(NotAuthorizedException.class)
                    .hasMessageContaining("may not decide reviews for unit litong");
            assertThatThrownBy(() -> reviews.claim(review.taskId(), intruder))
                    .isInstanceOf(NotAuthorizedException.class);
        }
        assertThat(reviews.inbox("jinfeng-reviewer", InboxQuery.all().tier("top-talent")).items())
                .extracting(ReviewTask::nominationId).doesNotContain(nomination.id());
        assertThat(nominations.get(nomination.id()).currentLevel()).isEqualTo(OrganisationLevel.DISTRICT);
        assertThat(nominations.timeline(nomination.id())).hasSize(entries);
        assertThat(reviewOf(nomination.id(), "litong-reviewer").taskId()).isEqualTo(review.taskId());
    }

    @Test
    void aDistrictsDecisionHandlerAppliesToThatDistrictOnly() {
        Nomination inXingqing = submit(NINGXIA, "top-talent", "xingqing-school-1", Map.of());
        pass(inXingqing, "principal-xq1", OrganisationLevel.SCHOOL);
        String xingqingTask = reviewOf(inXingqing.id(), "xingqing-reviewer").taskId();

        assertThatThrownBy(() -> reviews.decide(xingqingTask, "xingqing-reviewer", Decision.pass("ok")))
                .isInstanceOf(DecisionVetoedException.class)
                .hasMessageContaining("Xingqing requires an interview first");
        assertThat(nominations.get(inXingqing.id()).currentLevel()).isEqualTo(OrganisationLevel.DISTRICT);

        reviews.decide(xingqingTask, "xingqing-reviewer", Decision.pass("ok").withData(Map.of("interview", "passed")));
        assertThat(lastEntry(inXingqing.id()).data()).containsEntry("checkedBy", "xingqing-handler")
                .containsEntry("interview", "passed");

        // The neighbouring district keeps the default: no interview needed, no handler data.
        Nomination inJinfeng = submit(NINGXIA, "top-talent", "jinfeng-school-1", Map.of());
        pass(inJinfeng, "principal-jf1", OrganisationLevel.SCHOOL);
        pass(inJinfeng, "jinfeng-reviewer", OrganisationLevel.DISTRICT);
        assertThat(nominations.timeline(inJinfeng.id()).get(2).data()).doesNotContainKey("checkedBy");
    }

    @Test
    void theApplicantMayWithdrawOnlyBeforeTheFirstDecision() {
        Nomination early = submit(NINGXIA, "top-talent", "litong-school-1", Map.of());
        Nomination withdrawn = nominations.withdraw(early.id(), early.applicantId(), "改报其他类别 / applying elsewhere");
        assertThat(withdrawn.state()).isEqualTo(NominationState.WITHDRAWN);
        assertThat(openReviews(early.id())).isEmpty();
        assertThat(eventTypes(early.id())).endsWith(NominationEventType.WITHDRAWN);

        Nomination late = submit(NINGXIA, "top-talent", "litong-school-1", Map.of());
        pass(late, "principal-lt1", OrganisationLevel.SCHOOL);
        assertThatThrownBy(() -> nominations.withdraw(late.id(), late.applicantId(), "too late"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("can no longer be withdrawn");
        assertThatThrownBy(() -> nominations.withdraw(late.id(), "someone-else", "not mine"))
                .isInstanceOf(NotAuthorizedException.class);
        assertThat(nominations.get(late.id()).state()).isEqualTo(NominationState.IN_REVIEW);
    }

    @Test
    void claimUnclaimAndDelegateStayWithinTheLevelsApprovers() {
        Nomination nomination = submit(NINGXIA, "top-talent", "xingqing-school-1", Map.of());
        pass(nomination, "principal-xq1", OrganisationLevel.SCHOOL);
        String taskId = reviewOf(nomination.id(), "xingqing-reviewer").taskId();

        assertThat(reviews.claim(taskId, "xingqing-reviewer").assignee()).isEqualTo("xingqing-reviewer");
        assertThatThrownBy(() -> reviews.claim(taskId, "xingqing-reviewer-2"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("already claimed by xingqing-reviewer");
        assertThatThrownBy(() -> reviews.decide(taskId, "xingqing-reviewer-2", Decision.pass("ok")))
                .isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> reviews.delegate(taskId, "xingqing-reviewer", "jinfeng-reviewer", "please"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("is not an approver");

        assertThat(reviews.unclaim(taskId, "xingqing-reviewer").assignee()).isNull();
        ReviewTask delegated = reviews.delegate(taskId, "xingqing-reviewer", "xingqing-reviewer-2", "请代为审核");
        assertThat(delegated.assignee()).isEqualTo("xingqing-reviewer-2");
        reviews.decide(taskId, "xingqing-reviewer-2", Decision.pass("ok").withData(Map.of("interview", "done")));

        assertThat(types(nomination.id())).containsSubsequence(TimelineEntryType.CLAIMED, TimelineEntryType.UNCLAIMED,
                TimelineEntryType.DELEGATED, TimelineEntryType.PASSED);
    }

    @Test
    void theInboxFiltersPagesAndOrders() {
        Page<ReviewTask> before = reviews.inbox("jinfeng-reviewer", InboxQuery.all().program(NINGXIA).tier("management-talent"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Nomination n = submit(NINGXIA, "management-talent", "jinfeng-school-1", Map.of());
            pass(n, "principal-jf1", OrganisationLevel.SCHOOL);
            ids.add(n.id());
        }
        InboxQuery query = InboxQuery.all().program(NINGXIA).tier("management-talent").level(OrganisationLevel.DISTRICT);

        Page<ReviewTask> all = reviews.inbox("jinfeng-reviewer", query.page(0, 500));
        assertThat(all.total()).isEqualTo(before.total() + 3);
        assertThat(all.items()).extracting(ReviewTask::nominationId).containsAll(ids);
        assertThat(all.items()).allSatisfy(t -> {
            assertThat(t.level()).isEqualTo(OrganisationLevel.DISTRICT);
            assertThat(t.unitId()).isEqualTo("jinfeng");
            assertThat(t.stepName().zh()).isNotBlank();
        });

        Page<ReviewTask> newestTwo = reviews.inbox("jinfeng-reviewer", query.order(InboxQuery.Order.NEWEST_FIRST).page(0, 2));
        assertThat(newestTwo.items()).hasSize(2);
        assertThat(newestTwo.totalPages()).isEqualTo((all.total() + 1) / 2);
        assertThat(newestTwo.items().get(0).createdAt()).isAfterOrEqualTo(newestTwo.items().get(1).createdAt());

        reviews.claim(reviewOf(ids.get(0), "jinfeng-reviewer").taskId(), "jinfeng-reviewer");
        assertThat(reviews.inbox("jinfeng-reviewer", query.state(InboxQuery.TaskState.CLAIMED_BY_ME).page(0, 500)).items())
                .extracting(ReviewTask::nominationId).contains(ids.get(0)).doesNotContain(ids.get(1));
        assertThat(reviews.inbox("jinfeng-reviewer", query.state(InboxQuery.TaskState.UNCLAIMED).page(0, 500)).items())
                .extracting(ReviewTask::nominationId).doesNotContain(ids.get(0)).contains(ids.get(1), ids.get(2));
        assertThat(reviews.inbox("jinfeng-reviewer", query.level(OrganisationLevel.CITY)).items())
                .extracting(ReviewTask::nominationId).doesNotContainAnyElementsOf(ids);
        assertThatThrownBy(() -> reviews.inbox("jinfeng-reviewer", query.page(0, 0)))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aVetoedDecisionLeavesNoTraceAndTellsNoListener() {
        Nomination nomination = submit(NINGXIA, "top-talent", "xingqing-school-1", Map.of());
        pass(nomination, "principal-xq1", OrganisationLevel.SCHOOL);
        int eventsBefore = eventTypes(nomination.id()).size();
        String taskId = reviewOf(nomination.id(), "xingqing-reviewer").taskId();

        assertThatThrownBy(() -> reviews.decide(taskId, "xingqing-reviewer", Decision.pass("no interview")))
                .isInstanceOf(DecisionVetoedException.class);

        assertThat(eventTypes(nomination.id())).hasSize(eventsBefore);
        assertThat(reviewOf(nomination.id(), "xingqing-reviewer").taskId()).isEqualTo(taskId);
    }

    @Test
    void aFailureInsideADecisionRollsBackTheEngineAndTierFlowTogether() {
        Nomination nomination = submit(NINGXIA, "top-talent", "jinfeng-school-1", Map.of());
        pass(nomination, "principal-jf1", OrganisationLevel.SCHOOL);
        ReviewTask atDistrict = reviewOf(nomination.id(), "jinfeng-reviewer");
        List<TimelineEntry> timelineBefore = nominations.timeline(nomination.id());
        int eventsBefore = eventTypes(nomination.id()).size();

        assertThatThrownBy(() -> reviews.decide(atDistrict.taskId(), "jinfeng-reviewer", Decision.reject("weak")))
                .hasMessageContaining("the district's archive is unavailable");

        Nomination after = nominations.get(nomination.id());
        assertThat(after.state()).isEqualTo(NominationState.IN_REVIEW);
        assertThat(after.currentLevel()).isEqualTo(OrganisationLevel.DISTRICT);
        assertThat(nominations.timeline(nomination.id())).isEqualTo(timelineBefore);
        assertThat(reviewOf(nomination.id(), "jinfeng-reviewer").taskId()).as("the engine's task is still open")
                .isEqualTo(atDistrict.taskId());
        assertThat(processEnded(after)).isFalse();
        assertThat(eventTypes(nomination.id())).as("no listener heard of it").hasSize(eventsBefore);
    }

    @Test
    void twoApproversDecidingOneReviewAtOnceNeverBothWin() throws Exception {
        for (int round = 0; round < 5; round++) {
            Nomination nomination = submit(NINGXIA, "top-talent", "xingqing-school-1", Map.of());
            pass(nomination, "principal-xq1", OrganisationLevel.SCHOOL);
            String taskId = reviewOf(nomination.id(), "xingqing-reviewer").taskId();
            Decision pass = Decision.pass("ok").withData(Map.of("interview", "done"));

            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Nomination>> results = new ArrayList<>();
                for (String approver : List.of("xingqing-reviewer", "xingqing-reviewer-2")) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return reviews.decide(taskId, approver, pass);
                    }));
                }
                start.countDown();
                int wins = 0;
                for (Future<Nomination> result : results) {
                    try {
                        result.get(30, TimeUnit.SECONDS);
                        wins++;
                    } catch (ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOfAny(ConcurrentChangeException.class, NotFoundException.class);
                    }
                }
                assertThat(wins).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
            assertThat(types(nomination.id())).filteredOn(t -> t == TimelineEntryType.PASSED).hasSize(2);
            assertThat(nominations.get(nomination.id()).currentLevel()).isEqualTo(OrganisationLevel.CITY);
        }
    }

    @Test
    void submissionsFromTheWrongKindOfUnitAreRefused() {
        assertThatThrownBy(() -> submit(NINGXIA, "top-talent", "litong", Map.of()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("takes nominations from a school");
        assertThatThrownBy(() -> submit(NINGXIA, "no-such-tier", "litong-school-1", Map.of()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("has no tier 'no-such-tier'");
        assertThatThrownBy(() -> submit(NINGXIA, "top-talent", "no-such-school", Map.of()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("no organisation unit 'no-such-school'");
    }

    // --- helpers -------------------------------------------------------------------------------------

    /** Submits with the given facts, or with facts that meet the tier's rules when none are given. */
    Nomination submit(String program, String tier, String unitId, Map<String, Object> facts) {
        Map<String, Object> given = facts.isEmpty() ? TierFlowTestEngine.eligibleFacts(tier) : facts;
        return nominations.submit(new NominationSubmission(program, tier, nextApplicant(), unitId, given, List.of("cv.pdf")));
    }

    String nextApplicant() {
        return "applicant-" + getClass().getSimpleName() + "-" + applicants.incrementAndGet();
    }

    /** Passes the nomination's open review, which must be at {@code level}, as {@code approver}. */
    Nomination pass(Nomination nomination, String approver, OrganisationLevel level) {
        ReviewTask review = reviewOf(nomination.id(), approver);
        assertThat(review.level()).as("review level of %s", nomination.id()).isEqualTo(level);
        return reviews.decide(review.taskId(), approver, Decision.pass("同意 / agreed").withData(Map.of("interview", "ok")));
    }

    /** The nomination's open review, as found in the approver's inbox. */
    ReviewTask reviewOf(String nominationId, String approver) {
        List<ReviewTask> found = new ArrayList<>();
        int page = 0;
        Page<ReviewTask> current;
        do {
            current = reviews.inbox(approver, InboxQuery.all().page(page++, 500));
            current.items().stream().filter(t -> t.nominationId().equals(nominationId)).forEach(found::add);
        } while (page < current.totalPages());
        assertThat(found).as("open reviews of %s in %s's inbox", nominationId, approver).hasSize(1);
        return found.get(0);
    }

    List<?> openReviews(String nominationId) {
        return fixture.engine.getTaskService().createTaskQuery().processInstanceBusinessKey(nominationId)
                .taskDefinitionKey("Task_reviewNomination").list();
    }

    /** Whether the nomination's review process ended (a selected candidate's life cycle then goes on in its own process). */
    boolean processEnded(Nomination nomination) {
        return fixture.engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(nomination.id()).processDefinitionKey(TierFlowBpmn.NOMINATION_PROCESS).count() == 0;
    }

    List<TimelineEntryType> types(String nominationId) {
        return nominations.timeline(nominationId).stream().map(TimelineEntry::type).toList();
    }

    TimelineEntry lastEntry(String nominationId) {
        List<TimelineEntry> timeline = nominations.timeline(nominationId);
        return timeline.get(timeline.size() - 1);
    }

    List<NominationEventType> eventTypes(String nominationId) {
        synchronized (events) {
            return events.stream().filter(e -> e.nominationId().equals(nominationId)).map(NominationEvent::type).toList();
        }
    }

    long countNominations() {
        return fixture.engine.getRuntimeService().createProcessInstanceQuery().count();
    }
}
