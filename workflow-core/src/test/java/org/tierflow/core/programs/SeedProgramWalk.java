package org.tierflow.core.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tierflow.core.training.AfterSelectionFixture.reviewerOf;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.tierflow.core.api.CriterionScore;
import org.tierflow.core.api.Decision;
import org.tierflow.core.api.ExpertScore;
import org.tierflow.core.api.InboxQuery;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationSubmission;
import org.tierflow.core.api.PanelTask;
import org.tierflow.core.api.ReviewTask;
import org.tierflow.core.api.ScoreSheet;
import org.tierflow.core.api.SelectionRound;
import org.tierflow.core.api.TimelineEntryType;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.api.program.ProgramDefinition;
import org.tierflow.core.api.program.TierDefinition;
import org.tierflow.core.spi.Expert;
import org.tierflow.core.spi.ExpertDirectory;
import org.tierflow.core.support.InMemoryOrganisationDirectory;
import org.tierflow.core.training.AfterSelectionFixture;

/**
 * Walks candidates of one shipped seed program through its life cycle on a real engine, through TierFlow's public
 * API only: the reviewers find their tasks in their inbox ({@code reviews().inbox}), the experts theirs in the panel
 * inbox ({@code panels().inbox}). The engine, the clock and the due timers are {@link AfterSelectionFixture}'s
 * ({@link AfterSelectionFixture#seedProgramOnH2}); the host's expert pool is seven experts of the tree's top unit
 * ({@code expert-1} … {@code expert-7}), so no expert ever shares a school or district with a candidate.
 */
final class SeedProgramWalk implements AutoCloseable {

    static final int EXPERTS = 7;

    final AfterSelectionFixture fixture;
    final ProgramDefinition program;
    final InMemoryOrganisationDirectory tree;
    private final AtomicInteger applicants = new AtomicInteger();

    private SeedProgramWalk(AfterSelectionFixture fixture, ProgramDefinition program) {
        this.fixture = fixture;
        this.program = program;
        this.tree = fixture.tree;
    }

    /** Starts an engine with the program {@code org/tierflow/programs/<programCode>.yaml} on a shipped tree. */
    static SeedProgramWalk start(String programCode, String treeResource) {
        String top = InMemoryOrganisationDirectory.fromClasspath(treeResource).roots().get(0).id();
        ExpertDirectory experts = query -> IntStream.rangeClosed(1, EXPERTS)
                .mapToObj(i -> new Expert(expert(i), top)).toList();
        AfterSelectionFixture fixture = AfterSelectionFixture.seedProgramOnH2(programCode, treeResource, experts);
        return new SeedProgramWalk(fixture, fixture.tierFlow.programs().find(programCode).orElseThrow());
    }

    static String expert(int i) {
        return "expert-" + i;
    }

    TierDefinition tier(String code) {
        return program.tier(code).orElseThrow();
    }

    /** Submits a nomination for a new applicant of the unit. */
    Nomination submit(String tier, String unitId, Map<String, Object> facts) {
        return fixture.tierFlow.nominations().submit(new NominationSubmission(program.code(), tier,
                "applicant-" + tier + "-" + applicants.incrementAndGet(), unitId, facts, List.of()));
    }

    /** The unit at which the nomination waits now (its current level, above or at the candidate's unit). */
    String waitingAt(Nomination nomination) {
        Nomination current = fixture.tierFlow.nominations().get(nomination.id());
        return tree.ancestorAt(current.unitId(), current.currentLevel()).orElseThrow().id();
    }

    /** The open review task of the nomination in the inbox of the reviewer of the unit it waits at. */
    ReviewTask task(Nomination nomination) {
        String unit = waitingAt(nomination);
        List<ReviewTask> found = fixture.tierFlow.reviews().inbox(reviewerOf(unit),
                        InboxQuery.all().program(program.code()).tier(nomination.tierCode()).page(0, 500)).items().stream()
                .filter(task -> task.nominationId().equals(nomination.id())).toList();
        assertThat(found).as("review task of %s in the inbox of %s", nomination.id(), reviewerOf(unit)).hasSize(1);
        return found.get(0);
    }

    /** The reviewer of the unit the nomination waits at decides. */
    Nomination decide(Nomination nomination, Decision decision) {
        ReviewTask task = task(nomination);
        return fixture.tierFlow.reviews().decide(task.taskId(), reviewerOf(task.unitId()), decision);
    }

