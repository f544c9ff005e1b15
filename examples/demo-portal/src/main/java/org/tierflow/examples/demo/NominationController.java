package org.tierflow.examples.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tierflow.bpmn.TierFlowBpmn;
import org.tierflow.core.api.Credential;
import org.tierflow.core.api.CredentialService;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationService;
import org.tierflow.core.api.NominationSubmission;
import org.tierflow.core.api.NotEligibleException;
import org.tierflow.core.api.OrganisationUnit;
import org.tierflow.core.api.ProgramCatalog;
import org.tierflow.core.api.TierFlowException;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.ProgramDefinition;
import org.tierflow.core.api.program.TierDefinition;
import org.tierflow.core.spi.OrganisationDirectory;

/** The applicant's side: the nomination form, my nominations, a nomination's page, resubmission, withdrawal. */
@Controller
class NominationController {

    private final ProgramCatalog catalog;
    private final OrganisationDirectory organisations;
    private final NominationService nominations;
    private final CredentialService credentials;
    private final NominationIndex index;
    private final DemoUsers users;
    private final CurrentUser currentUser;
    private final TaskService tasks;

    NominationController(ProgramCatalog catalog, OrganisationDirectory organisations, NominationService nominations,
                         CredentialService credentials, NominationIndex index, DemoUsers users, CurrentUser currentUser,
                         TaskService tasks) {
        this.catalog = catalog;
        this.organisations = organisations;
        this.nominations = nominations;
        this.credentials = credentials;
        this.index = index;
        this.users = users;
        this.currentUser = currentUser;
        this.tasks = tasks;
    }

    // ------------------------------------------------------------------ the form

    @GetMapping("/nominations/new")
    String form(@RequestParam(required = false) String tier, HttpSession session, Model model) {
        DemoUser me = me(session);
        populateForm(model, me, tier, Map.of());
        return "nomination-form";
    }

    @PostMapping("/nominations")
    String submit(@RequestParam String tier, @RequestParam Map<String, String> params, HttpSession session,
                  Model model, Locale locale, HttpServletResponse response) {
        DemoUser me = me(session);
        Option option = Option.parse(tier);
        TierDefinition definition = catalog.get(option.programCode()).tier(option.tierCode()).orElseThrow();
        List<LocalizedText> problems = FactForm.newProblems();
        Map<String, Object> facts = FactForm.read(definition, params, problems);
        if (problems.isEmpty()) {
            try {
                Nomination nomination = nominations.submit(new NominationSubmission(option.programCode(),
                        option.tierCode(), me.id(), me.unitId(), facts, List.of()));
                return "redirect:/nominations/" + nomination.id() + "?submitted";
            } catch (NotEligibleException refused) {
                model.addAttribute("failures", refused.failures());
            } catch (TierFlowException refused) {
                model.addAttribute("error", refused.text().in(locale));
            }
        }
        model.addAttribute("problems", problems.stream().map(p -> p.in(locale)).toList());
        populateForm(model, me, tier, FactForm.values(params.entrySet().stream()
                .filter(e -> e.getKey().startsWith(FactForm.PREFIX))
                .collect(java.util.stream.Collectors.toMap(e -> e.getKey().substring(FactForm.PREFIX.length()), Map.Entry::getValue))));
        response.setStatus(422);
        return "nomination-form";
    }

    private void populateForm(Model model, DemoUser me, String selected, Map<String, String> values) {
        OrganisationUnit unit = organisations.unit(me.unitId());
        List<Option> options = new ArrayList<>();
        for (ProgramDefinition program : catalog.programs()) {
            boolean inMyTree = users.rootOf(program.code()).map(root -> organisations.isWithin(unit.id(), root)).orElse(true);
            if (!inMyTree) {
                continue;
            }
            for (TierDefinition tier : program.tiers()) {
                if (tier.chainFor(unit.level()).entryLevel() == unit.level()) {
                    options.add(new Option(program.code(), tier.code()));
                }
            }
        }
        Optional<Option> chosen = Optional.ofNullable(selected).filter(s -> !s.isBlank()).map(Option::parse)
                .filter(options::contains);
        model.addAttribute("options", options);
        model.addAttribute("unit", unit);
        chosen.ifPresent(option -> {
            TierDefinition tier = catalog.get(option.programCode()).tier(option.tierCode()).orElseThrow();
            model.addAttribute("selected", option);
            model.addAttribute("tier", tier);
            model.addAttribute("chain", tier.chainFor(unit.level()).steps());
        });
        model.addAttribute("values", values);
    }

