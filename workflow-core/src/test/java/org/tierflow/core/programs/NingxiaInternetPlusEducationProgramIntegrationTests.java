package org.tierflow.core.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;
import static org.tierflow.core.api.TimelineEntryType.FILED;
import static org.tierflow.core.api.TimelineEntryType.PASSED;
import static org.tierflow.core.api.TimelineEntryType.SUBMITTED;
import static org.tierflow.core.programs.SeedProgramWalk.assertRefused;
import static org.tierflow.core.training.AfterSelectionFixture.CHINA;
import static org.tierflow.core.training.AfterSelectionFixture.reviewerOf;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tierflow.bpmn.TierFlowBpmn;
import org.tierflow.core.api.AcceptanceRound;
import org.tierflow.core.api.AuditFinding;
import org.tierflow.core.api.Credential;
import org.tierflow.core.api.LifecyclePhase;
import org.tierflow.core.api.LifecycleStatus;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationState;
import org.tierflow.core.api.NotAuthorizedException;
import org.tierflow.core.api.NotFoundException;
import org.tierflow.core.api.QuotaExceededException;
import org.tierflow.core.api.SpotCheck;
import org.tierflow.core.api.SpotCheckItem;
import org.tierflow.core.api.SpotCheckReport;
import org.tierflow.core.api.SpotCheckRequest;
import org.tierflow.core.api.TaskBook;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.api.program.SampleSize;
import org.tierflow.core.support.InMemoryOrganisationDirectory;

