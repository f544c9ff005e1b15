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
import org.tierflow.core.api.program.ProgramDefinition;
import org.tierflow.core.api.program.ReviewStep;
import org.tierflow.core.api.program.TierDefinition;

/** The people tiers of Qingdao's "135" plan (seed 001) as shipped; schools and projects come later. */
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
                        tuple("it-expert-teacher", 500, CandidateKind.PERSON));
    }

    @Test
    void theCityDecidesAfterSchoolAndDistrictWithTheDigitalLiteracyResultWeighingMost() {
        assertThat(program.tiers()).allSatisfy(tier -> {
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
        assertThat(program.tiers()).allSatisfy(tier -> {
            assertThat(tier.implementationPeriod()).isEqualTo(Period.ofYears(1));
            assertThat(tier.credential()).hasValueSatisfying(
                    credential -> assertThat(credential.issuingLevel()).isEqualTo(CITY));
            assertThat(tier.taskBook()).isEmpty();
            assertThat(tier.acceptance()).isEmpty();
        });
    }
}