    /** A program and one of its tiers, as the form's single choice {@code program/tier}. */
    record Option(String programCode, String tierCode) {
        static Option parse(String value) {
            int slash = value.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("expected program/tier, got " + value);
            }
            return new Option(value.substring(0, slash), value.substring(slash + 1));
        }

        public String value() {
            return programCode + "/" + tierCode;
        }
    }

    // ------------------------------------------------------------------ my nominations, one nomination

    @GetMapping("/nominations/mine")
    String mine(HttpSession session, Model model) {
        DemoUser me = me(session);
        model.addAttribute("nominations", index.of(me.id()));
        return "my-nominations";
    }

    @GetMapping("/nominations/{id}")
    String nomination(@PathVariable String id, HttpSession session, Model model) {
        Nomination nomination = nominations.get(id);
        Optional<DemoUser> me = currentUser.of(session);
        model.addAttribute("nomination", nomination);
        model.addAttribute("timeline", nominations.timeline(id));
        model.addAttribute("credentials", credentials.ofNomination(id));
        model.addAttribute("openReview", openReview(id).map(Task::getId).orElse(null));
        model.addAttribute("mine", me.map(u -> u.id().equals(nomination.applicantId())).orElse(false));
        return "nomination";
    }

    /** The nomination's open review task at its current level, if it waits for one. */
    private Optional<Task> openReview(String nominationId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(nominationId)
                .taskDefinitionKey(TierFlowBpmn.TASK_REVIEW_NOMINATION).list().stream().findFirst();
    }

    // ------------------------------------------------------------------ resubmission, withdrawal, credential

    @GetMapping("/nominations/{id}/resubmission")
    String resubmissionForm(@PathVariable String id, HttpSession session, Model model) {
        me(session);
        Nomination nomination = nominations.get(id);
        populateResubmission(model, nomination, FactForm.values(nomination.facts()));
        return "resubmission";
    }

    @PostMapping("/nominations/{id}/resubmission")
    String resubmit(@PathVariable String id, @RequestParam Map<String, String> params,
                    @RequestParam(required = false) String comment, HttpSession session, Model model, Locale locale,
                    HttpServletResponse response) {
        DemoUser me = me(session);
        Nomination nomination = nominations.get(id);
        TierDefinition tier = catalog.get(nomination.programCode()).tier(nomination.tierCode()).orElseThrow();
        List<LocalizedText> problems = FactForm.newProblems();
        Map<String, Object> facts = FactForm.read(tier, params, problems);
        if (problems.isEmpty()) {
            try {
                nominations.resubmit(id, me.id(), facts, blankToNull(comment));
                return "redirect:/nominations/" + id + "?resubmitted";
            } catch (NotEligibleException refused) {
                model.addAttribute("failures", refused.failures());
            } catch (TierFlowException refused) {
                model.addAttribute("error", refused.text().in(locale));
            }
        }
        model.addAttribute("problems", problems.stream().map(p -> p.in(locale)).toList());
        populateResubmission(model, nomination, FactForm.values(facts));
        response.setStatus(422);
        return "resubmission";
    }

    private void populateResubmission(Model model, Nomination nomination, Map<String, String> values) {
        model.addAttribute("nomination", nomination);
        model.addAttribute("tier", catalog.get(nomination.programCode()).tier(nomination.tierCode()).orElseThrow());
        model.addAttribute("timeline", nominations.timeline(nomination.id()));
        model.addAttribute("values", values);
    }

    @PostMapping("/nominations/{id}/withdrawal")
    String withdraw(@PathVariable String id, @RequestParam(required = false) String reason, HttpSession session,
                    RedirectAttributes redirect, Locale locale) {
        DemoUser me = me(session);
        try {
            nominations.withdraw(id, me.id(), blankToNull(reason));
        } catch (TierFlowException refused) {
            redirect.addFlashAttribute("error", refused.text().in(locale));
        }
        return "redirect:/nominations/" + id;
    }

    @PostMapping("/nominations/{id}/credentials")
    String issue(@PathVariable String id, HttpSession session, RedirectAttributes redirect, Locale locale) {
        DemoUser me = me(session);
        Nomination nomination = nominations.get(id);
        try {
            Credential credential = credentials.issue(id, me.id(), users.nameOf(nomination.applicantId()).zh());
            redirect.addFlashAttribute("issued", credential.number());
        } catch (TierFlowException refused) {
            redirect.addFlashAttribute("error", refused.text().in(locale));
        }
        return "redirect:/nominations/" + id;
    }

    private DemoUser me(HttpSession session) {
        return currentUser.of(session).orElseThrow(NoCurrentUserException::new);
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
