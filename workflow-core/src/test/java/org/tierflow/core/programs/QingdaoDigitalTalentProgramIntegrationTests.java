package org.tierflow.core.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;
import static org.tierflow.core.api.TimelineEntryType.PASSED;
import static org.tierflow.core.api.TimelineEntryType.REJECTED;
import static org.tierflow.core.api.TimelineEntryType.RESUBMITTED;
import static org.tierflow.core.api.TimelineEntryType.RETURNED_TO_APPLICANT;
import static org.tierflow.core.api.TimelineEntryType.SUBMITTED;
import static org.tierflow.core.programs.SeedProgramWalk.assertRefused;
import static org.tierflow.core.training.AfterSelectionFixture.reviewerOf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tierflow.bpmn.TierFlowBpmn;
import org.tierflow.core.api.BatchOutcome;
import org.tierflow.core.api.Credential;
import org.tierflow.core.api.CredentialStatus;
import org.tierflow.core.api.Decision;
import org.tierflow.core.api.Evaluation;
import org.tierflow.core.api.HourRecord;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.LifecyclePhase;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationState;
import org.tierflow.core.api.NotEligibleException;
import org.tierflow.core.api.ObjectionOutcome;
import org.tierflow.core.api.PanelResult;
import org.tierflow.core.api.Publication;
import org.tierflow.core.api.PublicityEntryStatus;
import org.tierflow.core.api.RankedCandidate;
import org.tierflow.core.api.SelectionRound;
import org.tierflow.core.api.TrainingProgress;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.support.InMemoryOrganisationDirectory;

