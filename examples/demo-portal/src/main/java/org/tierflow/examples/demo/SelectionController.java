package org.tierflow.examples.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.flowable.engine.ProcessEngine;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tierflow.core.api.BatchOutcome;
import org.tierflow.core.api.BatchRejectedException;
import org.tierflow.core.api.NominationService;
import org.tierflow.core.api.Quota;
import org.tierflow.core.api.SelectionRound;
import org.tierflow.core.api.SelectionService;
import org.tierflow.core.api.TierFlowException;
import org.tierflow.core.api.OrganisationUnit;
import org.tierflow.core.spi.OrganisationDirectory;

/**
 * Batch selection within quota (分批遴选): a reviewer of a deciding level opens a round, sees the nominations
 * waiting there ranked by score, records scores, and selects a batch in one go; the page shows the quota used and
 * remaining. TierFlow keeps the rounds; the portal only remembers which ones it opened, to list them.
 */
@Controller
class SelectionController {

    /** How long a round the portal opens stays open (engine clock). */
    static final Duration ROUND_LENGTH = Duration.ofDays(30);

    private final SelectionService selection;
    private final NominationService nominations;
    private final OrganisationDirectory organisations;
    private final CurrentUser currentUser;
    private final DecidingUnits deciding;
    private final ProcessEngine engine;
    private final List<String> roundIds = new CopyOnWriteArrayList<>();

    SelectionController(SelectionService selection, NominationService nominations,
                        OrganisationDirectory organisations, CurrentUser currentUser, DecidingUnits deciding,
                        ProcessEngine engine) {
        this.selection = selection;
        this.nominations = nominations;
        this.organisations = organisations;
        this.currentUser = currentUser;
        this.deciding = deciding;
        this.engine = engine;
    }

    @GetMapping("/selection")
    String rounds(HttpSession session, Model model) {
        DemoUser me = me(session);
        model.addAttribute("options", deciding.of(me));
        model.addAttribute("rounds", roundIds.stream().map(selection::round)
                .filter(round -> me.actsFor().contains(round.unitId())).toList());
        return "selection";
    }

    @PostMapping("/selection/rounds")
    String open(@RequestParam String option, HttpSession session, Model model, Locale locale, HttpServletResponse response) {
        DemoUser me = me(session);
        DecidingUnits.Option chosen = DecidingUnits.Option.parse(option);
        try {
            Instant now = now();
            SelectionRound round = selection.openRound(chosen.programCode(), chosen.tierCode(), chosen.unitId(),
                    organisations.unit(chosen.unitId()).level(), now, now.plus(ROUND_LENGTH), me.id());
            roundIds.add(round.id());
            return "redirect:/selection/rounds/" + round.id();
        } catch (TierFlowException refused) {
            model.addAttribute("error", refused.text().in(locale));
            model.addAttribute("errorCode", refused.code());
            response.setStatus(422);
            return rounds(session, model);
        }
    }

    @GetMapping("/selection/rounds/{roundId}")
    String round(@PathVariable String roundId, HttpSession session, Model model) {
        DemoUser me = me(session);
        populateRound(model, selection.round(roundId), me);
        return "selection-round";
    }

    @PostMapping("/selection/rounds/{roundId}/scores")
    String score(@PathVariable String roundId, @RequestParam String nomination, @RequestParam String score,
                 HttpSession session, Model model, Locale locale, HttpServletResponse response) {
        DemoUser me = me(session);
        SelectionRound round = selection.round(roundId);
        try {
            int stepIndex = nominations.get(nomination).stepIndex();
            selection.recordScore(nomination, stepIndex, new BigDecimal(score.trim()), me.id());
            return "redirect:/selection/rounds/" + roundId + "?scored";
        } catch (NumberFormatException e) {
            model.addAttribute("error", locale.getLanguage().equals("zh") ? "评分必须是数字：" + score : "the score must be a number: " + score);
        } catch (TierFlowException refused) {
            model.addAttribute("error", refused.text().in(locale));
        }
        response.setStatus(422);
        populateRound(model, round, me);
        return "selection-round";
    }

    @PostMapping("/selection/rounds/{roundId}/batch")
    String batch(@PathVariable String roundId, @RequestParam(name = "nomination", required = false) List<String> selected,
                 @RequestParam(required = false) String comment, HttpSession session, Model model, Locale locale,
                 HttpServletResponse response) {
        DemoUser me = me(session);
        SelectionRound round = selection.round(roundId);
        try {
            BatchOutcome outcome = selection.selectBatch(roundId, me.id(), selected == null ? List.of() : selected,
                    NominationController.blankToNull(comment));
            model.addAttribute("outcome", outcome);
        } catch (BatchRejectedException refused) {
            model.addAttribute("problems", refused.problems());
            model.addAttribute("error", refused.text().in(locale));
            response.setStatus(422);
        } catch (TierFlowException refused) {
            model.addAttribute("error", refused.text().in(locale));
            response.setStatus(422);
        }
        populateRound(model, round, me);
        return "selection-round";
    }

    private void populateRound(Model model, SelectionRound round, DemoUser me) {
        model.addAttribute("round", round);
        model.addAttribute("openNow", round.isOpenAt(now()));
        model.addAttribute("candidates", selection.rankedCandidates(round.id(), me.id()));
        Quota unitQuota = selection.quota(round.programCode(), round.tierCode(), round.unitId());
        List<OrganisationUnit> path = organisations.pathToRoot(round.unitId());
        String top = path.get(path.size() - 1).id();
        model.addAttribute("unitQuota", unitQuota);
        model.addAttribute("tierQuota", top.equals(round.unitId()) ? null
                : selection.quota(round.programCode(), round.tierCode(), top));
    }

    private Instant now() {
        return engine.getProcessEngineConfiguration().getClock().getCurrentTime().toInstant();
    }

    private DemoUser me(HttpSession session) {
        return currentUser.of(session).orElseThrow(NoCurrentUserException::new);
    }
}
