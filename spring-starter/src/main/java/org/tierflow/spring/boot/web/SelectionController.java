package org.tierflow.spring.boot.web;

import java.net.URI;
import java.security.Principal;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.tierflow.core.api.BatchOutcome;
import org.tierflow.core.api.Quota;
import org.tierflow.core.api.RankedCandidate;
import org.tierflow.core.api.SelectionRound;
import org.tierflow.core.api.SelectionService;
import org.tierflow.core.api.Withdrawal;
import org.tierflow.spring.boot.web.TierFlowRequests.Allocation;
import org.tierflow.spring.boot.web.TierFlowRequests.BatchSelection;
import org.tierflow.spring.boot.web.TierFlowRequests.Reason;
import org.tierflow.spring.boot.web.TierFlowRequests.RoundOpening;
import org.tierflow.spring.boot.web.TierFlowRequests.Score;

/** Selection under quota: quotas and their allocation, rounds, ranking, batches, withdrawal with promotion. */
@RestController
@RequestMapping(Api.BASE_PATH)
public class SelectionController {

    private final SelectionService selection;

    public SelectionController(SelectionService selection) {
        this.selection = selection;
    }

    /** A unit's quota in a tier: allocated, used, remaining. */
    @GetMapping("/programs/{code}/tiers/{tier}/quotas/{unitId}")
    public Quota quota(@PathVariable String code, @PathVariable String tier, @PathVariable String unitId,
                       Principal caller) {
        Callers.id(caller);
        return selection.quota(code, tier, unitId);
    }

    /** The caller, acting for the parent unit, allocates quotas to units below it; answers with their quotas. */
    @PostMapping("/programs/{code}/tiers/{tier}/quotas/{parentUnitId}/allocation")
    public List<Quota> allocate(@PathVariable String code, @PathVariable String tier,
                                @PathVariable String parentUnitId, @RequestBody Allocation body, Principal caller) {
        String actor = Callers.id(caller);
        MissingFieldsException.require().field("quotas", body.quotas()).check();
        return selection.allocate(code, tier, parentUnitId, body.quotas(), actor);
    }

    /** The caller opens a selection round; 201 with the round and its location. */
    @PostMapping("/rounds")
    public ResponseEntity<SelectionRound> openRound(@RequestBody RoundOpening body, Principal caller) {
        String actor = Callers.id(caller);
        MissingFieldsException.require().field("programCode", body.programCode()).field("tierCode", body.tierCode())
                .field("unitId", body.unitId()).field("level", body.level()).field("opensAt", body.opensAt())
                .field("closesAt", body.closesAt()).check();
        SelectionRound round = selection.openRound(body.programCode(), body.tierCode(), body.unitId(), body.level(),
                body.opensAt(), body.closesAt(), actor);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(round.id())
                .toUri();
        return ResponseEntity.created(location).body(round);
    }

    @GetMapping("/rounds/{roundId}")
    public SelectionRound round(@PathVariable String roundId, Principal caller) {
        Callers.id(caller);
        return selection.round(roundId);
    }

    /** The nominations waiting in the round, best first; for the round unit's approvers. */
    @GetMapping("/rounds/{roundId}/candidates")
    public List<RankedCandidate> candidates(@PathVariable String roundId, Principal caller) {
        return selection.rankedCandidates(roundId, Callers.id(caller));
    }

    /** Selects a batch, all or nothing; a refusal (409 {@code batch-rejected}) lists every problem. */
    @PostMapping("/rounds/{roundId}/selection")
    public BatchOutcome selectBatch(@PathVariable String roundId, @RequestBody BatchSelection body, Principal caller) {
        String approver = Callers.id(caller);
        MissingFieldsException.require().field("nominationIds", body.nominationIds()).check();
        return selection.selectBatch(roundId, approver, body.nominationIds(), body.comment(),
                Boolean.TRUE.equals(body.rejectOthers()));
    }

    /**
     * Submits a batch to be applied by engine jobs: checked, its quota reserved and recorded at once; 202 with the
     * batch and its location. A refusal (409 {@code batch-rejected}) lists every problem, as for a selection.
     */
    @PostMapping("/rounds/{roundId}/batch-selections")
    public ResponseEntity<org.tierflow.core.api.BatchSelection> submitBatch(@PathVariable String roundId,
                                                                          @RequestBody BatchSelection body,
                                                                          Principal caller) {
        String approver = Callers.id(caller);
        MissingFieldsException.require().field("nominationIds", body.nominationIds()).check();
        org.tierflow.core.api.BatchSelection batch = selection.submitBatch(roundId, approver, body.nominationIds(),
                body.comment(), Boolean.TRUE.equals(body.rejectOthers()));
        // The API's base path is configurable: the batch's location is the request's path up to "/rounds/".
        String path = ServletUriComponentsBuilder.fromCurrentRequestUri().build().getPath();
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
                .replacePath(path.substring(0, path.lastIndexOf("/rounds/")) + "/batch-selections/{id}")
                .buildAndExpand(batch.id()).toUri();
        return ResponseEntity.accepted().location(location).body(batch);
    }

    /** A submitted batch as it stands: which items are applied, waiting or failed (and why). */
    @GetMapping("/batch-selections/{batchId}")
    public org.tierflow.core.api.BatchSelection batchSelection(@PathVariable String batchId, Principal caller) {
        Callers.id(caller);
        return selection.batchSelection(batchId);
    }

    /** The caller records a score for ranking; 204. */
    @PostMapping("/nominations/{id}/scores")
    public ResponseEntity<Void> recordScore(@PathVariable String id, @RequestBody Score body, Principal caller) {
        String actor = Callers.id(caller);
        MissingFieldsException.require().field("stepIndex", body.stepIndex()).field("score", body.score()).check();
        selection.recordScore(id, body.stepIndex(), body.score(), actor);
        return ResponseEntity.noContent().build();
    }

    /** A candidate selected in a round withdraws (the applicant, or an approver recording it); the next one moves up. */
    @PostMapping("/nominations/{id}/selection-withdrawal")
    public Withdrawal withdrawSelected(@PathVariable String id, @RequestBody Reason body, Principal caller) {
        return selection.withdrawSelected(id, Callers.id(caller), body.reason());
    }
}
