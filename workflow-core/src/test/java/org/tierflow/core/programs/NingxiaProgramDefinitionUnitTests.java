package org.tierflow.core.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.tierflow.core.api.program.OrganisationLevel.CITY;
import static org.tierflow.core.api.program.OrganisationLevel.DISTRICT;
import static org.tierflow.core.api.program.OrganisationLevel.PROVINCE;
import static org.tierflow.core.api.program.OrganisationLevel.SCHOOL;
import static org.tierflow.core.api.program.OrganisationLevel.UNIVERSITY;
import static org.tierflow.core.api.program.ReviewAction.DECIDE;
import static org.tierflow.core.api.program.ReviewAction.FILE;
import static org.tierflow.core.api.program.ReviewAction.RECOMMEND;
import static org.tierflow.core.api.program.ReviewAction.REVIEW;
import static org.tierflow.core.api.program.ReviewAction.SCREEN;
import static org.tierflow.core.programs.SeedProgramSupport.plain;
import static org.tierflow.core.programs.SeedProgramSupport.tier;

import java.math.BigDecimal;
import java.time.Period;

import org.junit.jupiter.api.Test;
import org.tierflow.core.api.program.AcceptanceDefinition;
import org.tierflow.core.api.program.CandidateKind;
import org.tierflow.core.api.program.Funding;
import org.tierflow.core.api.program.FundingItem;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.api.program.ProgramDefinition;
import org.tierflow.core.api.program.ReviewStep;
import org.tierflow.core.api.program.TaskBookDefinition;
import org.tierflow.core.api.program.TierDefinition;

/** The Ningxia "Internet + Education" 10/100/1000/10000 program (seed 004) as shipped. */
class NingxiaProgramDefinitionUnitTests {

    private final ProgramDefinition program = SeedProgramSupport.load("ningxia-internet-plus-education-2020.yaml");

    @Test
    void isRegionOwnedForThreeYearsWithTheFourTiersAndTheirQuotas() {
        assertThat(program.code()).isEqualTo("ningxia-internet-plus-education-2020");
        assertThat(program.owner()).isEqualTo(PROVINCE);
        assertThat(program.startYear()).isEqualTo(2020);
        assertThat(program.endYear()).isEqualTo(2022);
        assertThat(program.source()).contains("十百千万人才培养工程");
        assertThat(program.tiers())
                .extracting(TierDefinition::code, TierDefinition::quota, TierDefinition::candidateKind)
                .containsExactly(
                        tuple("top-talent", 10, CandidateKind.PERSON),
                        tuple("management-talent", 100, CandidateKind.PERSON),
                        tuple("teaching-talent", 1000, CandidateKind.PERSON),
                        tuple("backbone-talent", 10000, CandidateKind.PERSON));
    }

    @Test
    void selectionRangesAreAskedOnTheFormButRefuseNobody() {
        // §三(一) selects "主要从" (mainly from) the listed units: a preference, not a hard condition.
        assertThat(program.tiers()).allSatisfy(tier -> {
            assertThat(tier.facts()).isNotEmpty();
            assertThat(tier.eligibility()).isEmpty();
        });
    }

    @Test
    void topTalentClimbsToTheRegionWhichDecides() {
        TierDefinition top = tier(program, "top-talent");

        assertThat(top.reviewChain().entryLevel()).isEqualTo(SCHOOL);
        assertThat(top.reviewChain().steps())
                .extracting(ReviewStep::level, ReviewStep::action)
                .containsExactly(tuple(SCHOOL, RECOMMEND), tuple(DISTRICT, SCREEN), tuple(CITY, SCREEN),
                        tuple(PROVINCE, DECIDE));
        assertThat(top.reviewChain().decidingStep().panel()).hasValueSatisfying(panel -> {
            assertThat(panel.experts()).isEqualTo(7);
            assertThat(panel.rubric()).isNotEmpty();
        });
        assertThat(top.universityChain()).hasValueSatisfying(chain -> {
            assertThat(chain.entryLevel()).isEqualTo(UNIVERSITY);
            assertThat(chain.steps()).extracting(ReviewStep::level, ReviewStep::action)
                    .containsExactly(tuple(UNIVERSITY, SCREEN), tuple(PROVINCE, DECIDE));
        });
    }

