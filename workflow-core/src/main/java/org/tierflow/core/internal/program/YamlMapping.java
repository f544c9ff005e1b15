package org.tierflow.core.internal.program;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping with a fixed set of allowed fields. Creating one reports non-text keys, duplicate keys and
 * unknown fields (with the allowed ones, and the likely intended one for a typo); reading a required field
 * reports it missing or empty.
 */
final class YamlMapping {

    private final Problems problems;
    private final MappingNode node;
    private final String path;
    private final Map<String, NodeTuple> entries;

    private YamlMapping(Problems problems, MappingNode node, String path, Map<String, NodeTuple> entries) {
        this.problems = problems;
        this.node = node;
        this.path = path;
        this.entries = entries;
    }

    /** The mapping at {@code node}, or {@code null} (reported) when the node is something else. */
    static YamlMapping of(Problems problems, Node node, String path, List<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            problems.report(node, path, ProblemCode.EXPECTED_MAPPING, Nodes.describe(node));
            return null;
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalarKey) || Tag.NULL.equals(keyNode.getTag())) {
                problems.report(keyNode, path, ProblemCode.KEY_NOT_TEXT, Nodes.describe(keyNode));
                continue;
            }
            String key = scalarKey.getValue();
            String field = FieldPath.child(path, key);
            NodeTuple first = entries.putIfAbsent(key, tuple);
            if (first != null) {
                problems.report(keyNode, field, ProblemCode.KEY_DUPLICATE, key, Problems.line(first.getKeyNode()));
            } else if (!allowed.contains(key)) {
                String allowedList = String.join(", ", allowed);
                Optional<String> intended = likelyIntended(key, allowed);
                if (intended.isPresent()) {
                    problems.report(keyNode, field, ProblemCode.FIELD_UNKNOWN_SUGGEST, key, intended.get(), allowedList);
                } else {
                    problems.report(keyNode, field, ProblemCode.FIELD_UNKNOWN, key, allowedList);
                }
            }
        }
        return new YamlMapping(problems, mapping, path, entries);
    }

    MappingNode node() {
        return node;
    }

    String path() {
        return path;
    }

    /** The path of a field of this mapping. */
    String path(String key) {
        return FieldPath.child(path, key);
    }

    /** Whether the field is written at all, even without a value. */
    boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The field's value, or {@code null} when it is absent or written without a value. */
    Node optional(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null || Nodes.isNull(tuple.getValueNode()) ? null : tuple.getValueNode();
    }

    /** The field's value, or {@code null} (reported as missing or empty). */
    Node required(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            problems.report(node, path(key), ProblemCode.FIELD_MISSING, key);
            return null;
        }
        if (Nodes.isNull(tuple.getValueNode())) {
            problems.report(tuple.getKeyNode(), path(key), ProblemCode.FIELD_EMPTY, key);
            return null;
        }
        return tuple.getValueNode();
    }

    /** The key node of a field that is present, for positions. */
    Node keyNode(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? node : tuple.getKeyNode();
    }

    /** An allowed field differing only in case, or by at most two edits, from an unknown one. */
    private static Optional<String> likelyIntended(String key, List<String> allowed) {
        String lower = key.toLowerCase(Locale.ROOT);
        for (String candidate : allowed) {
            if (candidate.toLowerCase(Locale.ROOT).equals(lower)) {
                return Optional.of(candidate);
            }
        }
        if (key.length() < 4) {
            return Optional.empty();
        }
        String best = null;
        int bestDistance = 3;
        for (String candidate : allowed) {
            int distance = editDistance(lower, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
