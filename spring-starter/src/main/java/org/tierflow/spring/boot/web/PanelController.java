package org.tierflow.spring.boot.web;

import java.math.BigDecimal;
import java.security.Principal;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tierflow.core.api.CriterionScore;
import org.tierflow.core.api.ExpertScore;
import org.tierflow.core.api.PanelResult;
import org.tierflow.core.api.PanelService;
import org.tierflow.core.api.PanelTask;
import org.tierflow.core.api.ScoreSheet;

/**
 * Expert panels (专家评审): the calling expert's panel inbox and submitted sheets, submitting a score sheet, and a
 * nomination's panel scores and result (blind until the caller's own sheet is in). TierFlow asks the host's
 * expert directory whether the caller is an expert of the step.
 */
@RestController
@RequestMapping(Api.BASE_PATH)
public class PanelController {

    private final PanelService panels;

    public PanelController(PanelService panels) {
        this.panels = panels;
    }

    /** The panels waiting for the caller's scores, oldest first. */
    @GetMapping("/panel-tasks")
    public List<PanelTask> inbox(Principal caller) {
        return panels.inbox(Callers.id(caller));
    }

    /** The caller's submitted score sheets, newest first. */
    @GetMapping("/panel-tasks/done")
    public List<ExpertScore> done(Principal caller) {
        return panels.done(Callers.id(caller));
    }

    /** The caller submits their score sheet; the panel decides at once when it completes the quorum. */
    @PostMapping("/panel-tasks/{taskId}/score-sheet")
    public ExpertScore submit(@PathVariable String taskId, @RequestBody ScoreSheetRequest body, Principal caller) {
        String expert = Callers.id(caller);
        MissingFieldsException.Check check = MissingFieldsException.require()
                .field("criteria", body.criteria()).field("recommend", body.recommend());
        if (body.criteria() != null) {
            for (int i = 0; i < body.criteria().size(); i++) {
                check.field("criteria[" + i + "].code", body.criteria().get(i) == null ? null : body.criteria().get(i).code());
            }
        }
        check.check();
        List<CriterionScore> criteria = body.criteria().stream()
                .map(c -> new CriterionScore(c.code(), c.score()))
                .toList();
        return panels.submit(taskId, expert, new ScoreSheet(criteria, body.recommend(), body.comment()));
    }

    /** The score sheets of the nomination's latest panel. */
    @GetMapping("/nominations/{id}/panel-scores")
    public List<ExpertScore> scores(@PathVariable String id, Principal caller) {
        return panels.scores(id, Callers.id(caller));
    }

    /** The result of the nomination's latest panel; 204 while it has not decided. */
    @GetMapping("/nominations/{id}/panel-result")
    public ResponseEntity<PanelResult> result(@PathVariable String id, Principal caller) {
        return panels.result(id, Callers.id(caller))
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    /**
     * {@code POST /panel-tasks/{taskId}/score-sheet}.
     *
     * @param criteria  required: every criterion of the rubric, its score, or {@code null} for not applicable
     * @param recommend required: whether the expert recommends the candidate
     * @param comment   optional
     */
    public record ScoreSheetRequest(List<Criterion> criteria, Boolean recommend, String comment) {
    }

    /** @param code the criterion's code, required; @param score 0 to its maxScore, {@code null} for N/A */
    public record Criterion(String code, BigDecimal score) {
    }
}
