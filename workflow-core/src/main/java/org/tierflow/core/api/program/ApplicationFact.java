package org.tierflow.core.api.program;

/**
 * A fact the application form asks for, which eligibility rules may test.
 *
 * @param code unique within the tier, e.g. {@code yearsInDigitalPlanning}
 * @param type its type
 * @param name the form label
 */
public record ApplicationFact(String code, FactType type, LocalizedText name) {
}
