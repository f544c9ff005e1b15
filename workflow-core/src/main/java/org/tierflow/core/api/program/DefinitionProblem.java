package org.tierflow.core.api.program;

import java.util.Objects;

/**
 * One thing wrong with a program definition file, in the words of the person who edits it.
 *
 * @param source  the file (or resource) the definition came from, as the caller named it
 * @param line    1-based line of the offending node, or 0 when the problem has no position (file not found)
 * @param column  1-based column of the offending node, or 0 when the problem has no position
 * @param field   the field path, e.g. {@code tiers[2].reviewChain.steps[1].level}; {@code (syntax)} for a YAML
 *                syntax error and {@code (document)} for the file as a whole
 * @param message what is wrong, the offending value and what is allowed, in Chinese and English
 */
public record DefinitionProblem(String source, int line, int column, String field, LocalizedText message) {

    public DefinitionProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /**
     * The problem as a compiler would print it:
     * {@code ningxia.yaml:12:7 tiers[0].quota: 名额不能为负数（-5）… / quota must not be negative (-5)…}.
     */
    @Override
    public String toString() {
        String where = line > 0 ? source + ":" + line + ":" + column : source;
        return where + " " + field + ": " + message.zh() + " / " + message.en();
    }
}
