package org.tierflow.core.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.tierflow.core.api.program.OrganisationLevel.CITY;
import static org.tierflow.core.api.program.OrganisationLevel.DISTRICT;
import static org.tierflow.core.api.program.OrganisationLevel.SCHOOL;
import static org.tierflow.core.api.program.ReviewAction.DECIDE;
import static org.tierflow.core.api.program.ReviewAction.RECOMMEND;
import static org.tierflow.core.api.program.ReviewAction.SCREEN;
import static org.tierflow.core.programs.SeedProgramSupport.plain;
import static org.tierflow.core.programs.SeedProgramSupport.tier;

import java.time.Period;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tierflow.core.api.program.ApplicationFact;
import org.tierflow.core.api.program.CandidateKind;
import org.tierflow.core.api.program.Condition;
import org.tierflow.core.api.program.Condition.AnyOf;
import org.tierflow.core.api.program.Condition.Comparison;
import org.tierflow.core.api.program.Condition.FactCondition;
import org.tierflow.core.api.program.EligibilityRule;
import org.tierflow.core.api.program.EvaluationDefinition;
import org.tierflow.core.api.program.EvaluationParty;
import org.tierflow.core.api.program.FactType;
import org.tierflow.core.api.program.HourCategory;
import org.tierflow.core.api.program.ProgramDefinition;
import org.tierflow.core.api.program.ReviewStep;
import org.tierflow.core.api.program.RubricCriterion;
import org.tierflow.core.api.program.TierDefinition;
import org.tierflow.core.api.program.TrainingRequirement;

/** Qingdao's education digital-transformation talent program (seed 000) as shipped. */
class QingdaoDigitalTalentProgramDefinitionUnitTests {

    private final ProgramDefinition program = SeedProgramSupport.load("qingdao-digital-talent-2023.yaml");

    @Test
    void isCityOwnedForThreeYearsWithCioPrincipalAndTeacherTiers() {
        assertThat(program.code()).isEqualTo("qingdao-digital-talent-2023");
        assertThat(program.owner()).isEqualTo(CITY);
        assertThat(program.startYear()).isEqualTo(2023);
        assertThat(program.endYear()).isEqualTo(2025);
        assertThat(program.tiers())
                .extracting(TierDefinition::code, TierDefinition::quota, TierDefinition::candidateKind)
                .containsExactly(
                        tuple("cio", 100, CandidateKind.PERSON),
                        tuple("leading-principal", 500, CandidateKind.PERSON),
                        tuple("elite-teacher", 1000, CandidateKind.PERSON));
    }

    @Test
    void everyTierGoesFromSchoolThroughDistrictToTheCityWhichDecides() {
        assertThat(program.tiers()).allSatisfy(tier -> {
            assertThat(tier.reviewChain().entryLevel()).isEqualTo(SCHOOL);
            assertThat(tier.reviewChain().steps()).extracting(ReviewStep::level, ReviewStep::action)
                    .containsExactly(tuple(SCHOOL, RECOMMEND), tuple(DISTRICT, SCREEN), tuple(CITY, DECIDE));
            assertThat(tier.reviewChain().decidingStep().panel()).isPresent();
            assertThat(tier.universityChain()).isEmpty();
            assertThat(tier.taskBook()).isEmpty();
            assertThat(tier.acceptance()).isEmpty();
        });
    }

    @Test
    void cioNeedsPlanningYearsAndBackgroundOrLearningAndPapersOrResearch() {
        TierDefinition cio = tier(program, "cio");

        assertThat(cio.facts()).extracting(ApplicationFact::code, ApplicationFact::type).containsExactly(
                tuple("yearsInDigitalPlanning", FactType.NUMBER),
                tuple("digitalAcademicBackground", FactType.BOOLEAN),
                tuple("strongLearningAbility", FactType.BOOLEAN),
                tuple("digitalPapers", FactType.NUMBER),
                tuple("digitalResearchProject", FactType.BOOLEAN));
        assertThat(cio.eligibility()).extracting(EligibilityRule::code)
                .containsExactly("planning-experience", "background-or-learning", "papers-or-research");
        assertAtLeast(rule(cio, "planning-experience").condition(), "yearsInDigitalPlanning", "2");
        assertThat(rule(cio, "background-or-learning").condition()).isInstanceOfSatisfying(AnyOf.class, any ->
                assertThat(any.conditions()).extracting(c -> ((FactCondition) c).fact())
                        .containsExactly("digitalAcademicBackground", "strongLearningAbility"));
        assertThat(rule(cio, "papers-or-research").condition()).isInstanceOfSatisfying(AnyOf.class, any -> {
            assertThat(any.conditions()).hasSize(2);
            assertAtLeast(any.conditions().get(0), "digitalPapers", "3");
            assertThat(any.conditions().get(1)).isEqualTo(
                    new FactCondition("digitalResearchProject", Comparison.EQUALS, true));
        });
    }

