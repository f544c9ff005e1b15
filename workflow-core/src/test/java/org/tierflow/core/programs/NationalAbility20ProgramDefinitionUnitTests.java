package org.tierflow.core.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.tierflow.core.api.program.OrganisationLevel.DISTRICT;
import static org.tierflow.core.api.program.OrganisationLevel.SCHOOL;
import static org.tierflow.core.api.program.ReviewAction.DECIDE;
import static org.tierflow.core.programs.SeedProgramSupport.plain;
import static org.tierflow.core.programs.SeedProgramSupport.tier;

import java.time.Period;

import org.junit.jupiter.api.Test;
import org.tierflow.core.api.program.EvaluationParty;
import org.tierflow.core.api.program.HourCategory;
import org.tierflow.core.api.program.HourRatioRule;
import org.tierflow.core.api.program.ProgramDefinition;
import org.tierflow.core.api.program.ReviewStep;
import org.tierflow.core.api.program.TierDefinition;
import org.tierflow.core.api.program.TrainingRequirement;

/** The national Ability Improvement Project 2.0 (seed 003) as one school's whole-school plan. */
class NationalAbility20ProgramDefinitionUnitTests {

    private final ProgramDefinition program = SeedProgramSupport.load("national-ability-2-0-2019.yaml");

    @Test
    void isACountysWholeSchoolPlanWithOneCioAndEveryTeacherPerSchool() {
        assertThat(program.code()).isEqualTo("national-ability-2-0-2019");
        assertThat(program.owner()).isEqualTo(DISTRICT);
        assertThat(program.startYear()).isEqualTo(2019);
        assertThat(program.endYear()).isEqualTo(2022);
        assertThat(program.tiers()).extracting(TierDefinition::code, TierDefinition::quota)
                .containsExactly(tuple("school-cio", 1), tuple("teacher", 200));
        assertThat(program.tiers()).allSatisfy(tier -> {
            assertThat(tier.quotaScope().per()).contains(SCHOOL);
            assertThat(tier.quotaScope().perYear()).isFalse();
        });
        assertThat(tier(program, "teacher").eligibility()).isEmpty();
    }

    @Test
    void theSchoolItselfDecides() {
        assertThat(program.tiers()).allSatisfy(tier -> {
            assertThat(tier.reviewChain().steps()).extracting(ReviewStep::level, ReviewStep::action)
                    .containsExactly(tuple(SCHOOL, DECIDE));
            assertThat(tier.taskBook()).isEmpty();
            assertThat(tier.acceptance()).isEmpty();
        });
    }

    @Test
    void everyoneNeedsFiftyHoursInFiveYearsHalfOfThemPractice() {
        assertThat(program.tiers()).allSatisfy(tier -> {
            TrainingRequirement training = tier.training().orElseThrow();
            assertThat(training.window()).isEqualTo(Period.ofYears(5));
            assertThat(training.totalMinHours()).isEqualByComparingTo("50");
            assertThat(training.categories()).extracting(HourCategory::code)
                    .containsExactly("online-training", "school-based-study", "practice");
            assertThat(training.ratios()).extracting(HourRatioRule::category, r -> plain(r.minPercent()))
                    .containsExactly(tuple("practice", "50"));
            assertThat(tier.implementationPeriod()).isEqualTo(Period.ofYears(5));
        });
    }

    @Test
    void theSchoolAndAThirdPartyEvaluateAndTheCountyRecordsCompulsoryCredits() {
        assertThat(program.tiers()).allSatisfy(tier -> {
            assertThat(tier.evaluation()).hasValueSatisfying(evaluation ->
                    assertThat(evaluation.parties()).extracting(EvaluationParty::code, p -> plain(p.weight()))
                            .containsExactly(tuple("school", "0.5"), tuple("third-party", "0.5")));
            assertThat(tier.credential()).hasValueSatisfying(credential -> {
                assertThat(credential.issuingLevel()).isEqualTo(DISTRICT);
                assertThat(credential.benefits()).singleElement()
                        .satisfies(benefit -> assertThat(benefit.zh()).contains("必修学分"));
            });
        });
    }
}
