package org.tierflow.core.api.program;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A program definition could not be loaded. Carries every problem found, not only the first, so a program
 * administrator fixes the file in one go.
 */
public class ProgramDefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<DefinitionProblem> problems;

    /**
     * @param problems what is wrong, at least one, in file order
     */
    public ProgramDefinitionException(List<DefinitionProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * @param problems what is wrong, at least one
     * @param cause    the low-level failure behind them (an I/O error, say)
     */
    public ProgramDefinitionException(List<DefinitionProblem> problems, Throwable cause) {
        super(describe(problems), cause);
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in file order (line, then column). */
    public List<DefinitionProblem> problems() {
        return problems;
    }

    private static String describe(List<DefinitionProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ProgramDefinitionException needs at least one problem");
        }
        String header = problems.size() == 1
                ? "培养方案定义有 1 个问题 / the program definition has 1 problem:"
                : "培养方案定义有 " + problems.size() + " 个问题 / the program definition has " + problems.size()
                        + " problems:";
        return problems.stream().map(DefinitionProblem::toString)
                .collect(Collectors.joining(System.lineSeparator(), header + System.lineSeparator(), ""));
    }
}
