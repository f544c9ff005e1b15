package org.tierflow.core.api.program;

import java.util.Locale;
import java.util.Objects;

/**
 * A text a person reads, in Chinese and English.
 *
 * @param zh the Chinese text, never blank
 * @param en the English text, never blank
 */
public record LocalizedText(String zh, String en) {

    public LocalizedText {
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }

    /** Chinese for any Chinese locale, English otherwise. */
    public String in(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? zh : en;
    }

    /** Both languages, Chinese first: {@code "首席信息官 / Chief information officer"}. */
    @Override
    public String toString() {
        return zh.equals(en) ? zh : zh + " / " + en;
    }
}