/**
 * Program A, {@code qingdao-digital-talent-2023}, as shipped, on the shipped Qingdao tree (city bureau, districts,
 * schools): every tier's eligibility rules (one refused candidate per rule), the chain school → district → city with
 * a return for correction and a rejection, the city's expert panel and ranked selection, publicity, the training
 * hours by category (complete and short), the four-party evaluation (qualified and not) and the credential.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QingdaoDigitalTalentProgramIntegrationTests {

    static final String PROGRAM = "qingdao-digital-talent-2023";
    static final String CITY = "qd";
    static final String SHINAN = "qd-shinan";
    static final String SHINAN_PRIMARY = "qd-shinan-experimental-primary";
    static final String SHIBEI = "qd-shibei";
    static final String SHIBEI_MIDDLE = "qd-shibei-no17-middle";
    static final String JIMO_MIDDLE = "qd-jimo-no1-middle";

    SeedProgramWalk walk;

    @BeforeAll
    void start() {
        walk = SeedProgramWalk.start(PROGRAM, InMemoryOrganisationDirectory.QINGDAO);
    }

    @AfterAll
    void stop() throws Exception {
        walk.close();
    }

    // ------------------------------------------------------------------------------------------ eligibility

    static Map<String, Object> eligible(String tier) {
        return switch (tier) {
            case "cio" -> Map.of("yearsInDigitalPlanning", 3, "digitalAcademicBackground", true,
                    "strongLearningAbility", false, "digitalPapers", 4, "digitalResearchProject", false);
            case "leading-principal" -> Map.of("yearsAsPrincipalLeader", 5, "attendedDigitalForumOrTraining", true,
                    "schoolDigitalHonour", false, "digitalResearchProject", true);
            case "elite-teacher" -> Map.of("digitalTrainingHours", 24);
            default -> throw new IllegalArgumentException(tier);
        };
    }

    static Map<String, Object> with(String tier, Object... factsAndValues) {
        Map<String, Object> facts = new HashMap<>(eligible(tier));
        for (int i = 0; i < factsAndValues.length; i += 2) {
            facts.put((String) factsAndValues[i], factsAndValues[i + 1]);
        }
        return facts;
    }

    @Test
    void eachEligibilityRuleOfEachTierRefusesACandidateAndNamesTheRule() {
        walk.fixture.today(LocalDate.of(2023, 9, 4));
        Map<String, Map<String, Object>> failing = new LinkedHashMap<>();
        failing.put("cio/planning-experience", with("cio", "yearsInDigitalPlanning", 1));
        failing.put("cio/background-or-learning", with("cio", "digitalAcademicBackground", false, "strongLearningAbility", false));
        failing.put("cio/papers-or-research", with("cio", "digitalPapers", 2, "digitalResearchProject", false));
        failing.put("leading-principal/principal-experience", with("leading-principal", "yearsAsPrincipalLeader", 1));
        failing.put("leading-principal/forum-or-training", with("leading-principal", "attendedDigitalForumOrTraining", false));
        failing.put("leading-principal/honour-or-research",
                with("leading-principal", "schoolDigitalHonour", false, "digitalResearchProject", false));
        failing.put("elite-teacher/prior-training", with("elite-teacher", "digitalTrainingHours", 19));

        failing.forEach((tierAndRule, facts) -> {
            String tier = tierAndRule.substring(0, tierAndRule.indexOf('/'));
            String rule = tierAndRule.substring(tierAndRule.indexOf('/') + 1);
            var reason = walk.tier(tier).eligibility().stream().filter(r -> r.code().equals(rule)).findFirst().orElseThrow().reason();
            NotEligibleException refused = catchThrowableOfType(NotEligibleException.class,
                    () -> walk.submit(tier, SHINAN_PRIMARY, facts));
            assertThat(refused).as(tierAndRule).isNotNull();
            assertThat(refused.code()).isEqualTo("not-eligible");
            assertThat(refused.failures()).as(tierAndRule).extracting(f -> f.ruleCode()).containsExactly(rule);
            assertThat(refused.text().zh()).as(tierAndRule).contains(reason.zh());
            assertThat(refused.text().en()).as(tierAndRule).contains(reason.en());
        });

        // Either branch of an "any of" rule is enough.
        for (Map<String, Object> facts : List.of(with("cio", "digitalAcademicBackground", false, "strongLearningAbility", true),
                with("cio", "digitalPapers", 0, "digitalResearchProject", true))) {
            assertThat(walk.submit("cio", SHINAN_PRIMARY, facts).state()).isEqualTo(NominationState.IN_REVIEW);
        }
        assertThat(walk.submit("leading-principal", SHINAN_PRIMARY,
                with("leading-principal", "schoolDigitalHonour", true, "digitalResearchProject", false)).state())
                .isEqualTo(NominationState.IN_REVIEW);
        assertThat(walk.submit("elite-teacher", SHINAN_PRIMARY, with("elite-teacher", "digitalTrainingHours", 20)).state())
                .as("exactly 20 class hours is enough").isEqualTo(NominationState.IN_REVIEW);
    }

    // ------------------------------------------------------------------------------------------ whole life cycle

    @Test
    void aCioGoesFromSchoolThroughCorrectionPanelRankingPublicityTrainingAndEvaluationToItsCredential() {
        walk.fixture.today(LocalDate.of(2023, 10, 9));
        Nomination cio = walk.submit("cio", SHINAN_PRIMARY, with("cio", "digitalPapers", 1, "digitalResearchProject", true));
        Nomination rival = walk.submit("cio", SHIBEI_MIDDLE, eligible("cio"));
        Nomination refused = walk.submit("cio", SHIBEI_MIDDLE, eligible("cio"));

        // School recommends, the district returns for correction, the applicant corrects and the chain runs again.
        assertThat(walk.task(cio).level()).isEqualTo(OrganisationLevel.SCHOOL);
        Nomination atDistrict = walk.pass(cio);
        assertThat(atDistrict.currentLevel()).isEqualTo(OrganisationLevel.DISTRICT);
        assertThat(walk.task(cio).stepName().zh()).isEqualTo("区市教体局遴选推荐");
        Nomination returned = walk.decide(cio, Decision.returnToApplicant("请补充课题证明 / add the research project's certificate"));
        assertThat(returned.state()).isEqualTo(NominationState.RETURNED_FOR_CORRECTION);
        Nomination resubmitted = walk.fixture.tierFlow.nominations().resubmit(cio.id(), cio.applicantId(),
                with("cio", "digitalPapers", 3, "digitalResearchProject", true), "已补充 / added");
        assertThat(resubmitted.state()).isEqualTo(NominationState.IN_REVIEW);
        assertThat(resubmitted.facts()).containsEntry("digitalPapers", 3);
        assertThat(resubmitted.currentLevel()).as("back to the level that returned it").isEqualTo(OrganisationLevel.DISTRICT);
        while (walk.fixture.tierFlow.nominations().get(cio.id()).currentLevel() != OrganisationLevel.CITY) {
            walk.pass(cio);
        }
        walk.pass(rival);
        walk.pass(rival);
        walk.pass(refused);
        Nomination rejected = walk.decide(refused, Decision.reject("材料不实 / documents not credible"));
        assertThat(rejected.state()).isEqualTo(NominationState.REJECTED);
        assertThat(walk.timeline(refused)).containsExactly(SUBMITTED, PASSED, REJECTED);
        assertThat(walk.timelineLevels(refused)).containsExactly(OrganisationLevel.SCHOOL, OrganisationLevel.DISTRICT);

        // The city's panel: five experts of the seven, trimmed mean (highest and lowest total dropped).
        walk.scorePanel(cio, 95, 90, 80, 70, 20);
        walk.scorePanel(rival, 80, 75, 70, 65, 60);
        PanelResult result = walk.fixture.tierFlow.panels().result(cio.id(), reviewerOf(CITY)).orElseThrow();
        assertThat(result.assigned()).isEqualTo(5);
        assertThat(result.score()).as("(90 + 80 + 70) / 3").isEqualByComparingTo("80");
        assertThat(walk.fixture.tierFlow.panels().result(rival.id(), reviewerOf(CITY)).orElseThrow().score())
                .isEqualByComparingTo("70");

        // The city ranks by the panel's score and selects within its quota of 100.
        SelectionRound round = walk.openRound("cio", CITY);
        List<RankedCandidate> ranked = walk.fixture.tierFlow.selection().rankedCandidates(round.id(), reviewerOf(CITY));
        assertThat(ranked).as("ranked %s (cio %s)", ranked, cio.id()).extracting(RankedCandidate::nominationId, RankedCandidate::rank)
                .containsExactly(tuple(cio.id(), 1), tuple(rival.id(), 2));
        BatchOutcome outcome = walk.fixture.tierFlow.selection().selectBatch(round.id(), reviewerOf(CITY),
                List.of(cio.id(), rival.id()), "市教育局统一遴选 / selected");
        assertThat(outcome.selected()).extracting(Nomination::state).containsOnly(NominationState.SELECTED);
        assertThat(outcome.quota()).extracting(q -> q.allocated(), q -> q.used()).containsExactly(100, 2);
        assertThat(walk.timeline(cio)).containsExactly(SUBMITTED, PASSED, RETURNED_TO_APPLICANT, RESUBMITTED, PASSED, PASSED);
        assertThat(walk.timelineLevels(cio)).containsExactly(OrganisationLevel.SCHOOL, OrganisationLevel.DISTRICT,
                OrganisationLevel.DISTRICT, OrganisationLevel.CITY);

        // Publicity: an objection is dismissed, the period ends, both are confirmed.
        walk.fixture.today(LocalDate.of(2023, 10, 11));
        Publication publication = walk.fixture.tierFlow.publicity().publish(PROGRAM, "cio", CITY, reviewerOf(CITY));
        assertThat(publication.entries()).extracting(e -> e.nominationId()).containsExactlyInAnyOrder(cio.id(), rival.id());
        var objection = walk.fixture.tierFlow.publicity().fileObjection(publication.id(), rival.id(), "citizen-1",
                "论文存疑 / doubtful papers");
        walk.fixture.tierFlow.publicity().resolveObjection(objection.id(), reviewerOf(CITY), ObjectionOutcome.DISMISSED,
                "经核实无误 / checked");
        walk.fixture.today(LocalDate.of(2023, 10, 19));
        Publication closed = walk.fixture.tierFlow.publicity().close(publication.id(), reviewerOf(CITY));
        assertThat(closed.entries()).extracting(e -> e.status()).containsOnly(PublicityEntryStatus.CONFIRMED);

        // Training: the categories' minimums (centralised ≥ 20, online ≥ 48, practice base any).
        walk.fixture.today(LocalDate.of(2024, 6, 1));
        recordHours(cio, "centralised", 20, LocalDate.of(2024, 3, 4));
        recordHours(cio, "online", 48, LocalDate.of(2024, 4, 1));
        TrainingProgress progress = recordHours(cio, "practice-base", 6, LocalDate.of(2024, 5, 6));
        assertThat(progress.met()).isTrue();
        assertThat(progress.categories()).extracting(c -> c.code(), c -> c.met())
                .containsExactly(tuple("centralised", true), tuple("online", true), tuple("practice-base", true));

        // One year after selection the four parties evaluate: qualified.
        walk.fixture.today(LocalDate.of(2024, 10, 9));
        assertThat(walk.fixture.fireDueTimers(cio.id())).contains(TierFlowBpmn.EVENT_WORKING_PERIOD_ENDED);
        assertThat(phase(cio)).isEqualTo(LifecyclePhase.EVALUATION);
        Evaluation evaluation = evaluate(cio, 90, 80, 70, 60);
        assertThat(evaluation.total()).as("0.1·90 + 0.3·80 + 0.2·70 + 0.4·60").isEqualByComparingTo("71");
        assertThat(evaluation.qualified()).isTrue();
        assertThat(phase(cio)).isEqualTo(LifecyclePhase.AWAITING_CREDENTIAL);

        Credential credential = walk.fixture.tierFlow.credentials().issue(cio.id(), reviewerOf(CITY), "张首席");
        assertThat(credential.issuingUnitId()).isEqualTo(CITY);
        assertThat(credential.title().zh()).isEqualTo("青岛市首席信息官认定证书");
        assertThat(walk.fixture.tierFlow.credentials().verify(credential.number())).hasValueSatisfying(v ->
                assertThat(v.status()).isEqualTo(CredentialStatus.VALID));
        assertThat(phase(cio)).isEqualTo(LifecyclePhase.COMPLETED);
    }

    @Test
    void aLeadingPrincipalBelowTheEvaluationsPassScoreEndsWithoutCredential() {
        walk.fixture.today(LocalDate.of(2023, 11, 6));
        Nomination principal = selectThroughTheChain("leading-principal", JIMO_MIDDLE, eligible("leading-principal"));
        recordFullTraining(principal, LocalDate.of(2024, 5, 6));

        walk.fixture.today(LocalDate.of(2024, 11, 6));
        walk.fixture.fireDueTimers(principal.id());
        Evaluation evaluation = evaluate(principal, 100, 50, 50, 40);

        assertThat(evaluation.total()).as("0.1·100 + 0.3·50 + 0.2·50 + 0.4·40").isEqualByComparingTo("51");
        assertThat(evaluation.qualified()).isFalse();
        assertThat(phase(principal)).isEqualTo(LifecyclePhase.ENDED_WITHOUT_CREDENTIAL);
        assertRefused(() -> walk.fixture.tierFlow.credentials().issue(principal.id(), reviewerOf(CITY)), "outcome-missing");
    }

    @Test
    void anEliteTeacherShortOfTheOnlineHoursGetsNoCredentialUntilTheHoursAreComplete() {
        walk.fixture.today(LocalDate.of(2023, 12, 4));
        Nomination teacher = selectThroughTheChain("elite-teacher", SHIBEI_MIDDLE, eligible("elite-teacher"));

        walk.fixture.today(LocalDate.of(2024, 11, 29));
        recordHours(teacher, "centralised", 24, LocalDate.of(2024, 3, 4));
        TrainingProgress short47 = recordHours(teacher, "online", 47, LocalDate.of(2024, 9, 2));
        assertThat(short47.met()).isFalse();
        assertThat(short47.categories()).filteredOn(c -> c.code().equals("online")).singleElement()
                .satisfies(c -> assertThat(c.missing()).isEqualByComparingTo("1"));
        assertThat(short47.missing()).extracting(t -> t.en()).anySatisfy(t -> assertThat(t).containsIgnoringCase("online training"));

        walk.fixture.today(LocalDate.of(2024, 12, 4));
        walk.fixture.fireDueTimers(teacher.id());
        assertThat(evaluate(teacher, 90, 90, 90, 90).qualified()).isTrue();
        assertThatThrownBy(() -> walk.fixture.tierFlow.credentials().issue(teacher.id(), reviewerOf(CITY)))
                .as("the seed's training minimums are a condition of the credential")
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.code()).isEqualTo("outcome-missing");
                    assertThat(e.text().en()).contains("the training hours are not complete", "1 more hour of online training");
                    assertThat(e.text().zh()).contains("培训学时");
                });

        recordHours(teacher, "online", 1, LocalDate.of(2024, 12, 3));
        assertThat(walk.fixture.tierFlow.training().progress(teacher.id()).met()).isTrue();
        assertThat(walk.fixture.tierFlow.credentials().issue(teacher.id(), reviewerOf(CITY)).title().en())
                .isEqualTo("Certificate: Qingdao digital elite teacher");
    }

    @Test
    void theDistrictRejectsAndTheCityTurnsDownWhatThePanelDoesNotRecommend() {
        walk.fixture.today(LocalDate.of(2023, 9, 11));
        Nomination atDistrict = walk.submit("elite-teacher", SHINAN_PRIMARY, eligible("elite-teacher"));
        walk.pass(atDistrict);
        assertThat(walk.decide(atDistrict, Decision.reject("名额内不推荐 / not recommended")).state())
                .isEqualTo(NominationState.REJECTED);
        assertThat(walk.timeline(atDistrict)).containsExactly(SUBMITTED, PASSED, REJECTED);
        assertThat(walk.fixture.tierFlow.lifecycle().get(atDistrict.id())).as("no life cycle without selection").isEmpty();

        Nomination atCity = walk.submit("elite-teacher", SHINAN_PRIMARY, eligible("elite-teacher"));
        walk.pass(atCity);
        walk.pass(atCity);
        walk.scorePanel(atCity, 40, 50, 45);
        assertThat(walk.fixture.tierFlow.panels().result(atCity.id(), reviewerOf(CITY)).orElseThrow().score())
                .as("three experts, plain mean").isEqualByComparingTo("45");
        assertThat(walk.decide(atCity, Decision.reject("低于入选线 / below the line")).state()).isEqualTo(NominationState.REJECTED);
        assertThat(walk.timelineLevels(atCity)).containsExactly(OrganisationLevel.SCHOOL, OrganisationLevel.DISTRICT,
                OrganisationLevel.CITY);
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** Submits, passes the school and the district, has the city's panel score and the city select. */
    private Nomination selectThroughTheChain(String tier, String school, Map<String, Object> facts) {
        Nomination nomination = walk.submit(tier, school, facts);
        walk.pass(nomination);
        walk.pass(nomination);
        int experts = walk.tier(tier).reviewChain().steps().get(2).panel().orElseThrow().experts();
        walk.scorePanel(nomination, java.util.stream.IntStream.range(0, experts).map(i -> 80).toArray());
        Nomination selected = walk.pass(nomination);
        assertThat(selected.state()).isEqualTo(NominationState.SELECTED);
        return selected;
    }

    private TrainingProgress recordHours(Nomination nomination, String category, int hours, LocalDate firstDay) {
        int left = hours;
        LocalDate day = firstDay;
        while (left > 0) {
            int today = Math.min(8, left);
            walk.fixture.tierFlow.training().record(new HourRecord(nomination.id(), nomination.id() + "-" + category + "-" + day, category,
                    BigDecimal.valueOf(today), day, "training-platform", null));
            left -= today;
            day = day.plusDays(1);
        }
        return walk.fixture.tierFlow.training().progress(nomination.id());
    }

    /** Exactly the categories' minimums: 20 centralised hours from {@code from}, then 48 online. */
    private void recordFullTraining(Nomination nomination, LocalDate from) {
        walk.fixture.today(from.plusDays(30));
        recordHours(nomination, "centralised", 20, from);
        assertThat(recordHours(nomination, "online", 48, from.plusDays(7)).met()).isTrue();
    }

    /** Self by the candidate, training institution and bureau by the city, employer unit by the school. */
    private Evaluation evaluate(Nomination nomination, int self, int institution, int employer, int bureau) {
        var evaluations = walk.fixture.tierFlow.evaluations();
        evaluations.score(nomination.id(), "self", nomination.applicantId(), all(self));
        evaluations.score(nomination.id(), "training-institution", reviewerOf(CITY), all(institution));
        evaluations.score(nomination.id(), "employer-unit", reviewerOf(nomination.unitId()), all(employer));
        return evaluations.score(nomination.id(), "bureau", reviewerOf(CITY), all(bureau));
    }

    private static Map<String, BigDecimal> all(int score) {
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        for (String criterion : List.of("ethics", "attendance", "participation", "outcomes", "influence")) {
            scores.put(criterion, BigDecimal.valueOf(score));
        }
        return scores;
    }

    private LifecyclePhase phase(Nomination nomination) {
        return walk.fixture.tierFlow.lifecycle().get(nomination.id()).orElseThrow().phase();
    }
}
