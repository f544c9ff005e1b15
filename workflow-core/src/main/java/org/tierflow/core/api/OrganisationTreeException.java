package org.tierflow.core.api;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.tierflow.core.api.program.LocalizedText;

/**
 * The organisation tree is malformed: a tree file does not validate, or a host's directory answers
 * inconsistently (parents that loop, a parent that does not exist). Every problem found is listed, each
 * naming where it is and what is wrong, in Chinese and English.
 */
public class OrganisationTreeException extends TierFlowException {

    private final transient List<Problem> problems;

    public OrganisationTreeException(List<Problem> problems) {
        super("invalid-organisation-tree", new LocalizedText(
                "组织机构树有 " + problems.size() + " 个问题：" + lines(problems, true),
                "the organisation tree has " + problems.size() + " problem(s):" + lines(problems, false)));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in the order found. */
    public List<Problem> problems() {
        return problems;
    }

    private static String lines(List<Problem> problems, boolean zh) {
        return problems.stream()
                .map(p -> "\n  - " + p.where() + ": " + (zh ? p.message().zh() : p.message().en()))
                .collect(Collectors.joining());
    }

    /**
     * One problem of an organisation tree.
     *
     * @param source  the file or resource the tree came from, or the directory's class for a host directory
     * @param line    the 1-based line in {@code source}; 0 when the tree did not come from a file
     * @param field   the field path, such as {@code units[0].children[2].level}, or the unit id concerned
     * @param message what is wrong, in Chinese and English
     */
    public record Problem(String source, int line, String field, LocalizedText message) {

        public Problem {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }

        /** {@code "ningxia.yaml:12 units[0].children[1].level"}, or {@code "source field"} without a line. */
        public String where() {
            return source + (line > 0 ? ":" + line : "") + (field.isEmpty() ? "" : " " + field);
        }

        /** {@code where: 中文 / English}. */
        @Override
        public String toString() {
            return where() + ": " + message;
        }
    }
}