    @Test
    void managementTalentClimbsToTheRegionWhichDecides() {
        TierDefinition management = tier(program, "management-talent");

        assertThat(management.reviewChain().steps())
                .extracting(ReviewStep::level, ReviewStep::action)
                .containsExactly(tuple(SCHOOL, RECOMMEND), tuple(DISTRICT, SCREEN), tuple(CITY, SCREEN),
                        tuple(PROVINCE, DECIDE));
        assertThat(management.chainFor(UNIVERSITY).steps())
                .extracting(ReviewStep::level, ReviewStep::action)
                .containsExactly(tuple(UNIVERSITY, SCREEN), tuple(PROVINCE, DECIDE));
    }

    @Test
    void teachingTalentIsDecidedByTheCityAndFiledWithTheRegionAndUniversitiesRunItThemselves() {
        TierDefinition teaching = tier(program, "teaching-talent");

        assertThat(teaching.reviewChain().steps())
                .extracting(ReviewStep::level, ReviewStep::action)
                .containsExactly(tuple(SCHOOL, RECOMMEND), tuple(DISTRICT, SCREEN), tuple(CITY, DECIDE),
                        tuple(PROVINCE, FILE));
        assertThat(teaching.reviewChain().decidingStep().level()).isEqualTo(CITY);
        assertThat(teaching.chainFor(UNIVERSITY).steps())
                .extracting(ReviewStep::level, ReviewStep::action)
                .containsExactly(tuple(UNIVERSITY, DECIDE), tuple(PROVINCE, FILE));
    }

    @Test
    void backboneTalentIsDecidedByTheCountyWithinItsQuotaAndFiledWithTheRegion() {
        TierDefinition backbone = tier(program, "backbone-talent");

        assertThat(backbone.reviewChain().steps())
                .extracting(ReviewStep::level, ReviewStep::action)
                .containsExactly(tuple(DISTRICT, DECIDE), tuple(PROVINCE, FILE));
        assertThat(backbone.chainFor(UNIVERSITY).steps())
                .extracting(ReviewStep::level, ReviewStep::action)
                .containsExactly(tuple(UNIVERSITY, DECIDE), tuple(PROVINCE, FILE));
        assertThat(backbone.taskBook()).isEmpty();
        assertThat(backbone.funding()).isEmpty();
        assertThat(backbone.implementationPeriod()).isEqualTo(Period.ofYears(1));
    }

    @Test
    void decidingLevelsAreRegionRegionCityCounty() {
        assertThat(program.tiers())
                .extracting(t -> t.code(), t -> t.reviewChain().decidingStep().level())
                .containsExactly(
                        tuple("top-talent", PROVINCE),
                        tuple("management-talent", PROVINCE),
                        tuple("teaching-talent", CITY),
                        tuple("backbone-talent", DISTRICT));
    }

    @Test
    void taskBooksAreSignedWithTheRegionExceptTeachingTalentWithTheCityOrForUniversitiesTheRegion() {
        assertThat(tier(program, "top-talent").taskBook()).hasValueSatisfying(book -> {
            assertThat(book.authority()).isEqualTo(PROVINCE);
            assertThat(book.goals()).hasSize(5);
        });
        assertThat(tier(program, "management-talent").taskBook()).map(TaskBookDefinition::authority)
                .contains(PROVINCE);
        assertThat(tier(program, "teaching-talent").taskBook()).hasValueSatisfying(book -> {
            assertThat(book.authority()).isEqualTo(CITY);
            assertThat(book.universityAuthority()).contains(PROVINCE);
            assertThat(book.signingPeriod()).isEqualTo(Period.ofDays(30));
        });
    }

    @Test
    void everyTierRunsOneYearAndFailedAcceptanceExtendsBySixMonthsOnce() {
        assertThat(program.tiers()).allSatisfy(tier -> {
            assertThat(tier.implementationPeriod()).isEqualTo(Period.ofYears(1));
            assertThat(tier.acceptance()).hasValueSatisfying(acceptance -> {
                assertThat(acceptance.extension()).isEqualTo(Period.ofMonths(6));
                assertThat(acceptance.maxExtensions()).isEqualTo(1);
            });
        });
        assertThat(tier(program, "top-talent").acceptance()).map(AcceptanceDefinition::onSite).contains(true);
        assertThat(tier(program, "teaching-talent").acceptance()).map(AcceptanceDefinition::onSite).contains(true);
    }

