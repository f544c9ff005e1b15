package org.tierflow.examples.demo;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.flowable.engine.HistoryService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.flowable.task.api.history.HistoricTaskInstance;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tierflow.bpmn.TierFlowBpmn;
import org.tierflow.core.api.Decision;
import org.tierflow.core.api.DecisionOutcome;
import org.tierflow.core.api.DecisionVetoedException;
import org.tierflow.core.api.InboxQuery;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationService;
import org.tierflow.core.api.NotAuthorizedException;
import org.tierflow.core.api.Page;
import org.tierflow.core.api.ProgramCatalog;
import org.tierflow.core.api.ReviewService;
import org.tierflow.core.api.ReviewTask;
import org.tierflow.core.api.TierFlowException;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;

/** The approver's side: the inbox, a review's decision page, claiming. */
@Controller
class ReviewController {

    static final int PAGE_SIZE = 10;

    private final ReviewService reviews;
    private final NominationService nominations;
    private final ProgramCatalog catalog;
    private final CurrentUser currentUser;
    private final TaskService tasks;
    private final HistoryService history;

    ReviewController(ReviewService reviews, NominationService nominations, ProgramCatalog catalog,
                     CurrentUser currentUser, TaskService tasks, HistoryService history) {
        this.reviews = reviews;
        this.nominations = nominations;
        this.catalog = catalog;
        this.currentUser = currentUser;
        this.tasks = tasks;
        this.history = history;
    }

    @GetMapping("/inbox")
    String inbox(@RequestParam(required = false) String program, @RequestParam(required = false) String tier,
                 @RequestParam(required = false) OrganisationLevel level, @RequestParam(defaultValue = "0") int page,
                 HttpSession session, Model model) {
        DemoUser me = me(session);
        String programCode = NominationController.blankToNull(program);
        String tierCode = programCode == null ? null : NominationController.blankToNull(tier);
        InboxQuery query = InboxQuery.all().program(programCode).tier(tierCode).level(level)
                .page(Math.max(0, page), PAGE_SIZE);
        Page<ReviewTask> result = reviews.inbox(me.id(), query);
        model.addAttribute("page", result);
        model.addAttribute("programs", catalog.programs());
        model.addAttribute("tiers", programCode == null ? List.of() : catalog.get(programCode).tiers());
        model.addAttribute("levels", Arrays.stream(OrganisationLevel.values()).toList());
        model.addAttribute("filter", new Filter(programCode, tierCode, level));
        return "inbox";
    }

    /** The inbox's filters, to keep them in the form and the paging links. */
    record Filter(String program, String tier, OrganisationLevel level) {
    }

    @GetMapping("/reviews/{taskId}")
    String review(@PathVariable String taskId, HttpSession session, Model model) {
        me(session);
        return reviewPage(taskId, model);
    }

    @PostMapping("/reviews/{taskId}/decision")
    String decide(@PathVariable String taskId, @RequestParam DecisionOutcome outcome,
                  @RequestParam(required = false) String comment, HttpSession session, Model model, Locale locale,
                  HttpServletResponse response, RedirectAttributes redirect) {
        DemoUser me = me(session);
        try {
            Nomination after = reviews.decide(taskId, me.id(),
                    new Decision(outcome, NominationController.blankToNull(comment), List.of(), Map.of()));
            redirect.addFlashAttribute("decided", outcome.name());
            return "redirect:/nominations/" + after.id();
        } catch (TierFlowException refused) {
            response.setStatus(refused instanceof NotAuthorizedException ? HttpServletResponse.SC_FORBIDDEN
                    : refused instanceof DecisionVetoedException ? HttpServletResponse.SC_CONFLICT
                    : HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", refused.text().in(locale));
            model.addAttribute("errorCode", refused.code());
            model.addAttribute("chosenOutcome", outcome);
            model.addAttribute("comment", comment);
            return reviewPage(taskId, model);
        }
    }

    @PostMapping("/reviews/{taskId}/claim")
    String claim(@PathVariable String taskId, HttpSession session, RedirectAttributes redirect, Locale locale) {
        DemoUser me = me(session);
        try {
            reviews.claim(taskId, me.id());
        } catch (TierFlowException refused) {
            redirect.addFlashAttribute("error", refused.text().in(locale));
        }
        return "redirect:/reviews/" + taskId;
    }

    @PostMapping("/reviews/{taskId}/unclaim")
    String unclaim(@PathVariable String taskId, HttpSession session, RedirectAttributes redirect, Locale locale) {
        DemoUser me = me(session);
        try {
            reviews.unclaim(taskId, me.id());
        } catch (TierFlowException refused) {
            redirect.addFlashAttribute("error", refused.text().in(locale));
        }
        return "redirect:/reviews/" + taskId;
    }

    /**
     * The decision page: the review as Flowable holds it (anyone may open it; TierFlow decides who may act),
     * the nomination's facts and timeline. A review already decided sends the reader to its nomination.
     */
    private String reviewPage(String taskId, Model model) {
        Optional<Task> open = Optional.ofNullable(tasks.createTaskQuery().taskId(taskId).includeProcessVariables().singleResult());
        if (open.isEmpty()) {
            HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
            if (done == null) {
                throw new org.tierflow.core.api.NotFoundException(new LocalizedText(
                        "没有审核任务 “" + taskId + "”", "no review '" + taskId + "'"));
            }
            // The level review inherits the nomination's id as its business key; TierFlow's processes keep their
            // instances and tasks in history, not their variables (tierflow.bpmn.history).
            String nominationId = history.createHistoricProcessInstanceQuery()
                    .processInstanceId(done.getProcessInstanceId()).singleResult().getBusinessKey();
            return "redirect:/nominations/" + nominationId + "?closed";
        }
        Map<String, Object> variables = open.get().getProcessVariables();
        Nomination nomination = nominations.get((String) variables.get(TierFlowBpmn.VAR_NOMINATION_ID));
        int stepIndex = ((Number) variables.get(TierFlowBpmn.VAR_STEP_INDEX)).intValue();
        model.addAttribute("task", open.get());
        model.addAttribute("stepName", new LocalizedText(String.valueOf(variables.get(TierFlowBpmn.VAR_STEP_NAME_ZH)),
                String.valueOf(variables.get(TierFlowBpmn.VAR_STEP_NAME_EN))));
        model.addAttribute("reviewUnit", variables.get(TierFlowBpmn.VAR_REVIEW_UNIT_ID));
        model.addAttribute("approverUnit", variables.get(TierFlowBpmn.VAR_APPROVER_UNIT_ID));
        model.addAttribute("reviewLevel", OrganisationLevel.valueOf((String) variables.get(TierFlowBpmn.VAR_REVIEW_LEVEL)));
        model.addAttribute("nomination", nomination);
        model.addAttribute("timeline", nominations.timeline(nomination.id()));
        model.addAttribute("outcomes", stepIndex == 0
                ? List.of(DecisionOutcome.PASS, DecisionOutcome.REJECT, DecisionOutcome.RETURN_TO_APPLICANT)
                : List.of(DecisionOutcome.values()));
        if (!model.containsAttribute("chosenOutcome")) {
            model.addAttribute("chosenOutcome", DecisionOutcome.PASS);
        }
        return "review";
    }

    private DemoUser me(HttpSession session) {
        return currentUser.of(session).orElseThrow(NoCurrentUserException::new);
    }
}
