package org.tierflow.core.internal.program;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.nodes.Node;

/** Codes seen so far in one list; a second use is reported with the line of the first. */
final class UniqueCodes {

    private final Problems problems;
    private final Map<String, Integer> firstLines = new HashMap<>();
    private final List<String> inOrder = new ArrayList<>();

    UniqueCodes(Problems problems) {
        this.problems = problems;
    }

    /** Whether {@code code} is new; reports it otherwise. {@code null} (already reported) counts as new. */
    boolean add(String code, Node node, String path) {
        if (code == null) {
            return true;
        }
        Integer first = firstLines.putIfAbsent(code, Problems.line(node));
        if (first != null) {
            problems.report(node, path, ProblemCode.CODE_DUPLICATE, code, first);
            return false;
        }
        inOrder.add(code);
        return true;
    }

    boolean contains(String code) {
        return firstLines.containsKey(code);
    }

    /** The codes, in the order they were declared. */
    List<String> codes() {
        return List.copyOf(inOrder);
    }
}
