package org.tierflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness works at a toy scale on H2: every scenario runs and lands in the report. Measures nothing and
 * asserts no timing; the real run is the command in benchmarks/README.md.
 */
class HarnessSmokeTests {

    @Test
    void everyScenarioRunsAtToyScaleAndIsReported(@TempDir Path out) throws Exception {
        Options options = Options.parse("--quick", "--databases", "h2", "--scale", "300", "--batch", "5",
                "--sql-times", "3", "--out", out.toString(), "--name", "smoke");

        Report report = BenchmarkMain.run(options);
        report.write(options.out(), options.name());

        assertThat(report.rows()).extracting(Report.Row::scenario)
                .contains(Scenarios.A, Scenarios.B, Scenarios.C, Scenarios.D);
        assertThat(report.rows()).filteredOn(r -> r.scenario().equals(Scenarios.A))
                .extracting(Report.Row::subject)
                .contains("TierFlow", "Plain Flowable", "Camunda 7.24");
        assertThat(report.rows()).filteredOn(r -> r.scenario().equals(Scenarios.C) && r.metric().equals("selected"))
                .extracting(Report.Row::value).containsExactly(5.0);
        assertThat(report.rows()).filteredOn(r -> r.scenario().equals(Scenarios.B))
                .extracting(Report.Row::subject).allMatch(s -> s.contains("300 open tasks, 30 in the approver's district"));
        assertThat(report.rows()).filteredOn(r -> r.scenario().equals(Scenarios.D))
                .extracting(Report.Row::metric)
                .contains("SQL statements per nomination", "open review found through the inbox, p50");
        assertThat(Files.readString(out.resolve("smoke.md"))).contains("## Targets", "cores", "slowest statements");
        assertThat(Files.readString(out.resolve("smoke.csv"))).startsWith("scenario,database,subject,metric,value,unit");
    }
}
