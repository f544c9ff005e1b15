package org.tierflow.core.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.tierflow.core.api.program.OrganisationLevel.CITY;
import static org.tierflow.core.api.program.OrganisationLevel.DISTRICT;
import static org.tierflow.core.api.program.OrganisationLevel.SCHOOL;
import static org.tierflow.core.api.program.ReviewAction.DECIDE;
import static org.tierflow.core.api.program.ReviewAction.RECOMMEND;
import static org.tierflow.core.api.program.ReviewAction.SCREEN;

import java.time.Period;

import org.junit.jupiter.api.Test;
import org.tierflow.core.api.program.CandidateKind;
import org.tierflow.core.api.program.PhaseDefinition;
import org.tierflow.core.api.program.ProgramDefinition;
import org.tierflow.core.api.program.ReviewStep;
import org.tierflow.core.api.program.TierDefinition;

/** Qingdao's "135" plan (seed 001) as shipped: its people tiers, its benchmark schools and its projects. */
class Qingdao135PlanProgramDefinitionUnitTests {

    private final ProgramDefinition program = SeedProgramSupport.load("qingdao-135-plan-2023.yaml");

    @Test
    void isCityOwnedFor2023To2025WithOneHundredThreeHundredFiveHundredPeople() {
        assertThat(program.code()).isEqualTo("qingdao-135-plan-2023");
        assertThat(program.owner()).isEqualTo(CITY);
        assertThat(program.startYear()).isEqualTo(2023);
        assertThat(program.endYear()).isEqualTo(2025);
        assertThat(program.tiers())
                .extracting(TierDefinition::code, TierDefinition::quota, TierDefinition::candidateKind)
                .containsExactly(
                        tuple("ecio", 100, CandidateKind.PERSON),
                        tuple("it-expert-principal", 300, CandidateKind.PERSON),
                        tuple("it-expert-teacher", 500, CandidateKind.PERSON),
                        tuple("benchmark-school", 30, CandidateKind.SCHOOL),
                        tuple("tool-rollout", 20, CandidateKind.PROJECT),
                        tuple("quality-lesson", 200, CandidateKind.PROJECT));
    }

    @Test
    void benchmarkSchoolsAreTheApplyingSchoolsAssessedByTheCityAfterTwoYears() {
        TierDefinition tier = program.tier("benchmark-school").orElseThrow();

        assertThat(tier.reviewChain().entryLevel()).isEqualTo(SCHOOL);
        assertThat(tier.reviewChain().steps()).extracting(ReviewStep::level, ReviewStep::action)
                .containsExactly(tuple(DISTRICT, RECOMMEND), tuple(CITY, DECIDE));
        assertThat(tier.reviewChain().decidingStep().panel()).hasValueSatisfying(panel ->
                assertThat(panel.rubric()).extracting(c -> c.code()).containsExactly("planning", "teaching", "teachers"));
        assertThat(tier.implementationPeriod()).isEqualTo(Period.ofYears(2));
        assertThat(tier.acceptance()).hasValueSatisfying(acceptance ->
                assertThat(acceptance.chain().decidingStep().level()).isEqualTo(CITY));
        assertThat(tier.training()).isEmpty();
        assertThat(tier.phases()).isEmpty();
        assertThat(tier.credential()).isPresent();
    }

    @Test
    void aToolIsPilotedByTheDistrictThenTrainedAndRolledOutByTheCityWithinTwoYears() {
        TierDefinition tier = program.tier("tool-rollout").orElseThrow();

        assertThat(tier.reviewChain().decidingStep().name().zh()).isEqualTo("专家论证");
        assertThat(tier.phases()).extracting(PhaseDefinition::code, PhaseDefinition::period, PhaseDefinition::decidedBy)
                .containsExactly(
                        tuple("pilot", Period.ofMonths(6), DISTRICT),
                        tuple("training", Period.ofMonths(3), CITY),
                        tuple("rollout", Period.ofYears(1), CITY));
        assertThat(tier.phases()).extracting(phase -> phase.name().zh()).containsExactly("试点应用", "组织培训", "全面推广");
        assertThat(tier.implementationPeriod()).isEqualTo(Period.ofYears(2));
    }

    @Test
    void twoHundredQualityLessonsAreSelectedEveryYear() {
        TierDefinition tier = program.tier("quality-lesson").orElseThrow();

        assertThat(tier.quota()).isEqualTo(200);
        assertThat(tier.quotaScope().perYear()).isTrue();
        assertThat(tier.phases()).isEmpty();
    }

    @Test
    void theCityDecidesAfterSchoolAndDistrictWithTheDigitalLiteracyResultWeighingMost() {
        assertThat(people()).allSatisfy(tier -> {
            assertThat(tier.reviewChain().steps()).extracting(ReviewStep::level, ReviewStep::action)
                    .containsExactly(tuple(SCHOOL, RECOMMEND), tuple(DISTRICT, SCREEN), tuple(CITY, DECIDE));
            assertThat(tier.reviewChain().decidingStep().panel()).hasValueSatisfying(panel ->
                    assertThat(panel.rubric().get(0)).satisfies(criterion -> {
                        assertThat(criterion.code()).isEqualTo("digital-literacy");
                        assertThat(criterion.weight()).isEqualByComparingTo("0.5");
                    }));
            assertThat(tier.eligibility()).singleElement()
                    .satisfies(rule -> assertThat(rule.code()).isEqualTo("digital-literacy-assessed"));
        });
    }

    @Test
    void selectedPeopleAreRecognisedByTheCityAfterAOneYearCycle() {
        assertThat(people()).hasSize(3).allSatisfy(tier -> {
            assertThat(tier.implementationPeriod()).isEqualTo(Period.ofYears(1));
            assertThat(tier.credential()).hasValueSatisfying(
                    credential -> assertThat(credential.issuingLevel()).isEqualTo(CITY));
            assertThat(tier.taskBook()).isEmpty();
            assertThat(tier.acceptance()).isEmpty();
        });
    }

    private java.util.List<TierDefinition> people() {
        return program.tiers().stream().filter(tier -> tier.candidateKind() == CandidateKind.PERSON).toList();
    }
}
