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
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationService;
import org.tierflow.core.api.NominationSubmission;
import org.tierflow.core.api.TimelineEntry;
import org.tierflow.spring.boot.web.TierFlowRequests.Reason;
import org.tierflow.spring.boot.web.TierFlowRequests.Resubmission;
import org.tierflow.spring.boot.web.TierFlowRequests.Submission;

/** Nominations from the applicant's side: the caller applies, corrects, withdraws and follows. */
@RestController
@RequestMapping(Api.BASE_PATH)
public class NominationController {

    private final NominationService nominations;

    public NominationController(NominationService nominations) {
        this.nominations = nominations;
    }

    /** The caller applies; 201 with the nomination and its location. */
    @PostMapping("/nominations")
    public ResponseEntity<Nomination> submit(@RequestBody Submission body, Principal caller) {
        String applicant = Callers.id(caller);
        MissingFieldsException.require().field("programCode", body.programCode()).field("tierCode", body.tierCode())
                .field("unitId", body.unitId()).check();
        Nomination nomination = nominations.submit(new NominationSubmission(body.programCode(), body.tierCode(),
                applicant, body.unitId(), body.facts(), body.attachments(), body.projectTitle()));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(nomination.id())
                .toUri();
        return ResponseEntity.created(location).body(nomination);
    }

    /** The applicant, the chain's approvers from the level it reached upwards, those who acted on it, the administrator. */
    @GetMapping("/nominations/{id}")
    public Nomination nomination(@PathVariable String id, Principal caller) {
        return nominations.get(id, Callers.id(caller));
    }

    /** Read by the same callers as the nomination. */
    @GetMapping("/nominations/{id}/timeline")
    public List<TimelineEntry> timeline(@PathVariable String id, Principal caller) {
        return nominations.timeline(id, Callers.id(caller));
    }

    /** The applicant resubmits a nomination returned for correction. */
    @PostMapping("/nominations/{id}/resubmission")
    public Nomination resubmit(@PathVariable String id, @RequestBody Resubmission body, Principal caller) {
        return nominations.resubmit(id, Callers.id(caller), body.facts(), body.comment());
    }

    /** The applicant withdraws before any level decided. */
    @PostMapping("/nominations/{id}/withdrawal")
    public Nomination withdraw(@PathVariable String id, @RequestBody Reason body, Principal caller) {
        return nominations.withdraw(id, Callers.id(caller), body.reason());
    }
}
