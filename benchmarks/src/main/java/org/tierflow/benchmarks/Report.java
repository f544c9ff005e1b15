package org.tierflow.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects measurements and target checks; writes them as Markdown and CSV. */
public final class Report {

    /** One number. */
    public record Row(String scenario, String database, String subject, String metric, double value, String unit) {
    }

    /** One of the targets, with what was measured. */
    public record Target(String name, String database, String measured, Boolean holds) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    public synchronized void add(String scenario, String database, String subject, String metric, double value, String unit) {
        rows.add(new Row(scenario, database, subject, metric, value, unit));
        System.out.printf(Locale.ROOT, "  [%s/%s] %s %s = %.3f %s%n", scenario, database, subject, metric, value, unit);
    }

    public synchronized void target(String name, String database, String measured, Boolean holds) {
        targets.add(new Target(name, database, measured, holds));
        System.out.printf(Locale.ROOT, "  TARGET %s (%s): %s -> %s%n", name, database, measured,
                holds == null ? "not measured" : holds ? "holds" : "MISSED");
    }

    public synchronized void environment(String key, String value) {
        environment.put(key, value);
    }

    public synchronized void note(String note) {
        notes.add(note);
        System.out.println("  NOTE " + note);
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public List<Target> targets() {
        return List.copyOf(targets);
    }

    public void write(Path directory, String baseName) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(baseName + ".csv"), csv(), StandardCharsets.UTF_8);
            Files.writeString(directory.resolve(baseName + ".md"), markdown(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String csv() {
        StringBuilder out = new StringBuilder("scenario,database,subject,metric,value,unit\n");
        for (Row r : rows) {
            out.append(String.join(",", r.scenario(), r.database(), quote(r.subject()), r.metric(),
                    String.format(Locale.ROOT, "%.4f", r.value()), r.unit())).append('\n');
        }
        return out.toString();
    }

    String markdown() {
        StringBuilder out = new StringBuilder("# TierFlow benchmark report\n\n");
        out.append("Written by `BenchmarkMain` (see [benchmarks/README.md](../README.md)). Lower is better for times, "
                + "higher for rates.\n\n## Machine and versions\n\n| what | value |\n|---|---|\n");
        environment.forEach((k, v) -> out.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        out.append("\n## Targets\n\n| target | database | measured | holds |\n|---|---|---|---|\n");
        for (Target t : targets) {
            out.append("| ").append(t.name()).append(" | ").append(t.database()).append(" | ").append(t.measured())
                    .append(" | ").append(t.holds() == null ? "not measured" : t.holds() ? "yes" : "**no**").append(" |\n");
        }
        String scenario = null;
        for (Row r : rows) {
            if (!r.scenario().equals(scenario)) {
                scenario = r.scenario();
                out.append("\n## ").append(scenario).append("\n\n| database | subject | metric | value | unit |\n|---|---|---|---|---|\n");
            }
            out.append("| ").append(r.database()).append(" | ").append(r.subject()).append(" | ").append(r.metric())
                    .append(" | ").append(String.format(Locale.ROOT, "%.2f", r.value())).append(" | ").append(r.unit())
                    .append(" |\n");
        }
        if (!notes.isEmpty()) {
            out.append("\n## Notes\n\n");
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
        }
        return out.toString();
    }

    private static String quote(String s) {
        return s.contains(",") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
