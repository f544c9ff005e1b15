package org.tierflow.examples.demo;

import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Component;

/** The user picked in the header's switcher, kept in the HTTP session: the demo's stand-in for a login. */
@Component
class CurrentUser {

    static final String SESSION_ATTRIBUTE = "tierflow.demo.user";

    private final DemoUsers users;

    CurrentUser(DemoUsers users) {
        this.users = users;
    }

    Optional<DemoUser> of(HttpSession session) {
        return session == null ? Optional.empty() : users.find((String) session.getAttribute(SESSION_ATTRIBUTE));
    }

    void switchTo(HttpSession session, String userId) {
        // Nobody (or a user the demo does not know): back to being a visitor.
        users.find(userId).ifPresentOrElse(user -> session.setAttribute(SESSION_ATTRIBUTE, user.id()),
                () -> session.removeAttribute(SESSION_ATTRIBUTE));
    }
}