    Nomination pass(Nomination nomination) {
        return decide(nomination, Decision.pass("同意 / agreed"));
    }

    /**
     * Passes the nomination level by level until it is selected; where a level has an expert panel, every assigned
     * expert first gives it 80 % of each criterion.
     */
    Nomination passToSelection(Nomination nomination) {
        Nomination current = fixture.tierFlow.nominations().get(nomination.id());
        for (int level = 0; level < 6 && current.state() == org.tierflow.core.api.NominationState.IN_REVIEW; level++) {
            Map<String, PanelTask> panel = panelTasks(current);
            if (!panel.isEmpty()) {
                scorePanel(current, panel.values().stream().mapToInt(task -> 80).toArray());
            }
            current = pass(current);
        }
        assertThat(current.state()).as("state of %s", current.id()).isEqualTo(org.tierflow.core.api.NominationState.SELECTED);
        return current;
    }

    /** The panel tasks of this nomination, by expert. */
    Map<String, PanelTask> panelTasks(Nomination nomination) {
        Map<String, PanelTask> tasks = new LinkedHashMap<>();
        for (int i = 1; i <= EXPERTS; i++) {
            for (PanelTask task : fixture.tierFlow.panels().inbox(expert(i))) {
                if (task.nominationId().equals(nomination.id())) {
                    tasks.put(expert(i), task);
                }
            }
        }
        return tasks;
    }

    /**
     * Every assigned expert scores every rubric criterion: the i-th expert (in expert order) gives
     * {@code percents[i]} per cent of each criterion's maximum, and recommends.
     */
    List<ExpertScore> scorePanel(Nomination nomination, int... percents) {
        Map<String, PanelTask> tasks = panelTasks(nomination);
        assertThat(tasks).as("experts assigned to %s", nomination.id()).hasSize(percents.length);
        List<ExpertScore> scores = new java.util.ArrayList<>();
        int i = 0;
        for (Map.Entry<String, PanelTask> entry : tasks.entrySet()) {
            int percent = percents[i++];
            List<CriterionScore> criteria = entry.getValue().rubric().stream()
                    .map(c -> new CriterionScore(c.code(), c.maxScore().multiply(BigDecimal.valueOf(percent))
                            .divide(BigDecimal.valueOf(100))))
                    .toList();
            scores.add(fixture.tierFlow.panels().submit(entry.getValue().taskId(), entry.getKey(),
                    new ScoreSheet(criteria, true, "评分 / scored")));
        }
        return scores;
    }

    /** Opens a selection round of the unit at its level from a minute ago for a day, by the unit's reviewer. */
    SelectionRound openRound(String tier, String unitId) {
        Instant now = fixture.now();
        return fixture.tierFlow.selection().openRound(program.code(), tier, unitId, tree.unit(unitId).level(),
                now.minusSeconds(60), now.plus(Duration.ofDays(1)), reviewerOf(unitId));
    }

    /** The types of the nomination's timeline entries, in order (the reviewers' claims left out). */
    List<TimelineEntryType> timeline(Nomination nomination) {
        return fixture.tierFlow.nominations().timeline(nomination.id()).stream().map(e -> e.type())
                .filter(type -> type != TimelineEntryType.CLAIMED && type != TimelineEntryType.UNCLAIMED).toList();
    }

    /** The levels at which the nomination's timeline records a pass, filing or decision, in order. */
    List<OrganisationLevel> timelineLevels(Nomination nomination) {
        return fixture.tierFlow.nominations().timeline(nomination.id()).stream()
                .filter(e -> e.type() != TimelineEntryType.SUBMITTED && e.type() != TimelineEntryType.RESUBMITTED
                        && e.type() != TimelineEntryType.CLAIMED && e.type() != TimelineEntryType.UNCLAIMED)
                .map(e -> e.level()).toList();
    }

    static void assertRefused(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    static Map<String, BigDecimal> scores(Map<String, Integer> byCriterion) {
        Map<String, BigDecimal> scores = new LinkedHashMap<>();
        byCriterion.forEach((code, score) -> scores.put(code, BigDecimal.valueOf(score)));
        return scores;
    }

    @Override
    public void close() throws Exception {
        fixture.close();
    }
}
