package org.tierflow.spring.boot.web;

import java.security.Principal;

/** The caller of a request, as the host's security named it. */
final class Callers {

    private Callers() {
    }

    /**
     * The user id TierFlow's services act for: the principal's name.
     *
     * @throws NotAuthenticatedException when the request has no principal (or one without a name)
     */
    static String id(Principal principal) {
        if (principal == null || principal.getName() == null || principal.getName().isBlank()) {
            throw new NotAuthenticatedException();
        }
        return principal.getName();
    }
}
