package org.tierflow.core.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tierflow.core.nomination.TierFlowTestEngine.NINGXIA;

import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tierflow.core.api.Decision;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationSubmission;
import org.tierflow.core.api.Quota;
import org.tierflow.core.api.QuotaAllocationException;
import org.tierflow.core.api.QuotaExceededException;

/**
 * Units without an allocation keep no counter while passes go through them (issue 9a): what they passed on is
 * reported from their quota uses — by {@code quota}, by {@code quotas}, and when an allocation is made to them later.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuotaReportH2IntegrationTests {

    private static final String TIER = "top-talent";

    private HikariDataSource dataSource;
    private TierFlowTestEngine fixture;
    private int applicants;

    @BeforeAll
    void start() {
        dataSource = TestDatabases.h2("quota-report");
        fixture = TierFlowTestEngine.start(dataSource, builder -> builder.approvers(NominationReviewScenarios.APPROVERS));
    }

    @AfterAll
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
        dataSource.close();
    }

    @Test
    void unitsWithoutAllocationReportWhatTheyPassedOnOnceEachAndAnAllocationCountsItFromThere() {
        Nomination first = submit();
        Nomination second = submit();
        for (Nomination n : List.of(first, second)) {
            decide(n, "principal-lt1", Decision.pass(null));
            decide(n, "litong-reviewer", Decision.pass(null));
        }
        // Returned to the county and passed by it again: still one nomination passed on.
        decide(first, "wuzhong-reviewer", Decision.returnToLowerLevel("区县意见不完整 / the county's opinion is incomplete"));
        decide(first, "litong-reviewer", Decision.pass(null));

        assertThat(quota("litong")).isEqualTo(new Quota(NINGXIA, TIER, "litong", false, 0, 2, 0));
        assertThat(quota("litong-school-1")).isEqualTo(new Quota(NINGXIA, TIER, "litong-school-1", false, 0, 2, 0));
        assertThat(fixture.tierFlow.selection().quotas(NINGXIA)).contains(
                new Quota(NINGXIA, TIER, "litong", false, 0, 2, 0),
                new Quota(NINGXIA, TIER, "litong-school-1", false, 0, 2, 0));

        // An allocation below what the county already passed on is refused; one above it counts on from there.
        fixture.tierFlow.selection().allocate(NINGXIA, TIER, "nx", Map.of("wuzhong", 5), "region-reviewer");
        assertThatThrownBy(() -> fixture.tierFlow.selection().allocate(NINGXIA, TIER, "wuzhong", Map.of("litong", 1),
                "wuzhong-reviewer"))
                .isInstanceOfSatisfying(QuotaAllocationException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.code()).isEqualTo("below-used")));
        fixture.tierFlow.selection().allocate(NINGXIA, TIER, "wuzhong", Map.of("litong", 3), "wuzhong-reviewer");
        assertThat(quota("litong")).isEqualTo(new Quota(NINGXIA, TIER, "litong", true, 3, 2, 1));

        Nomination third = submit();
        decide(third, "principal-lt1", Decision.pass(null));
        decide(third, "litong-reviewer", Decision.pass(null));
        assertThat(quota("litong")).isEqualTo(new Quota(NINGXIA, TIER, "litong", true, 3, 3, 0));
        assertThat(quota("litong-school-1")).isEqualTo(new Quota(NINGXIA, TIER, "litong-school-1", false, 0, 3, 0));

        Nomination fourth = submit();
        decide(fourth, "principal-lt1", Decision.pass(null));
        assertThatThrownBy(() -> decide(fourth, "litong-reviewer", Decision.pass(null)))
                .isInstanceOf(QuotaExceededException.class);
        assertThat(quota("litong")).isEqualTo(new Quota(NINGXIA, TIER, "litong", true, 3, 3, 0));
        assertThat(quota("litong-school-1")).isEqualTo(new Quota(NINGXIA, TIER, "litong-school-1", false, 0, 4, 0));

        // The county is full, but the third already holds one of its slots: returned to it and passed again, it is
        // neither refused nor counted twice.
        decide(third, "wuzhong-reviewer", Decision.returnToLowerLevel("请再核实 / please check again"));
        decide(third, "litong-reviewer", Decision.pass(null));
        assertThat(quota("litong")).isEqualTo(new Quota(NINGXIA, TIER, "litong", true, 3, 3, 0));
    }

    private Quota quota(String unitId) {
        return fixture.tierFlow.selection().quota(NINGXIA, TIER, unitId);
    }

    private Nomination submit() {
        return fixture.tierFlow.nominations().submit(new NominationSubmission(NINGXIA, TIER,
                "applicant-quota-report-" + ++applicants, "litong-school-1", TierFlowTestEngine.eligibleFacts(TIER),
                List.of("cv.pdf")));
    }

    private void decide(Nomination nomination, String approver, Decision decision) {
        Task task = fixture.engine.getTaskService().createTaskQuery().processInstanceBusinessKey(nomination.id())
                .taskDefinitionKey("Task_reviewNomination").singleResult();
        assertThat(task).as("open review of %s", nomination.id()).isNotNull();
        fixture.tierFlow.reviews().decide(task.getId(), approver, decision);
    }
}
