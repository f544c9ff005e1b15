package org.tierflow.examples.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tierflow.core.api.program.ApplicationFact;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.TierDefinition;

/**
 * The tier's facts as form fields named {@code fact.<code>}: numbers, yes/no, text. Reads them back into the
 * typed values TierFlow expects; a blank field is left out (a rule on it then fails with its own reason).
 */
final class FactForm {

    static final String PREFIX = "fact.";

    private FactForm() {
    }

    /**
     * @param params   the request's parameters
     * @param problems receives a message for every field that is not of its type
     */
    static Map<String, Object> read(TierDefinition tier, Map<String, String> params, List<LocalizedText> problems) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (ApplicationFact fact : tier.facts()) {
            String raw = params.get(PREFIX + fact.code());
            if (raw == null || raw.isBlank()) {
                continue;
            }
            raw = raw.strip();
            switch (fact.type()) {
                case NUMBER -> {
                    try {
                        BigDecimal number = new BigDecimal(raw).stripTrailingZeros();
                        facts.put(fact.code(), number.scale() <= 0 ? (Object) number.longValueExact() : number);
                    } catch (NumberFormatException | ArithmeticException e) {
                        problems.add(new LocalizedText("“" + fact.name().zh() + "”应填写数字，实际为“" + raw + "”",
                                "'" + fact.name().en() + "' must be a number, got '" + raw + "'"));
                    }
                }
                case BOOLEAN -> facts.put(fact.code(), Boolean.parseBoolean(raw));
                case TEXT -> facts.put(fact.code(), raw);
            }
        }
        return facts;
    }

    /** The facts as the form shows them again: strings by field name. */
    static Map<String, String> values(Map<String, ?> facts) {
        Map<String, String> values = new LinkedHashMap<>();
        facts.forEach((code, value) -> values.put(code, value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value)));
        return values;
    }

    static List<LocalizedText> newProblems() {
        return new ArrayList<>();
    }
}
