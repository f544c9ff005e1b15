package org.tierflow.examples.demo;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.tierflow.core.api.NotAuthorizedException;
import org.tierflow.core.api.NotFoundException;
import org.tierflow.core.api.TierFlowException;
import org.tierflow.core.api.UnknownProgramException;

/**
 * TierFlow's refusals that no page handles itself, shown in the user's language from the exception's
 * {@code text()}; and the notice to pick a user first.
 */
@ControllerAdvice
class PortalExceptionHandler {

    private final PortalModelAdvice header;

    PortalExceptionHandler(PortalModelAdvice header) {
        this.header = header;
    }

    // Exception handlers get a fresh model: the header's attributes are added here again.

    @ExceptionHandler(NoCurrentUserException.class)
    String noUser(Model model, Locale locale, HttpServletRequest request, HttpServletResponse response) {
        header.header(model, request, request.getSession(), locale);
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        return "choose-user";
    }

    @ExceptionHandler(TierFlowException.class)
    String refused(TierFlowException refusal, Model model, Locale locale, HttpServletRequest request,
                   HttpServletResponse response) {
        header.header(model, request, request.getSession(), locale);
        int status = refusal instanceof NotFoundException || refusal instanceof UnknownProgramException
                ? HttpServletResponse.SC_NOT_FOUND
                : refusal instanceof NotAuthorizedException ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_BAD_REQUEST;
        response.setStatus(status);
        model.addAttribute("errorCode", refusal.code());
        model.addAttribute("errorText", refusal.text().in(locale));
        return "error-page";
    }
}
