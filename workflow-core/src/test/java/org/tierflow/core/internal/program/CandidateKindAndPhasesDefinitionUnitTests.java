package org.tierflow.core.internal.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Period;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tierflow.core.ProgramDefinitionLoader;
import org.tierflow.core.api.program.CandidateKind;
import org.tierflow.core.api.program.DefinitionProblem;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.api.program.PhaseDefinition;
import org.tierflow.core.api.program.ProgramDefinition;
import org.tierflow.core.api.program.ProgramDefinitionException;

/**
 * {@code candidateKind} and {@code phases} (program B's schools and projects), from {@code definitions/kinds/}:
 * one valid file, then one file per rule, each with exactly that problem, named by file, line and field in both
 * languages.
 */
class CandidateKindAndPhasesDefinitionUnitTests {

    private static final String DIR = "definitions/kinds/";

    @Test
    void phasesLoadInOrderWithTheirPeriodsAndDecidingLevels() {
        ProgramDefinition program = ProgramDefinitionLoader.loadClasspath(DIR + "school-and-project-phases.yaml");

        assertThat(program.tier("tool").orElseThrow().phases())
                .extracting(PhaseDefinition::code, PhaseDefinition::period, PhaseDefinition::decidedBy)
                .containsExactly(tuple("pilot", Period.ofMonths(6), OrganisationLevel.DISTRICT),
                        tuple("rollout", Period.of(1, 6, 0), OrganisationLevel.CITY));
        assertThat(program.tier("tool").orElseThrow().candidateKind()).isEqualTo(CandidateKind.PROJECT);
        assertThat(program.tier("school").orElseThrow().candidateKind()).isEqualTo(CandidateKind.SCHOOL);
        assertThat(program.tier("school").orElseThrow().phases()).isEmpty();
    }

    @Test
    void phaseCodesAreUnique() {
        assertProblem(onlyProblem("phases-duplicate-code.yaml"), "phases-duplicate-code.yaml", 19,
                "tiers[0].phases[1].code", "代码“pilot”重复（第一次在第 18 行）", "code \"pilot\" is used twice (first on line 18)");
    }

    @Test
    void aPhaseLastsLongerThanZero() {
        assertProblem(onlyProblem("phases-zero-period.yaml"), "phases-zero-period.yaml", 18,
                "tiers[0].phases[0].period", "期限必须大于零", "the period must be longer than zero, found P0M");
    }

    @Test
    void aPhaseIsDecidedByALevelOfTheReviewChain() {
        assertProblem(onlyProblem("phases-decided-by-not-in-chain.yaml"), "phases-decided-by-not-in-chain.yaml", 18,
                "tiers[0].phases[0].decidedBy",
                "decidedBy PROVINCE（省/自治区） 不是审核链 reviewChain 中的层级；阶段只能由以下层级的审核人决定：DISTRICT（区县）、CITY（市）",
                "decidedBy PROVINCE (province) is not a level of the reviewChain; a phase is decided by the approvers"
                        + " of one of: DISTRICT (district), CITY (city)");
    }

    @Test
    void thePhasesFitIntoTheImplementationPeriod() {
        assertProblem(onlyProblem("phases-longer-than-implementation.yaml"), "phases-longer-than-implementation.yaml",
                18, "tiers[0].phases", "各阶段合计 P1Y6M，超过实施期 implementationPeriod P1Y",
                "the phases take P1Y6M together, longer than implementationPeriod P1Y");
    }

    @Test
    void aPhasesListIsNotEmpty() {
        assertProblem(onlyProblem("phases-empty.yaml"), "phases-empty.yaml", 17, "tiers[0].phases",
                "phases 不能为空", "phases must not be empty");
    }

    @Test
    void aSchoolCandidateEntersAtTheSchoolLevel() {
        assertProblem(onlyProblem("school-candidate-entry-level.yaml"), "school-candidate-entry-level.yaml", 9,
                "tiers[0].candidateKind", "candidateKind SCHOOL 要求 reviewChain.entryLevel 为 SCHOOL",
                "candidateKind SCHOOL needs reviewChain.entryLevel SCHOOL (the applying school is the candidate), found"
                        + " DISTRICT");
    }

    @Test
    void aSchoolCandidateRecordsNoTrainingHours() {
        assertProblem(onlyProblem("school-candidate-training.yaml"), "school-candidate-training.yaml", 18,
                "tiers[0].training", "candidateKind SCHOOL 不能设置 training：培训学时只属于个人",
                "candidateKind SCHOOL takes no training: training hours belong to people");
    }

    @Test
    void aProjectHasNoUniversityRoute() {
        assertProblem(onlyProblem("project-candidate-university-chain.yaml"), "project-candidate-university-chain.yaml",
                17, "tiers[0].universityChain", "candidateKind PROJECT 不能设置 universityChain",
                "candidateKind PROJECT has no universityChain: only people apply through a university route");
    }

    private static DefinitionProblem onlyProblem(String file) {
        ProgramDefinitionException failure = catchThrowableOfType(ProgramDefinitionException.class,
                () -> ProgramDefinitionLoader.loadClasspath(DIR + file));
        assertThat(failure).as("loading %s fails", file).isNotNull();
        List<DefinitionProblem> problems = failure.problems();
        assertThat(problems).as("problems in %s", file).hasSize(1);
        return problems.get(0);
    }

    private static void assertProblem(DefinitionProblem problem, String file, int line, String field,
                                      String zhFragment, String enFragment) {
        assertThat(problem.source()).isEqualTo(DIR + file);
        assertThat(problem.field()).as("field of %s", problem).isEqualTo(field);
        assertThat(problem.message().zh()).contains(zhFragment);
        assertThat(problem.message().en()).contains(enFragment);
        assertThat(problem.line()).as("line of %s", problem).isEqualTo(line);
    }
}
