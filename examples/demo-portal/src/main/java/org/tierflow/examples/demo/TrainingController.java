package org.tierflow.examples.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.flowable.engine.ProcessEngine;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tierflow.core.api.HourRecord;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationService;
import org.tierflow.core.api.TierFlowException;
import org.tierflow.core.api.TrainingProgress;
import org.tierflow.core.api.TrainingService;

/**
 * Training hours of a selected candidate (培训学时): progress against the tier's rules, with what is still
 * missing, the ledger, and a form standing in for the training platform that reports hours.
 */
@Controller
class TrainingController {

    /** The source the portal records hours under; a training platform uses its own name. */
    static final String SOURCE = "demo-portal";

    private final TrainingService training;
    private final NominationService nominations;
    private final CurrentUser currentUser;
    private final ProcessEngine engine;

    TrainingController(TrainingService training, NominationService nominations, CurrentUser currentUser, ProcessEngine engine) {
        this.training = training;
        this.nominations = nominations;
        this.currentUser = currentUser;
        this.engine = engine;
    }

    @GetMapping("/nominations/{id}/training")
    String page(@PathVariable String id, HttpSession session, Model model, Locale locale) {
        me(session);
        populate(model, nominations.get(id), locale);
        return "training";
    }

    @PostMapping("/nominations/{id}/training")
    String record(@PathVariable String id, @RequestParam String category, @RequestParam String hours,
                  @RequestParam String date, @RequestParam(required = false) String description, HttpSession session,
                  Model model, Locale locale, HttpServletResponse response) {
        DemoUser me = me(session);
        Nomination nomination = nominations.get(id);
        try {
            BigDecimal amount = new BigDecimal(hours.trim());
            LocalDate day = LocalDate.parse(date.trim());
            String what = NominationController.blankToNull(description);
            training.record(new HourRecord(id, UUID.randomUUID().toString(), category, amount, day, SOURCE,
                    what == null ? me.id() : what));
            return "redirect:/nominations/" + id + "/training?recorded";
        } catch (NumberFormatException | DateTimeParseException e) {
            model.addAttribute("error", "zh".equals(locale.getLanguage())
                    ? "学时须为数字，日期格式为 yyyy-MM-dd" : "hours must be a number and the date yyyy-MM-dd");
        } catch (TierFlowException refused) {
            model.addAttribute("error", refused.text().in(locale));
            model.addAttribute("errorCode", refused.code());
        }
        model.addAttribute("entered", new Entered(category, hours, date, description));
        response.setStatus(422);
        populate(model, nomination, locale);
        return "training";
    }

    /** What the user typed, shown again after a refusal. */
    record Entered(String category, String hours, String date, String description) {
    }

    private void populate(Model model, Nomination nomination, Locale locale) {
        model.addAttribute("nomination", nomination);
        // The training ledger dates days in China, as TierFlow does.
        model.addAttribute("today", LocalDate.ofInstant(
                engine.getProcessEngineConfiguration().getClock().getCurrentTime().toInstant(), ZoneId.of("Asia/Shanghai")));
        try {
            TrainingProgress progress = training.progress(nomination.id());
            model.addAttribute("progress", progress);
            model.addAttribute("categoryNames", progress.categories().stream()
                    .collect(Collectors.toMap(TrainingProgress.Category::code, TrainingProgress.Category::name)));
            model.addAttribute("percents", progress.categories().stream()
                    .collect(Collectors.toMap(TrainingProgress.Category::code, TrainingController::percent)));
            model.addAttribute("ledger", training.ledger(nomination.id()));
        } catch (InvalidRequestException notApplicable) {
            model.addAttribute("notApplicable", notApplicable.text().in(locale));
            model.addAttribute("notApplicableCode", notApplicable.code());
            model.addAttribute("ledger", List.of());
        }
        if (!model.containsAttribute("entered")) {
            model.addAttribute("entered", new Entered("", "", "", ""));
        }
    }

    /** How full a category's bar is: recorded against required, capped at 100; any hours fill a category without a minimum. */
    static int percent(TrainingProgress.Category category) {
        if (category.required().signum() == 0) {
            return category.recorded().signum() > 0 ? 100 : 0;
        }
        return Math.min(100, category.recorded().multiply(BigDecimal.valueOf(100))
                .divide(category.required(), 0, java.math.RoundingMode.DOWN).intValue());
    }

    private DemoUser me(HttpSession session) {
        return currentUser.of(session).orElseThrow(NoCurrentUserException::new);
    }
}