    @Test
    void leadingPrincipalNeedsTwoYearsAsLeaderAForumAndAnHonourOrResearch() {
        TierDefinition principal = tier(program, "leading-principal");

        assertThat(principal.eligibility()).extracting(EligibilityRule::code)
                .containsExactly("principal-experience", "forum-or-training", "honour-or-research");
        assertAtLeast(rule(principal, "principal-experience").condition(), "yearsAsPrincipalLeader", "2");
        assertThat(rule(principal, "honour-or-research").condition()).isInstanceOfSatisfying(AnyOf.class, any ->
                assertThat(any.conditions()).extracting(c -> ((FactCondition) c).fact())
                        .containsExactly("schoolDigitalHonour", "digitalResearchProject"));
    }

    @Test
    void eliteTeacherNeedsTwentyHoursOfDigitalTraining() {
        TierDefinition teacher = tier(program, "elite-teacher");

        assertThat(teacher.eligibility()).singleElement()
                .satisfies(rule -> assertAtLeast(rule.condition(), "digitalTrainingHours", "20"));
    }

    @Test
    void everyTierTrainsTwentyHoursCentralisedFortyEightOnlineAndAtAPracticeBase() {
        assertThat(program.tiers()).allSatisfy(tier -> {
            TrainingRequirement training = tier.training().orElseThrow();
            assertThat(training.categories()).extracting(HourCategory::code, c -> plain(c.minHours()))
                    .containsExactly(tuple("centralised", "20"), tuple("online", "48"), tuple("practice-base", "0"));
            assertThat(training.ratios()).isEmpty();
            assertThat(tier.implementationPeriod()).isEqualTo(Period.ofYears(1));
        });
    }

    @Test
    void fourPartiesScoreEthicsAttendanceParticipationOutcomesAndInfluence() {
        assertThat(program.tiers()).allSatisfy(tier -> {
            EvaluationDefinition evaluation = tier.evaluation().orElseThrow();
            assertThat(evaluation.parties()).extracting(EvaluationParty::code, p -> plain(p.weight()))
                    .containsExactly(tuple("self", "0.1"), tuple("training-institution", "0.3"),
                            tuple("employer-unit", "0.2"), tuple("bureau", "0.4"));
            assertThat(evaluation.criteria()).extracting(RubricCriterion::code, c -> plain(c.weight()))
                    .containsExactly(tuple("ethics", "0.2"), tuple("attendance", "0.15"),
                            tuple("participation", "0.15"), tuple("outcomes", "0.3"), tuple("influence", "0.2"));
            assertThat(evaluation.passScore()).isEqualByComparingTo("60");
        });
    }

    @Test
    void theCityIssuesTheCredentialWhichGivesPriorityForStudyAndSelection() {
        assertThat(program.tiers()).allSatisfy(tier -> {
            assertThat(tier.credential()).hasValueSatisfying(credential -> {
                assertThat(credential.issuingLevel()).isEqualTo(CITY);
                assertThat(credential.benefits()).hasSize(2);
                assertThat(credential.benefits().get(1).zh()).contains("名师工作室");
            });
            assertThat(tier.funding()).isEmpty();
        });
    }

    private static EligibilityRule rule(TierDefinition tier, String code) {
        List<EligibilityRule> rules = tier.eligibility().stream().filter(r -> r.code().equals(code)).toList();
        assertThat(rules).as("rule %s of %s", code, tier.code()).hasSize(1);
        return rules.get(0);
    }

    private static void assertAtLeast(Condition condition, String fact, String value) {
        assertThat(condition).isInstanceOfSatisfying(FactCondition.class, c -> {
            assertThat(c.fact()).isEqualTo(fact);
            assertThat(c.comparison()).isEqualTo(Comparison.AT_LEAST);
            assertThat(Condition.number(c.value())).isEqualByComparingTo(value);
        });
    }
}
