package org.tierflow.examples.scenarios;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What {@code scenarios.yaml} says: per program, the organisation tree it plays on and the unit whose subtree
 * holds its candidates.
 */
record ScenarioPlan(int generatedSchoolsPerDistrict, List<Entry> programs) {

    static final String RESOURCE = "scenarios.yaml";

    record Entry(String program, String organisations, String within) {
    }

    static ScenarioPlan load() {
        try (InputStream in = ScenarioPlan.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + RESOURCE + " is missing");
            }
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            int schools = ((Number) root.getOrDefault("generatedSchoolsPerDistrict", 0)).intValue();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> entries = (List<Map<String, Object>>) root.get("programs");
            return new ScenarioPlan(schools, entries.stream()
                    .map(e -> new Entry(text(e, "program"), text(e, "organisations"), text(e, "within")))
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Map<String, Object> entry, String field) {
        Object value = entry.get(field);
        if (value == null) {
            throw new IllegalStateException(RESOURCE + ": an entry has no '" + field + "': " + entry);
        }
        return value.toString();
    }
}
