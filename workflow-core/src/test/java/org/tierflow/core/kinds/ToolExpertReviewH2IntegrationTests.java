package org.tierflow.core.kinds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tierflow.core.kinds.SchoolsAndProjectsFixture.CITY;
import static org.tierflow.core.kinds.SchoolsAndProjectsFixture.PROGRAM;
import static org.tierflow.core.kinds.SchoolsAndProjectsFixture.headOf;
import static org.tierflow.core.kinds.SchoolsAndProjectsFixture.reviewerOf;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tierflow.bpmn.TierFlowBpmn;
import org.tierflow.core.api.CriterionScore;
import org.tierflow.core.api.Decision;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationState;
import org.tierflow.core.api.NominationSubmission;
import org.tierflow.core.api.PhaseStatus;
import org.tierflow.core.api.ScoreSheet;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.nomination.TestDatabases;
import org.tierflow.core.spi.Expert;
import org.tierflow.core.spi.ExpertDirectory;

/**
 * The tool rollout's “专家论证” when the host gives an {@link ExpertDirectory}: five experts (none from the
 * submitting school's district) score the tool on the definition's rubric, the city decides, and the pilot opens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ToolExpertReviewH2IntegrationTests {

    /** Experts of Licang and the city bureau; a Shinan school's tool is never scored by Shinan's people. */
    static final ExpertDirectory EXPERTS = query -> List.of(new Expert("expert-1", "licang-school-1"),
            new Expert("expert-2", "licang-school-2"), new Expert("expert-3", "licang"),
            new Expert("expert-4", "qingdao"), new Expert("expert-5", "licang-school-1"),
            new Expert("expert-shinan", "shinan"));

    HikariDataSource database;
    SchoolsAndProjectsFixture fixture;

    @BeforeAll
    void start() {
        database = TestDatabases.h2("tool-expert-review");
        fixture = SchoolsAndProjectsFixture.on(database, EXPERTS);
    }

    @AfterAll
    void stop() {
        fixture.close();
        database.close();
    }

    @Test
    void fiveExpertsScoreTheToolThenTheCityDecidesAndThePilotOpens() {
        fixture.today(LocalDate.of(2024, 2, 1));
        Nomination tool = fixture.tierFlow.nominations().submit(NominationSubmission.project(PROGRAM, "tool-rollout",
                headOf("shinan-school-1"), "shinan-school-1", "数字化听评课系统 / Lesson observation app",
                Map.of("inUseMonths", 18), List.of()));
        Nomination atCity = fixture.passCurrentLevel(tool);
        assertThat(atCity.currentLevel()).isEqualTo(OrganisationLevel.CITY);

        List<Task> scoring = fixture.engine.getTaskService().createTaskQuery().processInstanceBusinessKey(tool.id())
                .taskDefinitionKey(TierFlowBpmn.TASK_SCORE_NOMINATION).list();
        assertThat(scoring).extracting(Task::getAssignee).as("nobody from Shinan")
                .containsExactlyInAnyOrder("expert-1", "expert-2", "expert-3", "expert-4", "expert-5");
        for (Task task : scoring) {
            fixture.tierFlow.panels().submit(task.getId(), task.getAssignee(), new ScoreSheet(List.of(
                    CriterionScore.of("usefulness", 90), CriterionScore.of("ease", 80), CriterionScore.of("adoption", 85)),
                    true, "好用、易用、常用 / useful, easy, used"));
        }
        assertThat(fixture.tierFlow.panels().result(tool.id(), reviewerOf(CITY)).orElseThrow().score())
                .as("0.4 × 90 + 0.3 × 80 + 0.3 × 85").isEqualByComparingTo("85.5");

        Task review = fixture.reviewTask(tool);
        Nomination selected = fixture.tierFlow.reviews().decide(review.getId(), reviewerOf(CITY),
                Decision.pass("专家论证通过 / the experts recommend it"));

        assertThat(selected.state()).isEqualTo(NominationState.SELECTED);
        assertThat(fixture.tierFlow.lifecycle().phases(tool.id())).first()
                .satisfies(pilot -> assertThat(pilot.state()).isEqualTo(PhaseStatus.State.OPEN));
    }
}