/**
 * Program E, {@code ningxia-internet-plus-education-2020}, as shipped, on the shipped Ningxia tree (region, five
 * cities, counties, schools, universities): the four tiers with their four chains (the region decides; the city
 * decides and files; the county decides and files) and the university variants, expert panels at the deciding
 * level, the region's quota allocation, task books with their authority and per-item funding, acceptance by the
 * right levels (on site or not), a failed acceptance extended by six months and then passed, a second failure
 * ending without credential, credentials by the right issuer, and the region's yearly spot check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NingxiaInternetPlusEducationProgramIntegrationTests {

    static final String PROGRAM = "ningxia-internet-plus-education-2020";
    static final String REGION = "nx";
    static final String YINCHUAN = "nx-yinchuan";
    static final String XINGQING = "nx-yinchuan-xingqing";
    static final String XINGQING_PRIMARY = "nx-yinchuan-xingqing-experimental-primary";
    static final String WUZHONG = "nx-wuzhong";
    static final String LITONG = "nx-wuzhong-litong";
    static final String LITONG_MIDDLE = "nx-wuzhong-litong-wuzhong-middle";
    static final String SHIZUISHAN = "nx-shizuishan";
    static final String DAWUKOU_MIDDLE = "nx-shizuishan-dawukou-no1-middle";
    static final String HUINONG_MIDDLE = "nx-shizuishan-huinong-no3-middle";
    static final String NXU = "nx-nxu";
    static final String POLYTECHNIC = "nx-polytechnic";

    SeedProgramWalk walk;

    @BeforeAll
    void start() {
        walk = SeedProgramWalk.start(PROGRAM, InMemoryOrganisationDirectory.NINGXIA);
    }

    @AfterAll
    void stop() throws Exception {
        walk.close();
    }

    static Map<String, Object> facts(String tier) {
        return switch (tier) {
            case "top-talent" -> Map.of("fromDemonstrationUnit", true, "principalOrFamousTeacher", true);
            case "management-talent" -> Map.of("managementBackboneOfProjectUnit", true);
            case "teaching-talent" -> Map.of("teacherInInformatisationStudio", true);
            case "backbone-talent" -> Map.of("improvedTeachingWithInternetPlus", true);
            default -> throw new IllegalArgumentException(tier);
        };
    }

    // ------------------------------------------------------------------------------------------ top talent

    @Test
    void aTopTalentPassesSchoolCountyCityAndTheRegionsPanelSignsWithTheRegionAndIsAcceptedOnSite() {
        walk.fixture.today(LocalDate.of(2021, 3, 1));
        Nomination top = walk.submit("top-talent", XINGQING_PRIMARY, facts("top-talent"));
        assertThat(walk.task(top).stepName().zh()).isEqualTo("所在学校推荐");
        walk.pass(top);
        assertThat(walk.task(top).stepName().zh()).isEqualTo("县(市、区)教育局审核");
        walk.pass(top);
        assertThat(walk.task(top).stepName().zh()).isEqualTo("市教育局初评筛选");
        walk.pass(top);
        assertThat(walk.panelTasks(top)).as("seven experts at the region").hasSize(7);
        walk.scorePanel(top, 95, 90, 85, 80, 75, 70, 30);
        assertThat(walk.fixture.tierFlow.panels().result(top.id(), reviewerOf(REGION)).orElseThrow().score())
                .as("trimmed mean of 90 … 70").isEqualByComparingTo("80");
        Nomination selected = walk.pass(top);
        assertThat(selected.state()).isEqualTo(NominationState.SELECTED);
        assertThat(walk.timeline(top)).containsExactly(SUBMITTED, PASSED, PASSED, PASSED, PASSED);
        assertThat(walk.timelineLevels(top)).containsExactly(OrganisationLevel.SCHOOL, OrganisationLevel.DISTRICT,
                OrganisationLevel.CITY, OrganisationLevel.PROVINCE);
        assertThat(walk.fixture.tierFlow.selection().quota(PROGRAM, "top-talent", REGION))
                .extracting(q -> q.allocated(), q -> q.used()).containsExactly(10, 1);

        TaskBook book = walk.fixture.tierFlow.taskBooks().get(top.id());
        assertThat(book.authorityUnitId()).isEqualTo(REGION);
        assertThat(book.goals()).hasSize(5);
        assertThat(book.funding()).extracting(TaskBook.FundingLine::code, TaskBook.FundingLine::amount).containsExactly(
                tuple("study-abroad", new BigDecimal("1.5")), tuple("research", new BigDecimal("2")),
                tuple("other", new BigDecimal("6.0")));
        assertThat(book.fundingTotal()).isEqualByComparingTo("9.5");
        assertThat(book.fundingUnit().zh()).isEqualTo("万元");

        walk.fixture.today(LocalDate.of(2021, 3, 10));
        walk.fixture.tierFlow.taskBooks().sign(top.id(), top.applicantId());
        assertThat(walk.fixture.tierFlow.taskBooks().countersign(top.id(), reviewerOf(REGION)).state())
                .isEqualTo(TaskBook.State.SIGNED);
        assertThat(status(top).workingPeriodEndsAt()).isEqualTo(startOf(LocalDate.of(2022, 3, 10)));

        walk.fixture.today(LocalDate.of(2022, 3, 10));
        assertThat(walk.fixture.fireDueTimers(top.id())).containsExactly(TierFlowBpmn.EVENT_WORKING_PERIOD_ENDED);
        var acceptance = walk.fixture.tierFlow.acceptance();
        acceptance.submitReport(top.id(), top.applicantId(), "总结报告 / final report");
        assertRefused(() -> acceptance.decide(top.id(), reviewerOf(REGION), new BigDecimal("88"), true, null),
                "on-site-not-scheduled");
        acceptance.scheduleOnSite(top.id(), reviewerOf(REGION), LocalDate.of(2022, 3, 20), List.of("专家甲", "专家乙"));
        AcceptanceRound passed = acceptance.decide(top.id(), reviewerOf(REGION), new BigDecimal("88"), true, "通过 / passed");
        assertThat(passed.passed()).isTrue();
        assertThat(passed.reviews()).extracting(r -> r.level()).containsExactly(OrganisationLevel.PROVINCE);

        assertThatThrownBy(() -> walk.fixture.tierFlow.credentials().issue(top.id(), reviewerOf(YINCHUAN)))
                .as("the region issues, not the city").isInstanceOf(NotAuthorizedException.class);
        Credential credential = walk.fixture.tierFlow.credentials().issue(top.id(), reviewerOf(REGION), "马顶尖");
        assertThat(credential.issuingUnitId()).isEqualTo(REGION);
        assertThat(credential.title().en()).isEqualTo("Certificate: Ningxia Internet + Education application-demonstration top talent");
        assertThat(status(top).phase()).isEqualTo(LifecyclePhase.COMPLETED);
    }

    // ------------------------------------------------------------------------------------------ management talent

    @Test
    void aUniversityManagementTalentIsScreenedByItsUniversityAndDecidedSignedAndAcceptedByTheRegion() {
        walk.fixture.today(LocalDate.of(2021, 4, 6));
        Nomination manager = walk.submit("management-talent", NXU, facts("management-talent"));
        assertThat(walk.task(manager).level()).isEqualTo(OrganisationLevel.UNIVERSITY);
        walk.passToSelection(manager);
        assertThat(walk.timelineLevels(manager)).containsExactly(OrganisationLevel.UNIVERSITY, OrganisationLevel.PROVINCE);

        TaskBook book = walk.fixture.tierFlow.taskBooks().get(manager.id());
        assertThat(book.authorityUnitId()).isEqualTo(REGION);
        assertThat(book.funding()).extracting(TaskBook.FundingLine::code, TaskBook.FundingLine::amount).containsExactly(
                tuple("management-study", new BigDecimal("0.5")), tuple("other", new BigDecimal("3.0")));

        walk.fixture.passAcceptance(manager);
        assertThat(status(manager).acceptancePassed()).isTrue();
        Credential credential = walk.fixture.tierFlow.credentials().issue(manager.id(), reviewerOf(REGION));
        assertThat(credential.issuingLevel()).isEqualTo(OrganisationLevel.PROVINCE);
        assertThat(credential.title().zh()).isEqualTo("自治区“互联网+教育”高端管理人才认定证书");
    }

    // ------------------------------------------------------------------------------------------ teaching talent

    @Test
    void aTeachingTalentIsDecidedByTheCityFiledWithTheRegionFailsAcceptanceIsExtendedSixMonthsAndThenRecognised() {
        walk.fixture.today(LocalDate.of(2021, 5, 10));
        Nomination teacher = walk.passToSelection(walk.submit("teaching-talent", LITONG_MIDDLE, facts("teaching-talent")));
        assertThat(walk.timeline(teacher)).containsExactly(SUBMITTED, PASSED, PASSED, PASSED, FILED);
        assertThat(walk.timelineLevels(teacher)).containsExactly(OrganisationLevel.SCHOOL, OrganisationLevel.DISTRICT,
                OrganisationLevel.CITY, OrganisationLevel.PROVINCE);
        assertThat(walk.fixture.tierFlow.nominations().timeline(teacher.id())).filteredOn(e -> e.type() == FILED)
                .singleElement().satisfies(e -> {
                    assertThat(e.unitId()).isEqualTo(REGION);
                    assertThat(e.actorId()).as("filing informs, nobody decides").isNull();
                });

        TaskBook book = walk.fixture.tierFlow.taskBooks().get(teacher.id());
        assertThat(book.authorityUnitId()).as("the city signs").isEqualTo(WUZHONG);
        assertThat(book.funding()).extracting(TaskBook.FundingLine::code, TaskBook.FundingLine::amount).containsExactly(
                tuple("teaching-study", new BigDecimal("0.5")), tuple("demonstration", new BigDecimal("0.3")));
        assertThat(book.fundingTotal()).isEqualByComparingTo("0.8");
        walk.fixture.today(LocalDate.of(2021, 5, 31));
        walk.fixture.tierFlow.taskBooks().sign(teacher.id(), teacher.applicantId());
        walk.fixture.tierFlow.taskBooks().countersign(teacher.id(), reviewerOf(WUZHONG));

        walk.fixture.today(LocalDate.of(2022, 5, 31));
        walk.fixture.fireDueTimers(teacher.id());
        var acceptance = walk.fixture.tierFlow.acceptance();
        acceptance.submitReport(teacher.id(), teacher.applicantId(), "总结报告 / final report");
        acceptance.review(teacher.id(), reviewerOf(LITONG), true, "县级审核 / county reviewed");
        acceptance.scheduleOnSite(teacher.id(), reviewerOf(WUZHONG), LocalDate.of(2022, 6, 8), List.of("专家甲"));
        acceptance.decide(teacher.id(), reviewerOf(WUZHONG), new BigDecimal("55"), false, "案例未推广 / not demonstrated");

        LifecycleStatus extended = status(teacher);
        assertThat(extended.phase()).isEqualTo(LifecyclePhase.EXTENSION);
        assertThat(extended.extensionsUsed()).isEqualTo(1);
        assertThat(extended.workingPeriodEndsAt()).as("six months more").isEqualTo(startOf(LocalDate.of(2022, 11, 30)));
        assertRefused(() -> walk.fixture.tierFlow.credentials().issue(teacher.id(), reviewerOf(WUZHONG)), "outcome-missing");

        walk.fixture.today(LocalDate.of(2022, 11, 30));
        assertThat(walk.fixture.fireDueTimers(teacher.id())).containsExactly(TierFlowBpmn.EVENT_EXTENSION_ENDED);
        acceptance.submitReport(teacher.id(), teacher.applicantId(), "整改报告 / rectification report");
        acceptance.review(teacher.id(), reviewerOf(LITONG), true, null);
        acceptance.scheduleOnSite(teacher.id(), reviewerOf(WUZHONG), LocalDate.of(2022, 12, 5), List.of("专家甲"));
        acceptance.decide(teacher.id(), reviewerOf(WUZHONG), new BigDecimal("78"), true, "整改到位 / rectified");

        assertThat(acceptance.rounds(teacher.id())).extracting(AcceptanceRound::round, AcceptanceRound::passed)
                .containsExactly(tuple(1, false), tuple(2, true));
        Credential credential = walk.fixture.tierFlow.credentials().issue(teacher.id(), reviewerOf(WUZHONG));
        assertThat(credential.issuingUnitId()).as("the city issues").isEqualTo(WUZHONG);
        assertThat(status(teacher).phase()).isEqualTo(LifecyclePhase.COMPLETED);
    }

    @Test
    void aUniversityTeachingTalentIsDecidedByItsUniversityFailsTwiceWithTheRegionAndEndsWithoutCredential() {
        walk.fixture.today(LocalDate.of(2021, 6, 7));
        Nomination lecturer = walk.passToSelection(walk.submit("teaching-talent", POLYTECHNIC, facts("teaching-talent")));
        assertThat(walk.timeline(lecturer)).containsExactly(SUBMITTED, PASSED, FILED);
        assertThat(walk.timelineLevels(lecturer)).containsExactly(OrganisationLevel.UNIVERSITY, OrganisationLevel.PROVINCE);
        assertThat(walk.fixture.tierFlow.taskBooks().get(lecturer.id()).authorityUnitId())
                .as("university candidates sign with the region").isEqualTo(REGION);

        walk.fixture.today(LocalDate.of(2021, 6, 8));
        walk.fixture.tierFlow.taskBooks().sign(lecturer.id(), lecturer.applicantId());
        walk.fixture.tierFlow.taskBooks().countersign(lecturer.id(), reviewerOf(REGION));
        var acceptance = walk.fixture.tierFlow.acceptance();
        for (LocalDate due : List.of(LocalDate.of(2022, 6, 8), LocalDate.of(2022, 12, 8))) {
            walk.fixture.today(due);
            walk.fixture.fireDueTimers(lecturer.id());
            acceptance.submitReport(lecturer.id(), lecturer.applicantId(), "报告 / report");
            acceptance.scheduleOnSite(lecturer.id(), reviewerOf(REGION), due.plusDays(3), List.of("专家甲"));
            acceptance.decide(lecturer.id(), reviewerOf(REGION), new BigDecimal("50"), false, "未达标 / not met");
        }

        LifecycleStatus ended = status(lecturer);
        assertThat(ended.phase()).isEqualTo(LifecyclePhase.ENDED_WITHOUT_CREDENTIAL);
        assertThat(ended.acceptancePassed()).isFalse();
        assertThat(ended.extensionsUsed()).isEqualTo(1);
        assertRefused(() -> walk.fixture.tierFlow.credentials().issue(lecturer.id(), reviewerOf(REGION)), "outcome-missing");
    }

    @Test
    void theRegionAllocatesTheTeachingQuotaToItsCitiesAndACityCannotPassMoreThanItsShare() {
        walk.fixture.today(LocalDate.of(2021, 7, 5));
        walk.fixture.tierFlow.selection().allocate(PROGRAM, "teaching-talent", REGION,
                Map.of(SHIZUISHAN, 1, "nx-guyuan", 400, "nx-zhongwei", 200), reviewerOf(REGION));
        Nomination first = walk.passToSelection(walk.submit("teaching-talent", DAWUKOU_MIDDLE, facts("teaching-talent")));
        Nomination second = walk.submit("teaching-talent", HUINONG_MIDDLE, facts("teaching-talent"));
        walk.pass(second);
        walk.pass(second);
        walk.scorePanel(second, 80, 80, 80, 80, 80);

        QuotaExceededException full = catchThrowableOfType(QuotaExceededException.class, () -> walk.pass(second));

        assertThat(first.state()).isEqualTo(NominationState.SELECTED);
        assertThat(full.code()).isEqualTo("quota-full");
        assertThat(full.unitId()).isEqualTo(SHIZUISHAN);
        assertThat(full.allocated()).isEqualTo(1);
        assertThat(walk.fixture.tierFlow.nominations().get(second.id()).state()).isEqualTo(NominationState.IN_REVIEW);
    }

    // ------------------------------------------------------------------------------------------ backbone talent

    @Test
    void backboneTalentsAreDecidedByTheCountyOrTheUniversityFiledAcceptedWithoutAVisitAndGetNoCredential() {
        walk.fixture.today(LocalDate.of(2021, 9, 6));
        Nomination county = walk.passToSelection(walk.submit("backbone-talent", XINGQING_PRIMARY, facts("backbone-talent")));
        Nomination university = walk.passToSelection(walk.submit("backbone-talent", NXU, facts("backbone-talent")));
        assertThat(walk.timeline(county)).containsExactly(SUBMITTED, PASSED, FILED);
        assertThat(walk.timelineLevels(county)).containsExactly(OrganisationLevel.DISTRICT, OrganisationLevel.PROVINCE);
        assertThat(walk.timelineLevels(university)).containsExactly(OrganisationLevel.UNIVERSITY, OrganisationLevel.PROVINCE);
        assertThatThrownBy(() -> walk.fixture.tierFlow.taskBooks().get(county.id())).as("no task book for backbone talents")
                .isInstanceOf(NotFoundException.class);
        assertThat(status(county).phase()).isEqualTo(LifecyclePhase.IMPLEMENTATION);

        walk.fixture.today(LocalDate.of(2022, 9, 6));
        for (var pair : List.of(Map.entry(county, XINGQING), Map.entry(university, NXU))) {
            Nomination n = pair.getKey();
            walk.fixture.fireDueTimers(n.id());
            walk.fixture.tierFlow.acceptance().submitReport(n.id(), n.applicantId(), "总结 / report");
            AcceptanceRound round = walk.fixture.tierFlow.acceptance().decide(n.id(), reviewerOf(pair.getValue()),
                    new BigDecimal("80"), true, "合格 / passed");
            assertThat(round.passed()).as("no on-site visit needed").isTrue();
            assertThat(round.onSiteDate()).isNull();
            assertRefused(() -> walk.fixture.tierFlow.credentials().issue(n.id(), reviewerOf(pair.getValue())), "no-credential");
        }
    }

    // ------------------------------------------------------------------------------------------ spot checks

    @Test
    void theRegionSpotChecksCandidatesAndTheirManagingUnitsEachYear() {
        walk.fixture.today(LocalDate.of(2021, 10, 11));
        Nomination teacher = walk.passToSelection(walk.submit("teaching-talent", XINGQING_PRIMARY, facts("teaching-talent")));
        Nomination backbone = walk.passToSelection(walk.submit("backbone-talent", LITONG_MIDDLE, facts("backbone-talent")));

        for (int year : List.of(2021, 2022)) {
            walk.fixture.today(LocalDate.of(year, 12, 1));
            SpotCheck check = walk.fixture.tierFlow.spotChecks().draw(new SpotCheckRequest(PROGRAM, REGION, year,
                    (long) year, SampleSize.percent(100), SampleSize.percent(100), reviewerOf(REGION)));
            assertThat(check.auditingLevel()).isEqualTo(OrganisationLevel.PROVINCE);
            assertThat(check.items(SpotCheckItem.Kind.CANDIDATE)).extracting(SpotCheckItem::nominationId)
                    .contains(teacher.id(), backbone.id());
            assertThat(check.items(SpotCheckItem.Kind.UNIT)).extracting(SpotCheckItem::unitId).isNotEmpty();
            for (SpotCheckItem item : check.items()) {
                walk.fixture.tierFlow.spotChecks().complete(item.id(), reviewerOf(REGION),
                        item.nominationId() != null && item.nominationId().equals(backbone.id()) ? AuditFinding.ISSUES : AuditFinding.OK,
                        "抽查 / audited");
            }
            SpotCheckReport report = walk.fixture.tierFlow.spotChecks().report(check.id(), reviewerOf(REGION));
            assertThat(report.isComplete()).isTrue();
            assertThat(report.issues()).isEqualTo(1);
        }
        assertRefused(() -> walk.fixture.tierFlow.spotChecks().draw(new SpotCheckRequest(PROGRAM, REGION, 2022, 7L,
                SampleSize.percent(10), SampleSize.percent(10), reviewerOf(REGION))), "already-drawn");
        assertRefused(() -> walk.fixture.tierFlow.spotChecks().draw(new SpotCheckRequest(PROGRAM, YINCHUAN, 2022, 7L,
                SampleSize.percent(10), SampleSize.percent(10), reviewerOf(YINCHUAN))), "wrong-auditing-level");
    }

    // ------------------------------------------------------------------------------------------ helpers

    private LifecycleStatus status(Nomination nomination) {
        return walk.fixture.tierFlow.lifecycle().get(nomination.id()).orElseThrow();
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(CHINA).toInstant();
    }
}
