package org.tierflow.examples.demo;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.tierflow.core.TierFlow;
import org.tierflow.core.api.LifecycleService;
import org.tierflow.core.api.NominationService;
import org.tierflow.core.api.NotAuthorizedException;
import org.tierflow.core.api.NotFoundException;
import org.tierflow.core.api.TaskBookService;
import org.tierflow.core.api.TierFlowException;

/**
 * The life cycle of a selected candidate (入选后管理): the phase, and the task book (项目任务书) with its goals,
 * funding, deadline and state; the candidate signs, the authority the tier names countersigns.
 */
@Controller
class LifecycleController {

    private final LifecycleService lifecycle;
    private final TaskBookService taskBooks;
    private final NominationService nominations;
    private final CurrentUser currentUser;

    LifecycleController(TierFlow tierFlow, NominationService nominations, CurrentUser currentUser) {
        this.lifecycle = tierFlow.lifecycle();
        this.taskBooks = tierFlow.taskBooks();
        this.nominations = nominations;
        this.currentUser = currentUser;
    }

    @GetMapping("/nominations/{id}/lifecycle")
    String page(@PathVariable String id, Model model) {
        populate(model, id);
        return "lifecycle";
    }

    @PostMapping("/nominations/{id}/task-book/sign")
    String sign(@PathVariable String id, HttpSession session, Model model, Locale locale, HttpServletResponse response) {
        DemoUser me = me(session);
        try {
            taskBooks.sign(id, me.id());
            return "redirect:/nominations/" + id + "/lifecycle?signed";
        } catch (TierFlowException refused) {
            return refused(refused, id, model, locale, response);
        }
    }

    @PostMapping("/nominations/{id}/task-book/countersign")
    String countersign(@PathVariable String id, HttpSession session, Model model, Locale locale, HttpServletResponse response) {
        DemoUser me = me(session);
        try {
            taskBooks.countersign(id, me.id());
            return "redirect:/nominations/" + id + "/lifecycle?countersigned";
        } catch (TierFlowException refused) {
            return refused(refused, id, model, locale, response);
        }
    }

    private String refused(TierFlowException refused, String id, Model model, Locale locale, HttpServletResponse response) {
        model.addAttribute("error", refused.text().in(locale));
        model.addAttribute("errorCode", refused.code());
        response.setStatus(refused instanceof NotAuthorizedException ? HttpServletResponse.SC_FORBIDDEN : 422);
        populate(model, id);
        return "lifecycle";
    }

    private void populate(Model model, String id) {
        model.addAttribute("nomination", nominations.get(id));
        model.addAttribute("status", lifecycle.get(id).orElse(null));
        try {
            model.addAttribute("taskBook", taskBooks.get(id));
        } catch (NotFoundException none) {
            model.addAttribute("taskBook", null);
        }
    }

    private DemoUser me(HttpSession session) {
        return currentUser.of(session).orElseThrow(NoCurrentUserException::new);
    }
}
