package org.tierflow.examples.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tierflow.core.ProgramDefinitionLoader;
import org.tierflow.core.api.program.TrainingRequirement;

class ScenarioCommandTests {

    private static final int PER_TIER = 8;

    @Test
    void playsEveryProgramToTheEndWithinItsQuotasAndTheSameSeedPlaysTheSameScenario() {
        String first = play(11);
        String second = play(11);

        assertThat(first).contains("qingdao-digital-talent-2023", "qingdao-135-plan-2023", "west-coast-ai-pilot-2022",
                "national-ability-2-0-2019", "ningxia-internet-plus-education-2020");
        List<String[]> rows = first.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| tier"))
                .map(line -> Arrays.stream(line.split("\\|")).map(String::trim).toArray(String[]::new))
                .toList();
        assertThat(rows).hasSize(17);
        for (String[] row : rows) {
            int generated = Integer.parseInt(row[2]);
            int ineligible = Integer.parseInt(row[3]);
            int inReview = Integer.parseInt(row[4]);
            int rejectedBelow = Integer.parseInt(row[6]);
            int rejectedAtSelection = Integer.parseInt(row[7]);
            int selected = Integer.parseInt(row[8]);
            int withdrawn = Integer.parseInt(row[9].split(" ")[0]);
            String[] publicity = row[10].split(" / ");
            String[] quota = row[13].split(" / ");
            int endedWithoutCredential = Integer.parseInt(row[21]);
            int credentials = Integer.parseInt(row[22]);
            // A tier with a quota per year plays a round, with its own candidates, in every year of the program.
            java.util.regex.Matcher years = java.util.regex.Pattern.compile("× (\\d+) years").matcher(row[13]);
            assertThat(generated).as(row[1]).isEqualTo(PER_TIER * (years.find() ? Integer.parseInt(years.group(1)) : 1));
            assertThat(inReview).as("nothing left waiting in %s", row[1]).isZero();
            assertThat(ineligible + rejectedBelow + rejectedAtSelection + selected + withdrawn)
                    .as("every candidate of %s accounted for", row[1]).isEqualTo(generated);
            assertThat(Integer.parseInt(quota[0])).as("quota of %s", row[1])
                    .isEqualTo(selected).isLessThanOrEqualTo(Integer.parseInt(quota[1].split(" ")[0]));
            assertThat(Integer.parseInt(publicity[0])).as("every selected candidate of %s confirmed after publicity", row[1])
                    .isEqualTo(selected);
            assertThat(credentials + endedWithoutCredential).as("outcomes of %s", row[1]).isLessThanOrEqualTo(selected);
        }
        assertThat(second).isEqualTo(first);
    }

    @Test
    void hoursGeneratedForARequirementMeetEveryMinimumTheTotalAndTheShares() {
        TrainingRequirement national = ProgramDefinitionLoader
                .loadClasspath("org/tierflow/programs/national-ability-2-0-2019.yaml").tier("teacher").orElseThrow()
                .training().orElseThrow();

        Map<String, BigDecimal> hours = ProgramScenario.hoursMeeting(national);

        BigDecimal total = hours.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total).isGreaterThanOrEqualTo(new BigDecimal("50"));
        assertThat(hours.get("practice").multiply(BigDecimal.valueOf(2))).isGreaterThanOrEqualTo(total);
    }

    @Test
    void sharesTheQuotaByLargestRemainderNeverGivingAUnitMoreThanItHasWaiting() {
        Map<String, Integer> waiting = new LinkedHashMap<>();
        waiting.put("a", 30);
        waiting.put("b", 10);
        waiting.put("c", 2);

        assertThat(ProgramScenario.shares(10, waiting)).containsEntry("a", 7).containsEntry("b", 2).containsEntry("c", 1);
        assertThat(ProgramScenario.shares(100, waiting)).containsEntry("a", 30).containsEntry("b", 10).containsEntry("c", 2);
    }

    @Test
    void anUnknownOptionIsNamed() {
        assertThatThrownBy(() -> ScenarioCommand.Options.parse(new String[] {"--candidates", "3"}))
                .hasMessageContaining("--candidates").hasMessageContaining("--candidates-per-tier");
    }

    private static String play(long seed) {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        return ScenarioCommand.run(new ScenarioCommand.Options(PER_TIER, seed, List.of(), null),
                new PrintStream(progress, true, StandardCharsets.UTF_8));
    }
}
