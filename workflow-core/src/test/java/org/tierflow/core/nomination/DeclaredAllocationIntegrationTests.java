package org.tierflow.core.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.tierflow.core.nomination.TierFlowTestEngine.NINGXIA;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.tierflow.bpmn.TierFlowBpmn;
import org.tierflow.core.ProgramDefinitionLoader;
import org.tierflow.core.api.Decision;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationSubmission;
import org.tierflow.core.api.ProgramCatalog;
import org.tierflow.core.api.Quota;
import org.tierflow.core.api.QuotaExceededException;
import org.tierflow.core.api.program.DeclaredAllocation;
import org.tierflow.core.api.program.DefinitionProblem;
import org.tierflow.core.api.program.ProgramDefinition;
import org.tierflow.core.api.program.ProgramDefinitionException;
import org.tierflow.core.internal.selection.DeclaredAllocations;

/**
 * Quota allocation as data: a tier's {@code allocation} in the program definition is checked on load, checked
 * against the organisation directory and applied when TierFlow starts (through the same rules as the API),
 * enforced on every pass, not applied twice on a restart, and never overrides a later allocation made through
 * the API.
 */
class DeclaredAllocationIntegrationTests {

    static final String TEACHING = "teaching-talent";
    static final String SOURCE = "ningxia-with-allocation.yaml";

    // ------------------------------------------------------------------------------------------ on load

    @Test
    void loadReadsTheAllocationWithItsPositions() {
        ProgramDefinition program = ningxia("""
                    allocation:
                      nx: {yinchuan: 300, wuzhong: 200}
                      yinchuan: {xingqing: 120, jinfeng: 100}
                """);

        List<DeclaredAllocation> allocation = program.tier(TEACHING).orElseThrow().allocation();
        assertThat(allocation).extracting(DeclaredAllocation::parentUnitId, DeclaredAllocation::unitId,
                DeclaredAllocation::quota).containsExactly(
                org.assertj.core.groups.Tuple.tuple("nx", "yinchuan", 300),
                org.assertj.core.groups.Tuple.tuple("nx", "wuzhong", 200),
                org.assertj.core.groups.Tuple.tuple("yinchuan", "xingqing", 120),
                org.assertj.core.groups.Tuple.tuple("yinchuan", "jinfeng", 100));
        assertThat(allocation.get(2).field()).isEqualTo("tiers[2].allocation.yinchuan.xingqing");
        assertThat(allocation.get(2).source()).isEqualTo(SOURCE);
        assertThat(allocation.get(2).line()).isEqualTo(allocation.get(0).line() + 1);
        assertThat(program.tier("top-talent").orElseThrow().allocation()).as("the seed is silent: API only").isEmpty();
    }

    @Test
    void loadReportsEveryMalformedAllocationWithLineAndField() {
        ProgramDefinitionException refused = catchThrowableOfType(ProgramDefinitionException.class, () -> ningxia("""
                    allocation:
                      nx: {yinchuan: 900, wuzhong: 200, nx: 1}
                      yinchuan: {xingqing: -1, wuzhong: 5, jinfeng: ten}
                      wuzhong: {}
                """));

        assertThat(refused.problems()).extracting(DefinitionProblem::field).containsExactly(
                "tiers[2].allocation.nx",
                "tiers[2].allocation.nx.nx",
                "tiers[2].allocation.yinchuan.xingqing",
                "tiers[2].allocation.yinchuan.wuzhong",
                "tiers[2].allocation.yinchuan.jinfeng",
                "tiers[2].allocation.wuzhong");
        assertThat(refused.problems().get(0).message().en()).contains("1100").contains("1000");
        assertThat(refused.problems().get(0).message().zh()).contains("合计 1100 名").contains("1000");
        assertThat(refused.problems().get(1).message().en()).contains("cannot allocate to itself");
        assertThat(refused.problems().get(2).message().zh()).contains("不小于 0");
        assertThat(refused.problems().get(3).message().en()).contains("already receives its quota from \"nx\"");
        assertThat(refused.problems().get(4).message().en()).contains("whole number");
        assertThat(refused.problems().get(5).message().en()).contains("allocates to nobody");
        assertThat(refused.getMessage()).contains(SOURCE + ":" + refused.problems().get(2).line() + ":");
    }

    // ------------------------------------------------------------------------------------------ at start

    @Test
    void declaredAllocationIsAppliedAtStartEnforcedOnEveryPassAndNotAppliedAgainOnRestart() {
        ProgramCatalog catalog = catalog("""
                    allocation:
                      nx: {yinchuan: 300, wuzhong: 200}
                      yinchuan: {xingqing: 1}
                """);
        try (HikariDataSource database = TestDatabases.h2("declared-allocation")) {
            try (TierFlowTestEngine first = start(database, catalog)) {
                assertThat(first.tierFlow.selection().quota(NINGXIA, TEACHING, "yinchuan"))
                        .isEqualTo(new Quota(NINGXIA, TEACHING, "yinchuan", true, 300, 0, 300));
                assertThat(first.tierFlow.selection().quota(NINGXIA, TEACHING, "xingqing").allocated()).isEqualTo(1);
                assertThat(first.tierFlow.selection().quota(NINGXIA, TEACHING, "jinfeng").limited()).isFalse();

                Nomination passed = submitAndPassSchool(first, "xingqing-school-1");
                Nomination refused = submitAndPassSchool(first, "xingqing-school-1");
                decide(first, passed, "xingqing-approver");
                assertThatThrownBy(() -> decide(first, refused, "xingqing-approver"))
                        .as("the declared allocation of one is enforced like any other")
                        .isInstanceOf(QuotaExceededException.class).hasMessageContaining("xingqing");
                assertThat(allocationRecords(first)).as("one record per declared unit").isEqualTo(3);
            }
            try (TierFlowTestEngine restarted = start(database, catalog)) {
                assertThat(allocationRecords(restarted)).as("a restart applies nothing again").isEqualTo(3);
                assertThat(restarted.tierFlow.selection().quota(NINGXIA, TEACHING, "xingqing"))
                        .isEqualTo(new Quota(NINGXIA, TEACHING, "xingqing", true, 1, 1, 0));
            }
        }
    }

