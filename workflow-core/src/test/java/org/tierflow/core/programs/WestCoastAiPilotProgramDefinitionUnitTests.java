package org.tierflow.core.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.tierflow.core.api.program.OrganisationLevel.DISTRICT;
import static org.tierflow.core.api.program.OrganisationLevel.SCHOOL;
import static org.tierflow.core.api.program.ReviewAction.DECIDE;
import static org.tierflow.core.api.program.ReviewAction.RECOMMEND;
import static org.tierflow.core.programs.SeedProgramSupport.plain;
import static org.tierflow.core.programs.SeedProgramSupport.tier;

import java.time.Period;

import org.junit.jupiter.api.Test;
import org.tierflow.core.api.program.EvaluationParty;
import org.tierflow.core.api.program.ProgramDefinition;
import org.tierflow.core.api.program.ReviewStep;
import org.tierflow.core.api.program.TierDefinition;

/** Qingdao West Coast New Area's AI pilot (seed 002) as shipped. */
class WestCoastAiPilotProgramDefinitionUnitTests {

    private final ProgramDefinition program = SeedProgramSupport.load("west-coast-ai-pilot-2022.yaml");

    @Test
    void isDistrictOwnedFor2022To2024() {
        assertThat(program.code()).isEqualTo("west-coast-ai-pilot-2022");
        assertThat(program.owner()).isEqualTo(DISTRICT);
        assertThat(program.startYear()).isEqualTo(2022);
        assertThat(program.endYear()).isEqualTo(2024);
    }

    @Test
    void selectsFiftyPrincipalsAndTwoHundredBackboneTeachersEachYear() {
        int years = program.endYear() - program.startYear() + 1;

        assertThat(program.tiers()).extracting(TierDefinition::code, TierDefinition::quota).containsExactly(
                tuple("it-principal", 50),
                tuple("it-backbone-teacher", 200));
        assertThat(program.tiers()).allSatisfy(tier -> {
            assertThat(tier.quotaScope().perYear()).isTrue();
            assertThat(tier.quotaScope().per()).isEmpty();
        });
        // §二(四)1's 600 backbone teachers are the three years' 200.
        assertThat(tier(program, "it-backbone-teacher").quota() * years).isEqualTo(600);
    }

    @Test
    void backboneTeachersPassAnOnlineTheoryExamAndAPracticalExamThatRankThem() {
        assertThat(tier(program, "it-backbone-teacher").assessments())
                .extracting(a -> a.code(), a -> a.passMark().intValue(), a -> a.weight().orElseThrow().doubleValue())
                .containsExactly(tuple("theory", 60, 0.4), tuple("practical", 60, 0.6));
        assertThat(tier(program, "it-principal").assessments()).isEmpty();
    }

    @Test
    void theDistrictDecidesPrincipalsDirectlyAndTeachersOnTheirSchoolsRecommendation() {
        assertThat(tier(program, "it-principal").reviewChain().steps())
                .extracting(ReviewStep::level, ReviewStep::action)
                .containsExactly(tuple(DISTRICT, DECIDE));
        assertThat(tier(program, "it-backbone-teacher").reviewChain().steps())
                .extracting(ReviewStep::level, ReviewStep::action)
                .containsExactly(tuple(SCHOOL, RECOMMEND), tuple(DISTRICT, DECIDE));
    }

    @Test
    void eachYearsCohortIsTrainedAndAssessedWithinTheYear() {
        assertThat(program.tiers()).allSatisfy(tier -> {
            assertThat(tier.implementationPeriod()).isEqualTo(Period.ofYears(1));
            assertThat(tier.evaluation()).hasValueSatisfying(evaluation -> {
                assertThat(evaluation.parties()).extracting(EvaluationParty::code, p -> plain(p.weight()))
                        .containsExactly(tuple("training-institution", "0.4"), tuple("bureau", "0.6"));
                assertThat(evaluation.passScore()).isEqualByComparingTo("60");
            });
            assertThat(tier.taskBook()).isEmpty();
            assertThat(tier.funding()).isEmpty();
        });
    }
}
