package org.tierflow.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Runs the benchmark set and writes {@code <out>/<name>.md} and {@code .csv}. See benchmarks/README.md for the
 * command and the options ({@link Options}).
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) {
        Options options = Options.parse(args);
        Report report = run(options);
        report.write(options.out(), options.name());
        System.out.println("Report written to " + options.out().toAbsolutePath().resolve(options.name() + ".md"));
    }

    /** Runs the scenarios the options ask for and returns the report (not yet written). */
    public static Report run(Options options) {
        Report report = new Report();
        long start = System.nanoTime();
        describeMachine(report, options);
        Scenarios scenarios = new Scenarios(options, report);
        for (BenchDatabase kind : options.databases()) {
            HikariDataSource probe = kind.create("probe");
            report.environment("database " + kind.name(), BenchDatabase.version(probe));
            kind.drop(probe);
            System.out.println("== " + kind + " ==");
            if (options.scenarios().contains("a")) {
                guarded(report, options, "a", kind, () -> scenarios.throughput(kind));
            }
            if (options.scenarios().contains("b") || options.scenarios().contains("d")) {
                guarded(report, options, "b/d", kind, () -> scenarios.growthAndInbox(kind,
                        options.scenarios().contains("d"), options.scenarios().contains("b")));
            }
            if (options.scenarios().contains("c") && options.batchModes().contains("sync")) {
                guarded(report, options, "c", kind, () -> scenarios.batch(kind));
            }
            if (options.scenarios().contains("c") && options.batchModes().contains("async")) {
                guarded(report, options, "c (async)", kind, () -> AsyncBatchScenario.run(options, scenarios.tree(), report,
                        kind));
            }
        }
        report.environment("load average at end (1, 5, 15 min)", loadAverage());
        report.environment("duration", String.format(Locale.ROOT, "%.1f min", (System.nanoTime() - start) / 60e9));
        return report;
    }

    /** Runs one scenario; a failure is noted in the report and the others still run. Writes what is known so far. */
    private static void guarded(Report report, Options options, String scenario, BenchDatabase kind, Runnable run) {
        try {
            run.run();
        } catch (RuntimeException e) {
            e.printStackTrace();
            report.note("scenario " + scenario + " on " + kind + " failed: " + e);
        }
        report.environment("load average after scenario " + scenario + " on " + kind, loadAverage());
        report.write(options.out(), options.name());
    }

    private static void describeMachine(Report report, Options options) {
        Runtime runtime = Runtime.getRuntime();
        report.environment("date", LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        report.environment("cores", String.valueOf(runtime.availableProcessors()));
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            report.environment("memory", String.format(Locale.ROOT, "%.1f GiB total, %.1f GiB free",
                    os.getTotalMemorySize() / 1073741824.0, os.getFreeMemorySize() / 1073741824.0));
        }
        report.environment("JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", max heap " + runtime.maxMemory() / 1048576 + " MiB");
        report.environment("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        report.environment("Flowable", org.flowable.engine.ProcessEngine.class.getPackage().getImplementationVersion() == null
                ? org.flowable.common.engine.api.FlowableException.class.getPackage().getImplementationVersion()
                : org.flowable.engine.ProcessEngine.class.getPackage().getImplementationVersion());
        report.environment("Camunda", String.valueOf(org.camunda.bpm.engine.ProcessEngine.class.getPackage().getImplementationVersion()));
        report.environment("load average at start (1, 5, 15 min)", loadAverage());
        report.environment("options", options.toString().replace("|", "/"));
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f (1 min)", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
