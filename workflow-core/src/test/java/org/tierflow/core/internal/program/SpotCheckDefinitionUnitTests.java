package org.tierflow.core.internal.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tierflow.core.ProgramDefinitionLoader;
import org.tierflow.core.api.program.DefinitionProblem;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.api.program.ProgramDefinition;
import org.tierflow.core.api.program.ProgramDefinitionException;
import org.tierflow.core.api.program.SampleSize;
import org.tierflow.core.api.program.SpotCheckDefinition;

/** The optional {@code spotChecks} section of a program: the auditing level and default sample sizes. */
class SpotCheckDefinitionUnitTests {

    private static final String PROGRAM = """
            code: spot-checked
            name: {zh: 抽查方案, en: Spot-checked program}
            owner: CITY
            startYear: 2021
            endYear: 2023
            %s
            tiers:
              - code: backbone
                name: {zh: 骨干教师, en: Backbone teachers}
                quota: 3
                reviewChain:
                  entryLevel: SCHOOL
                  steps:
                    - {level: SCHOOL, action: RECOMMEND, name: {zh: 学校推荐, en: School recommends}}
                    - {level: CITY, action: DECIDE, name: {zh: 市级确定, en: City decides}}
                implementationPeriod: P1Y
            """;

    @Test
    void aProgramWithoutSpotChecksHasNone() {
        assertThat(load("").spotChecks()).isEmpty();
    }

    @Test
    void theLevelAndDefaultSampleSizesAreRead() {
        ProgramDefinition program = load("spotChecks: {level: CITY, candidates: {percent: 10}, units: {count: 2}}");

        assertThat(program.spotChecks()).contains(new SpotCheckDefinition(OrganisationLevel.CITY,
                Optional.of(SampleSize.percent(10)), Optional.of(SampleSize.count(2))));
    }

    @Test
    void theSeedProgramOfNingxiaIsSpotCheckedByTheRegionWithSizesGivenPerCall() {
        ProgramDefinition ningxia = ProgramDefinitionLoader.loadClasspath(
                "org/tierflow/programs/ningxia-internet-plus-education-2020.yaml");

        assertThat(ningxia.spotChecks()).contains(new SpotCheckDefinition(OrganisationLevel.PROVINCE,
                Optional.empty(), Optional.empty()));
    }

    @Test
    void everyProblemOfTheSectionIsNamed() {
        List<DefinitionProblem> problems = problemsOf("""
                spotChecks:
                  level: PROVINCE
                  candidates: {percent: 0}
                  units: {percent: 10, count: 2}""");

        assertThat(problems).extracting(DefinitionProblem::field)
                .containsExactly("spotChecks.level", "spotChecks.candidates.percent", "spotChecks.units");
        assertThat(problems.get(0).message().en()).contains("auditing level PROVINCE (province)", "above the program's owner CITY (city)");
        assertThat(problems.get(0).message().zh()).contains("高于培养方案的主管层级");
        assertThat(problems.get(1).message().en()).contains("must be 1 to 100, found 0");
        assertThat(problems.get(2).message().en()).contains("{percent: N} or {count: N}");
        assertThat(problems.get(2).message().zh()).contains("二者之一");
    }

    @Test
    void aCountBelowOneAndAMissingLevelAreProblems() {
        List<DefinitionProblem> problems = problemsOf("spotChecks: {units: {count: 0}}");

        assertThat(problems).extracting(DefinitionProblem::field)
                .containsExactlyInAnyOrder("spotChecks.level", "spotChecks.units.count");
    }

    private static ProgramDefinition load(String spotChecks) {
        return ProgramDefinitionLoader.load("spot-checks.yaml", new StringReader(PROGRAM.formatted(spotChecks)));
    }

    private static List<DefinitionProblem> problemsOf(String spotChecks) {
        ProgramDefinitionException failure = catchThrowableOfType(ProgramDefinitionException.class,
                () -> load(spotChecks));
        assertThat(failure).as("loading fails").isNotNull();
        return failure.problems();
    }
}
