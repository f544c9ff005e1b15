package org.tierflow.spring.boot.web;

import java.util.ArrayList;
import java.util.List;

import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.program.LocalizedText;

/** A request body lacks required fields; every one is named. Answered with 400, code {@code missing-field}. */
class MissingFieldsException extends InvalidRequestException {

    static final String CODE = "missing-field";

    private final List<String> fields;

    private MissingFieldsException(List<String> fields) {
        super(CODE, new LocalizedText("缺少必填字段：" + String.join("、", fields),
                "missing required field(s): " + String.join(", ", fields)));
        this.fields = List.copyOf(fields);
    }

    /** The missing fields, in the order of the body's definition. */
    List<String> fields() {
        return fields;
    }

    /** Collects the missing fields of one body, then {@link #check() throws} if any is missing. */
    static Check require() {
        return new Check();
    }

    static final class Check {
        private final List<String> missing = new ArrayList<>();

        private Check() {
        }

        /** A field that must be present (and, for text, not blank). */
        Check field(String name, Object value) {
            if (value == null || value instanceof String text && text.isBlank()) {
                missing.add(name);
            }
            return this;
        }

        void check() {
            if (!missing.isEmpty()) {
                throw new MissingFieldsException(missing);
            }
        }
    }
}
