package org.tierflow.spring.boot.web;

import java.security.Principal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tierflow.core.api.Decision;
import org.tierflow.core.api.InboxQuery;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.Page;
import org.tierflow.core.api.ReviewService;
import org.tierflow.core.api.ReviewTask;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.spring.boot.web.TierFlowRequests.DecisionRequest;
import org.tierflow.spring.boot.web.TierFlowRequests.Delegation;

/** Reviews from the approver's side: the caller's inbox, claiming, deciding, delegating. */
@RestController
@RequestMapping(Api.BASE_PATH)
public class ReviewController {

    private final ReviewService reviews;

    public ReviewController(ReviewService reviews) {
        this.reviews = reviews;
    }

    /** The reviews the caller may act on. Filters left out match everything. */
    @GetMapping("/inbox")
    public Page<ReviewTask> inbox(@RequestParam(required = false) String program,
                                  @RequestParam(required = false) String tier,
                                  @RequestParam(required = false) OrganisationLevel level,
                                  @RequestParam(defaultValue = "ANY") InboxQuery.TaskState state,
                                  @RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "20") int size,
                                  @RequestParam(defaultValue = "OLDEST_FIRST") InboxQuery.Order order,
                                  @RequestParam(required = false) String nomination,
                                  Principal caller) {
        return reviews.inbox(Callers.id(caller), new InboxQuery(program, tier, level, state, page, size, order,
                nomination));
    }

    @PostMapping("/reviews/{taskId}/claim")
    public ReviewTask claim(@PathVariable String taskId, Principal caller) {
        return reviews.claim(taskId, Callers.id(caller));
    }

    @PostMapping("/reviews/{taskId}/unclaim")
    public ReviewTask unclaim(@PathVariable String taskId, Principal caller) {
        return reviews.unclaim(taskId, Callers.id(caller));
    }

    /** Decides the review; answers with the nomination as it moved on. */
    @PostMapping("/reviews/{taskId}/decision")
    public Nomination decide(@PathVariable String taskId, @RequestBody DecisionRequest body, Principal caller) {
        String approver = Callers.id(caller);
        MissingFieldsException.require().field("outcome", body.outcome()).check();
        return reviews.decide(taskId, approver, new Decision(body.outcome(), body.comment(), body.attachments(),
                body.data()));
    }

    @PostMapping("/reviews/{taskId}/delegation")
    public ReviewTask delegate(@PathVariable String taskId, @RequestBody Delegation body, Principal caller) {
        String approver = Callers.id(caller);
        MissingFieldsException.require().field("delegateUserId", body.delegateUserId()).check();
        return reviews.delegate(taskId, approver, body.delegateUserId(), body.comment());
    }
}
