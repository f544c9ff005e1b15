package org.tierflow.core.spotcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tierflow.core.training.AfterSelectionFixture.NINGXIA;
import static org.tierflow.core.training.AfterSelectionFixture.QINGDAO;
import static org.tierflow.core.training.AfterSelectionFixture.reviewerOf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tierflow.core.api.AuditFinding;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NotAuthorizedException;
import org.tierflow.core.api.SpotCheck;
import org.tierflow.core.api.SpotCheckItem;
import org.tierflow.core.api.SpotCheckReport;
import org.tierflow.core.api.SpotCheckRequest;
import org.tierflow.core.api.SpotCheckService;
import org.tierflow.core.api.program.SampleSize;
import org.tierflow.core.training.AfterSelectionFixture;

/**
 * The region's yearly spot check of the Ningxia program (抽查): ten candidates in progress below the region (two
 * teaching talents, eight backbone talents), next to nominations that must never be sampled (one finished with
 * a credential, one still in review, one of another program). Each test draws its own year. Subclasses choose
 * the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SpotCheckScenarios {

    static final String REGION = "nx";
    static final String AUDITOR = reviewerOf(REGION);
    static final LocalDate SELECTED_ON = LocalDate.of(2021, 5, 10);
    static final LocalDate TODAY = LocalDate.of(2027, 1, 10);

    AfterSelectionFixture fixture;
    SpotCheckService spotChecks;
    final List<String> inProgress = new ArrayList<>();
    String finished;
    String inReview;
    String otherProgram;

    abstract AfterSelectionFixture startFixture();

    @BeforeAll
    void start() {
        fixture = startFixture();
        spotChecks = fixture.tierFlow.spotChecks();
        inProgress.add(fixture.select(NINGXIA, "teaching-talent", "xingqing-school-1", SELECTED_ON).id());
        inProgress.add(fixture.select(NINGXIA, "teaching-talent", "jinfeng-school-1", SELECTED_ON).id());
        List<String> schools = List.of("litong-school-1", "xingqing-school-1", "jinfeng-school-1", "litong-school-1");
        for (int i = 0; i < 8; i++) {
            inProgress.add(fixture.select(NINGXIA, "backbone-talent", schools.get(i % 4), SELECTED_ON).id());
        }
        Nomination credentialed = fixture.select(NINGXIA, "teaching-talent", "xingqing-school-1", SELECTED_ON);
        fixture.passAcceptance(credentialed);
        fixture.tierFlow.credentials().issue(credentialed.id(), reviewerOf("yinchuan"));
        finished = credentialed.id();
        inReview = fixture.submit(NINGXIA, "backbone-talent", "litong-school-1").id();
        otherProgram = fixture.select(QINGDAO, "elite-teacher", "shinan-school-1", SELECTED_ON).id();
        fixture.today(TODAY);
    }

    @AfterAll
    void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    private SpotCheck draw(int year, Long seed, SampleSize candidates, SampleSize units) {
        return spotChecks.draw(new SpotCheckRequest(NINGXIA, REGION, year, seed, candidates, units, AUDITOR));
    }

    private static List<String> candidateIds(SpotCheck check) {
        return check.items(SpotCheckItem.Kind.CANDIDATE).stream().map(SpotCheckItem::nominationId).toList();
    }

    private static List<String> unitIds(SpotCheck check) {
        return check.items(SpotCheckItem.Kind.UNIT).stream().map(SpotCheckItem::unitId).toList();
    }

    @Test
    void theSameSeedOverTheSamePopulationDrawsTheSameSample() {
        SpotCheck first = draw(2020, 20210510L, SampleSize.count(4), SampleSize.count(3));
        SpotCheck again = draw(2021, 20210510L, SampleSize.count(4), SampleSize.count(3));

        assertThat(again.populationDigest()).isEqualTo(first.populationDigest());
        assertThat(candidateIds(again)).hasSize(4).isEqualTo(candidateIds(first));
        assertThat(unitIds(again)).hasSize(3).isEqualTo(unitIds(first));
        assertThat(spotChecks.get(again.id(), AUDITOR).seed()).isEqualTo(20210510L);
    }

    @Test
    void aDifferentSeedDrawsADifferentSample() {
        SpotCheck one = draw(2022, 1L, SampleSize.percent(50), SampleSize.count(1));
        SpotCheck other = draw(2023, 2L, SampleSize.percent(50), SampleSize.count(1));

        assertThat(other.populationDigest()).isEqualTo(one.populationDigest());
        assertThat(candidateIds(one)).hasSize(5);
        assertThat(candidateIds(other)).hasSize(5).isNotEqualTo(candidateIds(one));
    }

    @Test
    void onlyCandidatesInProgressBelowTheAuditorAreSampledAndTheirManagingUnitsWithThem() {
        SpotCheck everyone = draw(2024, 7L, SampleSize.percent(100), SampleSize.count(100));

        assertThat(everyone.candidatePopulation()).isEqualTo(10);
        assertThat(candidateIds(everyone)).containsExactlyInAnyOrderElementsOf(inProgress)
                .doesNotContain(finished, inReview, otherProgram);
        Map<String, Integer> managed = everyone.items(SpotCheckItem.Kind.UNIT).stream()
                .collect(Collectors.toMap(SpotCheckItem::unitId, SpotCheckItem::managedCandidates));
        // Teaching talents: school, county, city; backbone talents: school and county (their chain skips the city).
        assertThat(managed).containsOnly(
                Map.entry("xingqing-school-1", 3), Map.entry("xingqing", 3), Map.entry("yinchuan", 2),
                Map.entry("jinfeng-school-1", 3), Map.entry("jinfeng", 3),
                Map.entry("litong-school-1", 4), Map.entry("litong", 4));
        assertThat(everyone.unitPopulation()).isEqualTo(7);
    }

    @Test
    void sampleSizesFollowTheirRules() {
        SpotCheck check = draw(2025, 99L, SampleSize.percent(11), SampleSize.count(50));

        assertThat(check.items(SpotCheckItem.Kind.CANDIDATE)).as("11%% of 10, rounded up").hasSize(2);
        assertThat(check.items(SpotCheckItem.Kind.UNIT)).as("a count above the population takes all").hasSize(7);
        assertThat(check.items(SpotCheckItem.Kind.CANDIDATE)).extracting(SpotCheckItem::drawOrder).containsExactly(1, 2);
        assertThat(check.candidateSample()).isEqualTo(SampleSize.percent(11));

        assertThatThrownBy(() -> draw(2026, 1L, null, SampleSize.count(1)))
                .isInstanceOf(InvalidRequestException.class)
                .hasFieldOrPropertyWithValue("code", "missing-sample-size")
                .hasMessageContaining("candidates");
        assertThatThrownBy(() -> draw(2026, 1L, SampleSize.percent(0), SampleSize.count(1)))
                .hasFieldOrPropertyWithValue("code", "invalid-sample-size")
                .hasMessageContaining("比例须在 1 到 100 之间");
        assertThatThrownBy(() -> draw(2019, 1L, SampleSize.count(1), SampleSize.count(1)))
                .hasFieldOrPropertyWithValue("code", "invalid-year");
        assertThatThrownBy(() -> draw(2028, 1L, SampleSize.count(1), SampleSize.count(1)))
                .as("not a year still to come").hasFieldOrPropertyWithValue("code", "invalid-year");
        assertThatThrownBy(() -> draw(2025, 1L, SampleSize.count(1), SampleSize.count(1)))
                .as("one draw a year").hasFieldOrPropertyWithValue("code", "already-drawn");
    }

    @Test
    void auditsAreCompletedWithAFindingAndTheReportCountsThem() {
        SpotCheck check = spotChecks.draw(new SpotCheckRequest(NINGXIA, REGION, 2026, null, SampleSize.count(2),
                SampleSize.count(1), AUDITOR));
        assertThat(spotChecks.openAudits(AUDITOR)).extracting(SpotCheckItem::spotCheckId).contains(check.id());
        assertThat(spotChecks.openAudits(reviewerOf("yinchuan"))).isEmpty();
        SpotCheckItem first = check.items().get(0);
        SpotCheckItem second = check.items().get(1);
        SpotCheckItem unit = check.items(SpotCheckItem.Kind.UNIT).get(0);

        assertThatThrownBy(() -> spotChecks.complete(second.id(), AUDITOR, AuditFinding.ISSUES, " "))
                .hasFieldOrPropertyWithValue("code", "invalid-comment");
        SpotCheckItem ok = spotChecks.complete(first.id(), AUDITOR, AuditFinding.OK, "=按任务书推进 / on track");
        spotChecks.complete(unit.id(), AUDITOR, AuditFinding.ISSUES, "培养档案缺失, \"missing\" growth files");
        assertThat(ok.finding()).isEqualTo(AuditFinding.OK);
        assertThat(ok.auditorId()).isEqualTo(AUDITOR);
        assertThat(ok.completedAt()).isNotNull();
        assertThatThrownBy(() -> spotChecks.complete(first.id(), AUDITOR, AuditFinding.ISSUES, "second thoughts"))
                .hasFieldOrPropertyWithValue("code", "already-completed");

        SpotCheckReport report = spotChecks.report(check.id(), AUDITOR);
        assertThat(report.candidatesSampled()).isEqualTo(2);
        assertThat(report.unitsSampled()).isEqualTo(1);
        assertThat(report.completed()).isEqualTo(2);
        assertThat(report.open()).isEqualTo(1);
        assertThat(report.ok()).isEqualTo(1);
        assertThat(report.issues()).isEqualTo(1);
        assertThat(report.isComplete()).isFalse();
        assertThat(spotChecks.openAudits(AUDITOR)).extracting(SpotCheckItem::id).contains(second.id())
                .doesNotContain(first.id(), unit.id());

        String csv = spotChecks.reportCsv(check.id(), AUDITOR);
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("spot_check_id,program,auditing_unit,year,seed,kind,draw_order");
        assertThat(lines[1]).contains(first.nominationId(), "CANDIDATE", "COMPLETED", ",OK,", "'=按任务书推进");
        assertThat(lines[2]).contains(second.nominationId(), "OPEN");
        assertThat(lines[3]).contains("UNIT", unit.unitId(), "ISSUES",
                "\"培养档案缺失, \"\"missing\"\" growth files\"");
    }

    @Test
    void someoneWhoMayNotActForTheAuditingUnitIsRefusedAndNothingChanges() {
        long before = fixture.count("tierflow_spot_check", "1 = 1");
        SpotCheckRequest byCity = new SpotCheckRequest(NINGXIA, REGION, 2020, 5L, SampleSize.count(1),
                SampleSize.count(1), reviewerOf("yinchuan"));
        assertThatThrownBy(() -> spotChecks.draw(byCity))
                .isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("无权").hasMessageContaining("may not spot-check");
        assertThatThrownBy(() -> spotChecks.draw(new SpotCheckRequest(NINGXIA, "yinchuan", 2020, 5L,
                SampleSize.count(1), SampleSize.count(1), reviewerOf("yinchuan"))))
                .hasFieldOrPropertyWithValue("code", "wrong-auditing-level");
        assertThat(fixture.count("tierflow_spot_check", "1 = 1")).isEqualTo(before);

        SpotCheck check = draw(2027, 5L, SampleSize.count(1), SampleSize.count(1));
        String id = check.id();
        SpotCheckItem item = check.items().get(0);
        assertThatThrownBy(() -> spotChecks.report(id, reviewerOf("yinchuan")))
                .isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> spotChecks.reportCsv(id, null)).isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> spotChecks.complete(item.id(), reviewerOf("litong"), AuditFinding.OK, null))
                .isInstanceOf(NotAuthorizedException.class);
        assertThat(spotChecks.get(id, AUDITOR).items().stream().filter(i -> i.id().equals(item.id())).findFirst())
                .get().satisfies(i -> assertThat(i.isOpen()).isTrue());
    }
}
