package org.tierflow.examples.scenarios;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays every program of {@code scenarios.yaml} with generated candidates on an embedded H2 database and prints
 * a summary per program.
 *
 * <pre>
 * ./mvnw -pl examples/scenarios -am -q exec:java -Dexec.args="--candidates-per-tier 200 --seed 7"
 * </pre>
 *
 * Options: {@code --candidates-per-tier N} (default 200), {@code --seed S} (default 2026; the same seed plays the
 * same scenario), {@code --program CODE} (repeatable; default every program), {@code --markdown FILE} (also
 * write the summary there).
 */
public final class ScenarioCommand {

    private ScenarioCommand() {
    }

    public static void main(String[] args) throws IOException {
        Options options = Options.parse(args);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String report = run(options, out);
        if (options.markdown != null) {
            Files.writeString(options.markdown, report, StandardCharsets.UTF_8);
            out.println("written to " + options.markdown);
        }
    }

    /** Plays the scenarios, printing progress; returns the Markdown summary. */
    static String run(Options options, PrintStream out) {
        ScenarioPlan plan = ScenarioPlan.load();
        StringBuilder report = new StringBuilder("## Scenario: ").append(options.candidatesPerTier)
                .append(" generated candidates per tier, seed ").append(options.seed).append("\n\n");
        long started = System.nanoTime();
        try (ScenarioWorld world = ScenarioWorld.start(plan, "tierflow-scenarios-" + java.util.UUID.randomUUID())) {
            for (ScenarioPlan.Entry entry : plan.programs()) {
                if (!options.programs.isEmpty() && !options.programs.contains(entry.program())) {
                    continue;
                }
                long programStarted = System.nanoTime();
                ProgramOutcome outcome = new ProgramScenario(world, entry, options.seed + entry.program().hashCode())
                        .play(options.candidatesPerTier);
                String table = outcome.toMarkdown();
                out.print(table);
                out.println("(" + Duration.ofNanos(System.nanoTime() - programStarted).toMillis() + " ms)\n");
                report.append(table);
            }
        }
        out.println("all programs played in " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
        return report.toString();
    }

    record Options(int candidatesPerTier, long seed, List<String> programs, Path markdown) {

        static Options parse(String[] args) {
            int perTier = 200;
            long seed = 2026;
            List<String> programs = new ArrayList<>();
            Path markdown = null;
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + name + " needs a value");
                }
                String value = args[++i];
                switch (name) {
                    case "--candidates-per-tier" -> perTier = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--program" -> programs.add(value);
                    case "--markdown" -> markdown = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + name
                            + " (known: --candidates-per-tier, --seed, --program, --markdown)");
                }
            }
            return new Options(perTier, seed, List.copyOf(programs), markdown);
        }
    }
}