    @Test
    void anAllocationMadeThroughTheApiLaterWinsOverTheFileAndAChangedFileIsAppliedOtherwise() {
        try (HikariDataSource database = TestDatabases.h2("declared-allocation-api")) {
            try (TierFlowTestEngine first = start(database, catalog("""
                        allocation:
                          nx: {yinchuan: 300, wuzhong: 200}
                    """))) {
                first.tierFlow.selection().allocate(NINGXIA, TEACHING, "nx", Map.of("wuzhong", 150), "nx-approver");
            }
            try (TierFlowTestEngine restarted = start(database, catalog("""
                        allocation:
                          nx: {yinchuan: 250, wuzhong: 200}
                    """))) {
                assertThat(restarted.tierFlow.selection().quota(NINGXIA, TEACHING, "wuzhong").allocated())
                        .as("the API's later 150 wins over the file's 200").isEqualTo(150);
                assertThat(restarted.tierFlow.selection().quota(NINGXIA, TEACHING, "yinchuan").allocated())
                        .as("the file changed and nobody allocated through the API: the new number applies")
                        .isEqualTo(250);
                assertThat(allocationRecords(restarted)).as("300, 200, API 150, then 250").isEqualTo(4);
            }
        }
    }

    @Test
    void anUnknownUnitOrAUnitAtTheWrongPlaceStopsTheStartWithLineAndFieldAndNothingIsApplied() {
        ProgramCatalog catalog = catalog("""
                    allocation:
                      nx: {yinchuan: 300, nowhere: 5, xingqing: 2}
                """);
        try (HikariDataSource database = TestDatabases.h2("declared-allocation-bad")) {
            ProgramDefinitionException refused = catchThrowableOfType(ProgramDefinitionException.class,
                    () -> start(database, catalog));

            assertThat(refused.problems()).extracting(DefinitionProblem::field).containsExactly(
                    "tiers[2].allocation.nx.nowhere", "tiers[2].allocation.nx.xingqing");
            assertThat(refused.problems()).extracting(DefinitionProblem::source).containsOnly(SOURCE);
            assertThat(refused.problems().get(0).line()).isPositive();
            assertThat(refused.problems().get(0).message().en()).contains("no organisation unit 'nowhere'");
            assertThat(refused.problems().get(1).message().zh()).contains("xingqing").contains("区县");
            assertThat(refused.problems().get(1).message().en()).contains("the level below the province is city or university");
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    static TierFlowTestEngine start(HikariDataSource database, ProgramCatalog catalog) {
        return TierFlowTestEngine.start(database, builder -> builder.programs(catalog).approvers(SelectionScenarios.APPROVERS));
    }

    static ProgramCatalog catalog(String allocation) {
        return ProgramCatalog.of(List.of(ningxia(allocation)));
    }

    /** The Ningxia seed with an allocation block added to its teaching-talent tier (the third). */
    static ProgramDefinition ningxia(String allocation) {
        String yaml;
        try (InputStream in = DeclaredAllocationIntegrationTests.class.getClassLoader()
                .getResourceAsStream("org/tierflow/programs/" + NINGXIA + ".yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String anchor = "    quota: 1000\n";
        assertThat(yaml).contains(anchor);
        return ProgramDefinitionLoader.load(SOURCE, new StringReader(yaml.replace(anchor, anchor + allocation)));
    }

    Nomination submitAndPassSchool(TierFlowTestEngine engine, String schoolId) {
        Nomination nomination = engine.tierFlow.nominations().submit(new NominationSubmission(NINGXIA, TEACHING,
                "applicant-" + System.nanoTime(), schoolId, TierFlowTestEngine.eligibleFacts(TEACHING), List.of()));
        decide(engine, nomination, schoolId + "-approver");
        return nomination;
    }

    static void decide(TierFlowTestEngine engine, Nomination nomination, String approver) {
        String taskId = engine.engine.getTaskService().createTaskQuery()
                .processDefinitionKey(TierFlowBpmn.LEVEL_REVIEW_PROCESS)
                .processVariableValueEquals(TierFlowBpmn.VAR_NOMINATION_ID, nomination.id())
                .singleResult().getId();
        engine.tierFlow.reviews().decide(taskId, approver, Decision.pass("同意 / agreed"));
    }

    static long allocationRecords(TierFlowTestEngine engine) {
        try (var connection = engine.engine.getProcessEngineConfiguration().getDataSource().getConnection();
             var statement = connection.prepareStatement(
                     "select count(*) from tierflow_quota_allocation where actor_id in (?, ?)")) {
            statement.setString(1, DeclaredAllocations.ACTOR);
            statement.setString(2, "nx-approver");
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
