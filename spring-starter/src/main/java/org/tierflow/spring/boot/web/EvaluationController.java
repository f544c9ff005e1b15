package org.tierflow.spring.boot.web;

import java.math.BigDecimal;
import java.security.Principal;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tierflow.core.api.Evaluation;
import org.tierflow.core.api.EvaluationService;

/**
 * The comprehensive evaluation (综合考评) at the end of the working period: each party scores once. The caller scores
 * for a party; TierFlow asks the host's directory whether they may (the candidate for {@code self}).
 */
@RestController
@RequestMapping(Api.BASE_PATH)
public class EvaluationController {

    private final EvaluationService evaluations;

    public EvaluationController(EvaluationService evaluations) {
        this.evaluations = evaluations;
    }

    /** The evaluation as it stands: the sheets in, the parties missing, the total once complete. */
    @GetMapping("/nominations/{id}/evaluation")
    public Evaluation get(@PathVariable String id, Principal caller) {
        Callers.id(caller);
        return evaluations.get(id);
    }

    /** The caller's score sheet for one party; the last party's sheet concludes the evaluation. */
    @PostMapping("/nominations/{id}/evaluation/{partyCode}")
    public Evaluation score(@PathVariable String id, @PathVariable String partyCode, @RequestBody PartyScores body,
                            Principal caller) {
        String scorer = Callers.id(caller);
        MissingFieldsException.require().field("scores", body.scores()).check();
        return evaluations.score(id, partyCode, scorer, body.scores());
    }

    /** @param scores required: criterion code → score, one for every criterion of the evaluation */
    public record PartyScores(Map<String, BigDecimal> scores) {
    }
}
