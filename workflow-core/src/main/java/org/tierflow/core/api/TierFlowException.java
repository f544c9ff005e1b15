package org.tierflow.core.api;

import java.util.Locale;

import org.tierflow.core.api.program.LocalizedText;

/**
 * Base of every error TierFlow reports to a caller. Carries a stable {@link #code()} for programs and a
 * {@link #text()} in Chinese and English for people; {@link #getMessage()} holds both.
 */
public class TierFlowException extends RuntimeException {

    private final String code;
    private final LocalizedText text;

    public TierFlowException(String code, LocalizedText text) {
        this(code, text, null);
    }

    public TierFlowException(String code, LocalizedText text, Throwable cause) {
        super(text.zh() + " / " + text.en(), cause);
        this.code = code;
        this.text = text;
    }

    /** A stable, machine-readable code such as {@code not-authorized}. */
    public String code() {
        return code;
    }

    /** The message for people, in Chinese and English. */
    public LocalizedText text() {
        return text;
    }

    /** The message in one language. */
    public String getMessage(Locale locale) {
        return text.in(locale);
    }
}
