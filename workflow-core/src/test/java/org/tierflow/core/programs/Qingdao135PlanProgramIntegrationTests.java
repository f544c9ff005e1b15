package org.tierflow.core.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.tierflow.core.api.TimelineEntryType.PASSED;
import static org.tierflow.core.api.TimelineEntryType.REJECTED;
import static org.tierflow.core.api.TimelineEntryType.SUBMITTED;
import static org.tierflow.core.training.AfterSelectionFixture.reviewerOf;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tierflow.core.api.Credential;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.LifecyclePhase;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationState;
import org.tierflow.core.api.NotEligibleException;
import org.tierflow.core.api.PanelResult;
import org.tierflow.core.api.QuotaExceededException;
import org.tierflow.core.api.RankedCandidate;
import org.tierflow.core.api.SelectionRound;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.api.program.ScoreAggregation;
import org.tierflow.core.support.InMemoryOrganisationDirectory;

/**
 * Program B, {@code qingdao-135-plan-2023}, people tiers only (its schools and projects are another issue), as
 * shipped, on the shipped Qingdao tree: the digital-literacy assessment as eligibility, the chain school →
 * district → city, the city's expert panels (trimmed mean of five, mean of three for teachers) ranking the
 * round, the quota allocated down to the districts, and the city's credential.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Qingdao135PlanProgramIntegrationTests {

    static final String PROGRAM = "qingdao-135-plan-2023";
    static final String CITY = "qd";
    static final Map<String, Object> ASSESSED = Map.of("digitalLiteracyAssessed", true);

    SeedProgramWalk walk;

    @BeforeAll
    void start() {
        walk = SeedProgramWalk.start(PROGRAM, InMemoryOrganisationDirectory.QINGDAO);
    }

    @AfterAll
    void stop() throws Exception {
        walk.close();
    }

    @Test
    void everyTierRefusesACandidateNotAssessedForDigitalLiteracy() {
        walk.fixture.today(LocalDate.of(2023, 4, 3));
        for (String tier : List.of("ecio", "it-expert-principal", "it-expert-teacher")) {
            NotEligibleException refused = catchThrowableOfType(NotEligibleException.class,
                    () -> walk.submit(tier, "qd-laoshan-experimental-primary", Map.of("digitalLiteracyAssessed", false)));
            assertThat(refused.failures()).as(tier).extracting(f -> f.ruleCode()).containsExactly("digital-literacy-assessed");
            assertThat(refused.text().zh()).contains("《教师数字素养》");
        }
    }

    @Test
    void eachPeopleTierGoesFromSchoolThroughItsPanelAndTheCitysRankedRoundToTheCitysCredential() {
        record TierCase(String tier, int experts, ScoreAggregation aggregation, int[] strong, int[] weak,
                        String strongScore, String weakScore, int quota) {
        }
        List<TierCase> cases = List.of(
                new TierCase("ecio", 5, ScoreAggregation.TRIMMED_MEAN, new int[] {100, 90, 85, 80, 10},
                        new int[] {80, 80, 80, 80, 80}, "85", "80", 100),
                new TierCase("it-expert-principal", 5, ScoreAggregation.TRIMMED_MEAN, new int[] {95, 90, 90, 90, 0},
                        new int[] {70, 75, 80, 85, 90}, "90", "80", 300),
                new TierCase("it-expert-teacher", 3, ScoreAggregation.MEAN, new int[] {90, 80, 70},
                        new int[] {100, 50, 60}, "80", "70", 500));
        LocalDate day = LocalDate.of(2023, 5, 8);
        for (TierCase c : cases) {
            walk.fixture.today(day);
            Nomination weak = walk.submit(c.tier(), "qd-chengyang-no1-senior-high", ASSESSED);
            Nomination strong = walk.submit(c.tier(), "qd-laixi-no1-middle", ASSESSED);
            Nomination turnedDown = walk.submit(c.tier(), "qd-laixi-no1-middle", ASSESSED);
            for (Nomination n : List.of(weak, strong)) {
                assertThat(walk.task(n).level()).isEqualTo(OrganisationLevel.SCHOOL);
                walk.pass(n);
                assertThat(walk.task(n).stepName().zh()).isEqualTo("区市教体局遴选推荐");
                walk.pass(n);
            }
            walk.pass(turnedDown);
            walk.decide(turnedDown, org.tierflow.core.api.Decision.reject("不推荐 / not recommended"));
            assertThat(walk.timeline(turnedDown)).containsExactly(SUBMITTED, PASSED, REJECTED);

            walk.scorePanel(strong, c.strong());
            walk.scorePanel(weak, c.weak());
            PanelResult result = walk.fixture.tierFlow.panels().result(strong.id(), reviewerOf(CITY)).orElseThrow();
            assertThat(result.aggregation()).as(c.tier()).isEqualTo(c.aggregation());
            assertThat(result.assigned()).as(c.tier()).isEqualTo(c.experts());
            assertThat(result.score()).as(c.tier()).isEqualByComparingTo(c.strongScore());
            assertThat(walk.fixture.tierFlow.panels().result(weak.id(), reviewerOf(CITY)).orElseThrow().score())
                    .as(c.tier()).isEqualByComparingTo(c.weakScore());

            SelectionRound round = walk.openRound(c.tier(), CITY);
            List<RankedCandidate> ranked = walk.fixture.tierFlow.selection().rankedCandidates(round.id(), reviewerOf(CITY));
            assertThat(ranked).as(c.tier()).extracting(RankedCandidate::nominationId).containsExactly(strong.id(), weak.id());
            var outcome = walk.fixture.tierFlow.selection().selectBatch(round.id(), reviewerOf(CITY),
                    List.of(strong.id()), "市教育局评审认定 / selected");
            assertThat(outcome.quota()).as(c.tier()).extracting(q -> q.allocated(), q -> q.used())
                    .containsExactly(c.quota(), 1);
            assertThat(walk.timelineLevels(strong)).containsExactly(OrganisationLevel.SCHOOL, OrganisationLevel.DISTRICT,
                    OrganisationLevel.CITY);

            // No training, acceptance or evaluation: the city recognises the talent after the one-year cycle
            // (credential.afterWorkingPeriod): not a day before its end.
            walk.fixture.today(day.plusYears(1).minusDays(1));
            walk.fixture.fireDueTimers(strong.id());
            assertThat(walk.fixture.tierFlow.lifecycle().get(strong.id()).orElseThrow().phase())
                    .as(c.tier()).isEqualTo(LifecyclePhase.IMPLEMENTATION);
            InvalidRequestException early = catchThrowableOfType(InvalidRequestException.class,
                    () -> walk.fixture.tierFlow.credentials().issue(strong.id(), reviewerOf(CITY)));
            assertThat(early.code()).as(c.tier()).isEqualTo("outcome-missing");
            assertThat(early.text().en()).contains("the working period runs until " + day.plusYears(1).minusDays(1));
            assertThat(early.text().zh()).contains("工作期至 " + day.plusYears(1).minusDays(1) + " 结束");
            walk.fixture.today(day.plusYears(1));
            walk.fixture.fireDueTimers(strong.id());
            assertThat(walk.fixture.tierFlow.lifecycle().get(strong.id()).orElseThrow().phase())
                    .as(c.tier()).isEqualTo(LifecyclePhase.AWAITING_CREDENTIAL);
            Credential credential = walk.fixture.tierFlow.credentials().issue(strong.id(), reviewerOf(CITY));
            assertThat(credential.issuingUnitId()).isEqualTo(CITY);
            assertThat(credential.tierName()).isEqualTo(walk.tier(c.tier()).name());
            assertThat(walk.fixture.tierFlow.lifecycle().get(strong.id()).orElseThrow().phase()).isEqualTo(LifecyclePhase.COMPLETED);
            assertThat(walk.fixture.tierFlow.nominations().get(weak.id()).state()).as("still on the round's list")
                    .isEqualTo(NominationState.IN_REVIEW);
            day = day.plusDays(7);
        }
    }

    @Test
    void theCityAllocatesTheEcioQuotaToItsDistrictsAndADistrictCannotPassOnMore() {
        walk.fixture.today(LocalDate.of(2023, 6, 5));
        walk.fixture.tierFlow.selection().allocate(PROGRAM, "ecio", CITY,
                Map.of("qd-pingdu", 1, "qd-jiaozhou", 9, "qd-jimo", 9), reviewerOf(CITY));
        Nomination first = walk.submit("ecio", "qd-pingdu-no1-middle", ASSESSED);
        Nomination second = walk.submit("ecio", "qd-pingdu-no1-middle", ASSESSED);
        walk.pass(first);
        walk.pass(second);
        walk.pass(first);

        QuotaExceededException full = catchThrowableOfType(QuotaExceededException.class, () -> walk.pass(second));

        assertThat(full.code()).isEqualTo("quota-full");
        assertThat(full.unitId()).isEqualTo("qd-pingdu");
        assertThat(full.allocated()).isEqualTo(1);
        assertThat(full.text().zh()).contains("平度市教育和体育局");
        assertThat(walk.fixture.tierFlow.nominations().get(second.id()).currentLevel()).isEqualTo(OrganisationLevel.DISTRICT);
    }
}
