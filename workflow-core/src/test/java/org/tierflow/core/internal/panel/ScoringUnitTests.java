package org.tierflow.core.internal.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.PanelQuorum;
import org.tierflow.core.api.program.RubricCriterion;
import org.tierflow.core.api.program.ScoreAggregation;

/** The panel arithmetic: experts' totals with N/A criteria, aggregation, and when each quorum has decided. */
class ScoringUnitTests {

    private static final List<RubricCriterion> RUBRIC = List.of(
            new RubricCriterion("practice", new LocalizedText("实践", "Practice"), new BigDecimal("0.5"), new BigDecimal("10")),
            new RubricCriterion("research", new LocalizedText("研究", "Research"), new BigDecimal("0.3"), new BigDecimal("100")),
            new RubricCriterion("influence", new LocalizedText("影响", "Influence"), new BigDecimal("0.2"), new BigDecimal("5")));

    @Test
    void meanAndMedianOfFiveFiveOneDiffer() {
        assertThat(Scoring.aggregate(ScoreAggregation.MEAN, numbers(5, 5, 1))).isEqualByComparingTo("3.6667");
        assertThat(Scoring.aggregate(ScoreAggregation.MEDIAN, numbers(5, 5, 1))).isEqualByComparingTo("5");
        assertThat(Scoring.aggregate(ScoreAggregation.MEAN, numbers(4, 4, 4))).as("between the two")
                .isEqualByComparingTo("4");
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Scoring.aggregate(ScoreAggregation.MEDIAN, numbers(90, 10, 70, 60))).isEqualByComparingTo("65");
    }

    @Test
    void trimmedMeanDropsOneHighestAndOneLowestAndFallsBackToTheMeanBelowThree() {
        assertThat(Scoring.aggregate(ScoreAggregation.TRIMMED_MEAN, numbers(100, 80, 80, 60, 20))).isEqualByComparingTo("73.3333");
        assertThat(Scoring.aggregate(ScoreAggregation.TRIMMED_MEAN, numbers(95, 95, 10))).as("only one of the equal highest dropped")
                .isEqualByComparingTo("95");
        assertThat(Scoring.aggregate(ScoreAggregation.TRIMMED_MEAN, numbers(90, 50))).isEqualByComparingTo("70");
    }

    @Test
    void totalWeighsEachCriterionsShareOfItsMaximum() {
        Map<String, BigDecimal> scores = Map.of("practice", new BigDecimal("8"), "research", new BigDecimal("50"),
                "influence", new BigDecimal("5"));
        // 0.5 × 0.8 + 0.3 × 0.5 + 0.2 × 1 = 0.75
        assertThat(Scoring.total(RUBRIC, scores)).isEqualByComparingTo("75");
    }

    @Test
    void notApplicableCriteriaDropOutAndTheRemainingWeightsAreRenormalised() {
        Map<String, BigDecimal> scores = new HashMap<>();
        scores.put("practice", new BigDecimal("8"));
        scores.put("research", null);
        scores.put("influence", new BigDecimal("5"));
        // (0.5 × 0.8 + 0.2 × 1) / 0.7 = 0.857142…
        assertThat(Scoring.total(RUBRIC, scores)).isEqualByComparingTo("85.7143");

        assertThatThrownBy(() -> Scoring.total(RUBRIC, Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allDecidesOnlyWhenEveryExpertSubmittedByMajority() {
        PanelQuorum all = PanelQuorum.all(5);
        assertThat(Scoring.decision(all, 5, 4, 0, Optional.of(true))).as("four of five in").isEmpty();
        assertThat(Scoring.decision(all, 5, 3, 2, Optional.of(true))).contains(true);
        assertThat(Scoring.decision(all, 4, 2, 2, Optional.of(true))).as("a tie is no majority").contains(false);
    }

    @Test
    void anyDecidesWithTheFirstVote() {
        assertThat(Scoring.decision(PanelQuorum.any(), 3, 0, 0, Optional.empty())).isEmpty();
        assertThat(Scoring.decision(PanelQuorum.any(), 3, 0, 1, Optional.of(false))).contains(false);
        assertThat(Scoring.decision(PanelQuorum.any(), 3, 1, 0, Optional.of(true))).contains(true);
    }

    @Test
    void ratioDecidesAsSoonAsTheOutcomeIsCertain() {
        PanelQuorum threeOfFive = PanelQuorum.ratio(3);
        assertThat(Scoring.decision(threeOfFive, 5, 0, 1, Optional.of(false))).as("not on the first rejection").isEmpty();
        assertThat(Scoring.decision(threeOfFive, 5, 2, 2, Optional.of(true))).isEmpty();
        assertThat(Scoring.decision(threeOfFive, 5, 3, 0, Optional.of(true))).as("third recommendation").contains(true);
        assertThat(Scoring.decision(threeOfFive, 5, 3, 1, Optional.of(true))).contains(true);
        assertThat(Scoring.decision(threeOfFive, 5, 1, 3, Optional.of(false))).as("third rejection: 3 out of reach")
                .contains(false);
        assertThat(Scoring.decision(PanelQuorum.ratio(5), 5, 4, 1, Optional.of(true))).as("5 of 5: one rejection decides")
                .contains(false);
    }

    private static List<BigDecimal> numbers(int... values) {
        return Arrays.stream(values).mapToObj(BigDecimal::valueOf).toList();
    }
}
