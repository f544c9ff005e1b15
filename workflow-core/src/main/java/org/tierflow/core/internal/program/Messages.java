package org.tierflow.core.internal.program;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import org.tierflow.core.api.program.LocalizedText;

/**
 * The bilingual message catalog: {@code ValidationMessages_zh.properties} and {@code _en.properties}, read as
 * UTF-8, formatted with {@link MessageFormat}. Arguments are turned into text first (so years never print as
 * {@code 2,020}); a {@link LocalizedText} argument prints in the message's own language.
 */
final class Messages {

    private static final Properties ZH = load("ValidationMessages_zh.properties");
    private static final Properties EN = load("ValidationMessages_en.properties");

    private Messages() {
    }

    static LocalizedText format(ProblemCode code, Object... args) {
        return new LocalizedText(format(ZH, true, code, args), format(EN, false, code, args));
    }

    /** The raw pattern, for tests that check the catalog is complete. */
    static String pattern(ProblemCode code, Locale locale) {
        return ("zh".equals(locale.getLanguage()) ? ZH : EN).getProperty(code.name());
    }

    private static String format(Properties catalog, boolean zh, ProblemCode code, Object... args) {
        String pattern = catalog.getProperty(code.name());
        if (pattern == null) {
            throw new IllegalStateException("no " + (zh ? "zh" : "en") + " message for " + code);
        }
        Object[] texts = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            texts[i] = text(args[i], zh);
        }
        return new MessageFormat(pattern, Locale.ROOT).format(texts);
    }

    private static String text(Object arg, boolean zh) {
        if (arg instanceof LocalizedText text) {
            return zh ? text.zh() : text.en();
        }
        if (arg instanceof BigDecimal number) {
            return number.toPlainString();
        }
        return String.valueOf(arg);
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("message catalog " + name + " is missing beside " + Messages.class);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
