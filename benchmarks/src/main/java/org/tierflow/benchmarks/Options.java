package org.tierflow.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Command-line options of {@link BenchmarkMain}.
 *
 * <pre>
 * --scale N            open review tasks at the largest size of scenarios b and d (default 100000; 1000000 for 1M)
 * --databases h2,postgres
 * --scenarios a,b,c,d  (b and d share one seeded database per kind)
 * --seconds S          length of one timed round of scenario a (default 3)
 * --rounds R           rounds per contender in scenario a (default 7)
 * --batch N            candidates selected in scenario c (default 1000; 10000 is the size, see README)
 * --batch-modes sync,async  scenario c's batches: selectBatch (sync) and/or submitBatch with its jobs (async);
 *                      default both
 * --completed-ratio F  completed nominations (history only) seeded per open one (default 0.2)
 * --templates T        open template nominations made through the engine before copying (default 60)
 * --compare            also measure TierFlow with the engine's default settings (a) and the inbox's task
 *                      query alone (b)
 * --out DIR            where the report goes (default benchmarks/results)
 * --name NAME          base name of the report files (default report)
 * --sql-times N        scenario d: note the N statements that took the most time at each size (default 0: off)
 * --quick              a toy scale that runs in seconds (the smoke test uses it)
 * </pre>
 */
public record Options(int scale, List<BenchDatabase> databases, Set<String> scenarios, int seconds, int rounds,
                      int warmup, int batch, double completedRatio, int growthWalks, int inboxSamples, int templates,
                      boolean compare, Path out, String name, Set<String> batchModes, int sqlTimes,
                      boolean drain) {

    public static Options parse(String... args) {
        int scale = 100_000;
        List<BenchDatabase> databases = List.of(BenchDatabase.H2, BenchDatabase.POSTGRES);
        Set<String> scenarios = Set.of("a", "b", "c", "d");
        int seconds = 3;
        int rounds = 7;
        int warmup = 150;
        int batch = 1_000;
        double completed = 0.2;
        int growthWalks = 150;
        int inboxSamples = 300;
        int templates = 60;
        boolean compare = false;
        Path out = Path.of("results");
        String name = "report";
        Set<String> batchModes = Set.of("sync", "async");
        int sqlTimes = 0;
        boolean drain = true;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--scale" -> scale = Integer.parseInt(args[++i].replace("_", ""));
                case "--databases" -> {
                    List<BenchDatabase> kinds = new ArrayList<>();
                    for (String kind : args[++i].split(",")) {
                        kinds.add(kind.trim().toLowerCase(Locale.ROOT).startsWith("h2") ? BenchDatabase.H2 : BenchDatabase.POSTGRES);
                    }
                    databases = List.copyOf(kinds);
                }
                case "--scenarios" -> scenarios = Set.of(args[++i].toLowerCase(Locale.ROOT).split(","));
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i].replace("_", ""));
                case "--completed-ratio" -> completed = Double.parseDouble(args[++i]);
                case "--growth-walks" -> growthWalks = Integer.parseInt(args[++i]);
                case "--inbox-samples" -> inboxSamples = Integer.parseInt(args[++i]);
                case "--templates" -> templates = Integer.parseInt(args[++i]);
                case "--compare" -> compare = true;
                case "--out" -> out = Path.of(args[++i]);
                case "--name" -> name = args[++i];
                case "--batch-modes" -> batchModes = Set.of(args[++i].toLowerCase(Locale.ROOT).split(","));
                case "--sql-times" -> sqlTimes = Integer.parseInt(args[++i]);
                case "--no-drain" -> drain = false;
                case "--quick" -> {
                    scale = 2_000;
                    seconds = 1;
                    rounds = 2;
                    warmup = 10;
                    batch = 50;
                    growthWalks = 10;
                    inboxSamples = 20;
                    templates = 6;
                }
                default -> throw new IllegalArgumentException("unknown option " + arg + "; see benchmarks/README.md");
            }
        }
        return new Options(scale, databases, scenarios, seconds, rounds, warmup, batch, completed, growthWalks,
                inboxSamples, templates, compare, out, name, batchModes, sqlTimes, drain);
    }

    /** 1k, 10k, 100k, ... up to the scale (the scale itself always included). */
    public List<Integer> growthSizes() {
        List<Integer> sizes = new ArrayList<>();
        for (int n = 1_000; n < scale; n *= 10) {
            sizes.add(n);
        }
        sizes.add(scale);
        return sizes;
    }
}
