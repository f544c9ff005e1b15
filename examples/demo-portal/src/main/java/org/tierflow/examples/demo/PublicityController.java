package org.tierflow.examples.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.flowable.engine.ProcessEngine;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tierflow.core.api.NotAuthorizedException;
import org.tierflow.core.api.ObjectionOutcome;
import org.tierflow.core.api.ProgramCatalog;
import org.tierflow.core.api.Publication;
import org.tierflow.core.api.PublicityEntry;
import org.tierflow.core.api.PublicityExportFormat;
import org.tierflow.core.api.PublicityService;
import org.tierflow.core.api.TierFlowException;
import org.tierflow.core.api.program.ProgramDefinition;
import org.tierflow.core.api.program.TierDefinition;

/**
 * Publicity (公示): a deciding unit publishes the candidates it selected; anyone signed in files an objection to a
 * published candidate; an approver of the publishing unit resolves it (upheld or dismissed, with a reason); the list
 * downloads as CSV or Excel. TierFlow keeps the publications; the portal lists them per tier.
 */
@Controller
class PublicityController {

    private final PublicityService publicity;
    private final ProgramCatalog catalog;
    private final DecidingUnits deciding;
    private final CurrentUser currentUser;
    private final ProcessEngine engine;

    PublicityController(PublicityService publicity, ProgramCatalog catalog, DecidingUnits deciding,
                        CurrentUser currentUser, ProcessEngine engine) {
        this.publicity = publicity;
        this.catalog = catalog;
        this.deciding = deciding;
        this.currentUser = currentUser;
        this.engine = engine;
    }

    @GetMapping("/publicity")
    String list(HttpSession session, Model model) {
        DemoUser me = currentUser.of(session).orElse(null);
        model.addAttribute("options", me == null ? List.of() : deciding.of(me));
        List<Publication> all = new ArrayList<>();
        for (ProgramDefinition program : catalog.programs()) {
            for (TierDefinition tier : program.tiers()) {
                all.addAll(publicity.publications(program.code(), tier.code()));
            }
        }
        model.addAttribute("publications", all);
        return "publicity";
    }

    @PostMapping("/publicity")
    String publish(@RequestParam String option, HttpSession session, Model model, Locale locale,
                   HttpServletResponse response) {
        DemoUser me = me(session);
        DecidingUnits.Option chosen = DecidingUnits.Option.parse(option);
        try {
            Publication published = publicity.publish(chosen.programCode(), chosen.tierCode(), chosen.unitId(), me.id());
            return "redirect:/publicity/" + published.id() + "?published";
        } catch (TierFlowException refused) {
            model.addAttribute("error", refused.text().in(locale));
            model.addAttribute("errorCode", refused.code());
            response.setStatus(422);
            return list(session, model);
        }
    }

    @GetMapping("/publicity/{id}")
    String publication(@PathVariable String id, HttpSession session, Model model) {
        populate(model, publicity.publication(id), currentUser.of(session).orElse(null));
        return "publication";
    }

    @PostMapping("/publicity/{id}/objections")
    String object(@PathVariable String id, @RequestParam String nomination, @RequestParam(required = false) String reason,
                  HttpSession session, Model model, Locale locale, HttpServletResponse response) {
        DemoUser me = me(session);
        Publication publication = publicity.publication(id);
        try {
            publicity.fileObjection(id, nomination, me.id(), NominationController.blankToNull(reason));
            return "redirect:/publicity/" + id + "?objected";
        } catch (TierFlowException refused) {
            return refused(refused, publication, me, model, locale, response);
        }
    }

    @PostMapping("/publicity/{id}/objections/{objectionId}/resolution")
    String resolve(@PathVariable String id, @PathVariable String objectionId,
                   @RequestParam(required = false) String outcome, @RequestParam(required = false) String reason,
                   HttpSession session, Model model, Locale locale, HttpServletResponse response) {
        DemoUser me = me(session);
        Publication publication = publicity.publication(id);
        try {
            ObjectionOutcome chosen = outcome == null || outcome.isBlank() ? null : ObjectionOutcome.valueOf(outcome);
            publicity.resolveObjection(objectionId, me.id(), chosen, NominationController.blankToNull(reason));
            return "redirect:/publicity/" + id + "?resolved";
        } catch (TierFlowException refused) {
            return refused(refused, publication, me, model, locale, response);
        }
    }

    @GetMapping("/publicity/{id}/export.{format}")
    ResponseEntity<byte[]> export(@PathVariable String id, @PathVariable String format) {
        PublicityExportFormat chosen = switch (format) {
            case "csv" -> PublicityExportFormat.CSV;
            case "xlsx" -> PublicityExportFormat.XLSX;
            default -> null;
        };
        if (chosen == null) {
            return ResponseEntity.notFound().build();
        }
        byte[] file = publicity.export(id, chosen);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(chosen.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"publicity-" + id + "." + chosen.extension() + "\"")
                .body(file);
    }

    private String refused(TierFlowException refused, Publication publication, DemoUser me, Model model, Locale locale,
                           HttpServletResponse response) {
        model.addAttribute("error", refused.text().in(locale));
        model.addAttribute("errorCode", refused.code());
        response.setStatus(refused instanceof NotAuthorizedException ? HttpServletResponse.SC_FORBIDDEN : 422);
        populate(model, publicity.publication(publication.id()), me);
        return "publication";
    }

    private void populate(Model model, Publication publication, DemoUser me) {
        model.addAttribute("publication", publication);
        model.addAttribute("openNow", publication.isOpenAt(now()));
        model.addAttribute("candidates", publication.entries().stream()
                .collect(Collectors.toMap(PublicityEntry::nominationId, PublicityEntry::applicantId, (a, b) -> a)));
        // Objections are for the publishing unit's approvers; anyone else sees the entries' counts only.
        List<?> objections = null;
        if (me != null) {
            try {
                objections = publicity.objections(publication.id(), me.id());
            } catch (NotAuthorizedException notAnApprover) {
                objections = null;
            }
        }
        model.addAttribute("objections", objections);
    }

    private Instant now() {
        return engine.getProcessEngineConfiguration().getClock().getCurrentTime().toInstant();
    }

    private DemoUser me(HttpSession session) {
        return currentUser.of(session).orElseThrow(NoCurrentUserException::new);
    }
}