    @Test
    void theRegionAcceptsTopAndManagementTalent() {
        for (String code : new String[] {"top-talent", "management-talent"}) {
            AcceptanceDefinition acceptance = tier(program, code).acceptance().orElseThrow();
            assertThat(acceptance.chain().steps()).extracting(ReviewStep::level, ReviewStep::action)
                    .as(code).containsExactly(tuple(PROVINCE, DECIDE));
            assertThat(acceptance.universityChain()).as(code)
                    .hasValueSatisfying(chain -> assertThat(chain.decidingStep().level()).isEqualTo(PROVINCE));
        }
    }

    @Test
    void theCountyReviewsAndTheCityAcceptsTeachingTalentWhileTheRegionAcceptsUniversityCandidates() {
        AcceptanceDefinition acceptance = tier(program, "teaching-talent").acceptance().orElseThrow();

        assertThat(acceptance.chain().steps()).extracting(ReviewStep::level, ReviewStep::action)
                .containsExactly(tuple(DISTRICT, REVIEW), tuple(CITY, DECIDE));
        assertThat(acceptance.universityChain()).hasValueSatisfying(chain ->
                assertThat(chain.steps()).extracting(ReviewStep::level, ReviewStep::action)
                        .containsExactly(tuple(PROVINCE, DECIDE)));
    }

    @Test
    void theCountyAcceptsBackboneTalent() {
        AcceptanceDefinition acceptance = tier(program, "backbone-talent").acceptance().orElseThrow();

        assertThat(acceptance.chain().decidingStep().level()).isEqualTo(DISTRICT);
        assertThat(acceptance.onSite()).isFalse();
    }

    @Test
    void fundingPerPersonFollowsTheBudgetTable() {
        Funding top = tier(program, "top-talent").funding().orElseThrow();
        assertThat(top.unit().zh()).isEqualTo("万元");
        assertThat(top.perPerson()).isEqualByComparingTo("9.5");
        assertThat(top.items()).extracting(FundingItem::code, i -> plain(i.amount()))
                .containsExactly(tuple("study-abroad", "1.5"), tuple("research", "2"));

        Funding management = tier(program, "management-talent").funding().orElseThrow();
        assertThat(management.perPerson()).isEqualByComparingTo("3.5");
        assertThat(management.items()).extracting(FundingItem::code, i -> plain(i.amount()))
                .containsExactly(tuple("management-study", "0.5"));

        Funding teaching = tier(program, "teaching-talent").funding().orElseThrow();
        assertThat(teaching.perPerson()).isEqualByComparingTo("0.8");
        assertThat(teaching.items()).extracting(FundingItem::code, i -> plain(i.amount()))
                .containsExactly(tuple("teaching-study", "0.5"), tuple("demonstration", "0.3"));
        assertThat(teaching.items().stream().map(FundingItem::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(teaching.perPerson());
    }

    @Test
    void tierBudgetsAddUpToTheTablesTotalOf1245() {
        BigDecimal total = program.tiers().stream()
                .filter(t -> t.funding().isPresent())
                .map(t -> t.funding().orElseThrow().perPerson().multiply(BigDecimal.valueOf(t.quota())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);

        assertThat(total).isEqualByComparingTo("1245");
    }

    @Test
    void credentialsCountAsRegionOrCityLevelTeachingReformProjects() {
        assertThat(tier(program, "top-talent").credential()).hasValueSatisfying(credential -> {
            assertThat(credential.issuingLevel()).isEqualTo(PROVINCE);
            assertThat(credential.benefits()).singleElement()
                    .satisfies(b -> assertThat(b.zh()).contains("自治区级教学改革研究课题"));
        });
        assertThat(tier(program, "teaching-talent").credential()).hasValueSatisfying(credential -> {
            assertThat(credential.issuingLevel()).isEqualTo(CITY);
            // universities' candidates are accepted by the region, which issues theirs
            assertThat(credential.universityIssuingLevel()).contains(PROVINCE);
            assertThat(credential.issuingLevelFor(OrganisationLevel.UNIVERSITY)).isEqualTo(PROVINCE);
            assertThat(credential.issuingLevelFor(OrganisationLevel.SCHOOL)).isEqualTo(CITY);
            assertThat(credential.benefits()).singleElement()
                    .satisfies(b -> assertThat(b.zh()).contains("市级教学改革研究课题"));
        });
        assertThat(tier(program, "backbone-talent").credential()).isEmpty();
    }
}
