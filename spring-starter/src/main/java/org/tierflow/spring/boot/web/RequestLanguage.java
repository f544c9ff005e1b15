package org.tierflow.spring.boot.web;

import java.util.Collections;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The language of TierFlow's answer to a request: Chinese or English, the first of the two the request's
 * {@code Accept-Language} prefers; English when it names neither; the configured default when it has none.
 */
final class RequestLanguage {

    private RequestLanguage() {
    }

    static Locale of(HttpServletRequest request, Locale defaultLocale) {
        if (request.getHeader("Accept-Language") == null) {
            return defaultLocale;
        }
        for (Locale locale : Collections.list(request.getLocales())) {
            if ("zh".equals(locale.getLanguage())) {
                return Locale.SIMPLIFIED_CHINESE;
            }
            if ("en".equals(locale.getLanguage())) {
                return Locale.ENGLISH;
            }
        }
        return Locale.ENGLISH;
    }
}
