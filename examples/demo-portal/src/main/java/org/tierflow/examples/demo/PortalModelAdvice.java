package org.tierflow.examples.demo;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header needs: the current user, the users to switch to, the language, the current path. */
@ControllerAdvice
class PortalModelAdvice {

    private final CurrentUser currentUser;
    private final DemoUsers users;

    PortalModelAdvice(CurrentUser currentUser, DemoUsers users) {
        this.currentUser = currentUser;
        this.users = users;
    }

    @ModelAttribute
    void header(Model model, HttpServletRequest request, HttpSession session, Locale locale) {
        model.addAttribute("me", currentUser.of(session).orElse(null));
        model.addAttribute("demoUsers", users.all());
        model.addAttribute("zh", "zh".equals(locale.getLanguage()));
        model.addAttribute("currentPath", pathWithoutLang(request));
    }

    /** Where the user switcher sends the user back to: this page, without the language switch. */
    static String pathWithoutLang(HttpServletRequest request) {
        String query = request.getQueryString() == null ? "" : Arrays.stream(request.getQueryString().split("&"))
                .filter(p -> !p.isEmpty() && !p.startsWith("lang="))
                .collect(Collectors.joining("&"));
        return request.getRequestURI() + (query.isEmpty() ? "" : "?" + query);
    }
}
