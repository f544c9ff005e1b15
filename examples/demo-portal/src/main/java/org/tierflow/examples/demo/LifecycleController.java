package org.tierflow.examples.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tierflow.core.TierFlow;
import org.tierflow.core.api.AcceptanceService;
import org.tierflow.core.api.LifecycleService;
import org.tierflow.core.api.NominationService;
import org.tierflow.core.api.NotAuthorizedException;
import org.tierflow.core.api.NotFoundException;
import org.tierflow.core.api.TaskBookService;
import org.tierflow.core.api.TierFlowException;

/**
 * The life cycle of a selected candidate (入选后管理): the phase, and the task book (项目任务书) with its goals,
 * funding, deadline and state; the candidate signs, the authority the tier names countersigns. Then the acceptance
 * (考核验收): a reviewer of the accepting unit may move the end of the working period (so the demo reaches acceptance
 * without waiting years; the engine's timer fires at the new end), the candidate submits the final report, the
 * chain's levels review, the accepting level schedules the on-site acceptance and decides.
 */
@Controller
class LifecycleController {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final LifecycleService lifecycle;
    private final TaskBookService taskBooks;
    private final AcceptanceService acceptance;
    private final NominationService nominations;
    private final CurrentUser currentUser;

    LifecycleController(TierFlow tierFlow, NominationService nominations, CurrentUser currentUser) {
        this.lifecycle = tierFlow.lifecycle();
        this.taskBooks = tierFlow.taskBooks();
        this.acceptance = tierFlow.acceptance();
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

    /** The new end is a local date and time in China (datetime-local), as TierFlow dates its days. */
    @PostMapping("/nominations/{id}/acceptance/working-period-end")
    String moveWorkingPeriodEnd(@PathVariable String id, @RequestParam String end, @RequestParam(required = false) String reason,
                                HttpSession session, Model model, Locale locale, HttpServletResponse response) {
        DemoUser me = me(session);
        try {
            LocalDateTime at = LocalDateTime.parse(end.trim());
            acceptance.moveWorkingPeriodEnd(id, me.id(), at.atZone(CHINA).toInstant(), reason);
            return "redirect:/nominations/" + id + "/lifecycle?periodMoved";
        } catch (DateTimeParseException e) {
            return badInput(zhOrEn(locale, "结束时间格式为 yyyy-MM-ddTHH:mm", "the end must be yyyy-MM-ddTHH:mm"), id, model, response);
        } catch (TierFlowException refused) {
            return refused(refused, id, model, locale, response);
        }
    }

    @PostMapping("/nominations/{id}/acceptance/report")
    String submitReport(@PathVariable String id, @RequestParam(required = false) String report, HttpSession session,
                        Model model, Locale locale, HttpServletResponse response) {
        DemoUser me = me(session);
        try {
            acceptance.submitReport(id, me.id(), report);
            return "redirect:/nominations/" + id + "/lifecycle?reported";
        } catch (TierFlowException refused) {
            return refused(refused, id, model, locale, response);
        }
    }

    @PostMapping("/nominations/{id}/acceptance/review")
    String review(@PathVariable String id, @RequestParam String outcome, @RequestParam(required = false) String comment,
                  HttpSession session, Model model, Locale locale, HttpServletResponse response) {
        DemoUser me = me(session);
        try {
            acceptance.review(id, me.id(), "PASS".equals(outcome), NominationController.blankToNull(comment));
            return "redirect:/nominations/" + id + "/lifecycle?reviewed";
        } catch (TierFlowException refused) {
            return refused(refused, id, model, locale, response);
        }
    }

    /** The expert team is typed as names separated by commas (either kind) or new lines. */
    @PostMapping("/nominations/{id}/acceptance/on-site")
    String scheduleOnSite(@PathVariable String id, @RequestParam String date, @RequestParam(required = false) String experts,
                          HttpSession session, Model model, Locale locale, HttpServletResponse response) {
        DemoUser me = me(session);
        try {
            List<String> team = experts == null ? List.of()
                    : Arrays.stream(experts.split("[,，\\n]")).map(String::trim).filter(e -> !e.isEmpty()).toList();
            acceptance.scheduleOnSite(id, me.id(), LocalDate.parse(date.trim()), team);
            return "redirect:/nominations/" + id + "/lifecycle?scheduled";
        } catch (DateTimeParseException e) {
            return badInput(zhOrEn(locale, "日期格式为 yyyy-MM-dd", "the date must be yyyy-MM-dd"), id, model, response);
        } catch (TierFlowException refused) {
            return refused(refused, id, model, locale, response);
        }
    }

    @PostMapping("/nominations/{id}/acceptance/decision")
    String decide(@PathVariable String id, @RequestParam String score, @RequestParam String outcome,
                  @RequestParam(required = false) String comment, HttpSession session, Model model, Locale locale,
                  HttpServletResponse response) {
        DemoUser me = me(session);
        try {
            acceptance.decide(id, me.id(), new BigDecimal(score.trim()), "PASS".equals(outcome),
                    NominationController.blankToNull(comment));
            return "redirect:/nominations/" + id + "/lifecycle?decided";
        } catch (NumberFormatException e) {
            return badInput(zhOrEn(locale, "分数须为 0 到 100 的数字", "the score must be a number from 0 to 100"), id, model, response);
        } catch (TierFlowException refused) {
            return refused(refused, id, model, locale, response);
        }
    }

    private static String zhOrEn(Locale locale, String zh, String en) {
        return "zh".equals(locale.getLanguage()) ? zh : en;
    }

    private String badInput(String message, String id, Model model, HttpServletResponse response) {
        model.addAttribute("error", message);
        model.addAttribute("errorCode", "bad-input");
        response.setStatus(422);
        populate(model, id);
        return "lifecycle";
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
        try {
            model.addAttribute("rounds", acceptance.rounds(id));
        } catch (NotFoundException none) {
            model.addAttribute("rounds", List.of());
        }
    }

    private DemoUser me(HttpSession session) {
        return currentUser.of(session).orElseThrow(NoCurrentUserException::new);
    }
}
