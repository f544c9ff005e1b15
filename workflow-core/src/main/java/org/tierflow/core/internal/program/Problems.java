package org.tierflow.core.internal.program;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.tierflow.core.api.program.DefinitionProblem;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** Collects the problems of one definition file, with 1-based positions. */
final class Problems {

    private final String source;
    private final List<DefinitionProblem> problems = new ArrayList<>();

    Problems(String source) {
        this.source = source;
    }

    /** The file (or resource) the problems are in, as the caller named it. */
    String source() {
        return source;
    }

    void report(Node at, String field, ProblemCode code, Object... args) {
        report(at.getStartMark(), field, code, args);
    }

    void report(Mark mark, String field, ProblemCode code, Object... args) {
        if (mark == null) {
            report(0, 0, field, code, args);
        } else {
            report(mark.getLine() + 1, mark.getColumn() + 1, field, code, args);
        }
    }

    void report(int line, int column, String field, ProblemCode code, Object... args) {
        problems.add(new DefinitionProblem(source, line, column, field, Messages.format(code, args)));
    }

    /** How many problems so far; compare before and after reading a part to see whether it was clean. */
    int count() {
        return problems.size();
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    /** In file order: line, then column; problems without a position first. */
    List<DefinitionProblem> inFileOrder() {
        List<DefinitionProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(DefinitionProblem::line).thenComparingInt(DefinitionProblem::column));
        return sorted;
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
