package org.tierflow.spring.boot.web;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tierflow.core.api.AcceptanceRound;
import org.tierflow.core.api.AcceptanceService;
import org.tierflow.core.api.LifecycleService;
import org.tierflow.core.api.LifecycleStatus;
import org.tierflow.core.api.NotFoundException;
import org.tierflow.core.api.PhaseStatus;
import org.tierflow.core.api.TaskBook;
import org.tierflow.core.api.TaskBookService;
import org.tierflow.core.api.program.LocalizedText;

/**
 * The life cycle after selection: the candidate's phase, the task book (sign, countersign, signed elsewhere, move
 * the deadline) and the acceptance (report, reviews, on-site acceptance, decision, move the working period's end).
 * The caller acts; TierFlow asks the host's directory whether they may.
 */
@RestController
@RequestMapping(Api.BASE_PATH)
public class LifecycleController {

    private final LifecycleService lifecycle;
    private final TaskBookService taskBooks;
    private final AcceptanceService acceptance;

    public LifecycleController(LifecycleService lifecycle, TaskBookService taskBooks, AcceptanceService acceptance) {
        this.lifecycle = lifecycle;
        this.taskBooks = taskBooks;
        this.acceptance = acceptance;
    }

    /** The candidate's phase, working period and outcomes. */
    @GetMapping("/nominations/{id}/lifecycle")
    public LifecycleStatus lifecycle(@PathVariable String id, Principal caller) {
        Callers.id(caller);
        return lifecycle.get(id).orElseThrow(() -> new NotFoundException(new LocalizedText(
                "申报 " + id + " 没有入选后的培养周期", "nomination " + id + " has no life cycle after selection")));
    }

    @GetMapping("/nominations/{id}/task-book")
    public TaskBook taskBook(@PathVariable String id, Principal caller) {
        Callers.id(caller);
        return taskBooks.get(id);
    }

    /** The caller, the candidate, signs. */
    @PostMapping("/nominations/{id}/task-book/signature")
    public TaskBook sign(@PathVariable String id, Principal caller) {
        return taskBooks.sign(id, Callers.id(caller));
    }

    /** The caller, acting for the task book's authority, countersigns. */
    @PostMapping("/nominations/{id}/task-book/countersignature")
    public TaskBook countersign(@PathVariable String id, Principal caller) {
        return taskBooks.countersign(id, Callers.id(caller));
    }

    @PostMapping("/nominations/{id}/task-book/signed-elsewhere")
    public TaskBook signedElsewhere(@PathVariable String id, @RequestBody TierFlowRequests.Reason body, Principal caller) {
        return taskBooks.recordSignedElsewhere(id, Callers.id(caller), body.reason());
    }

    @PostMapping("/nominations/{id}/task-book/deadline")
    public TaskBook moveDeadline(@PathVariable String id, @RequestBody DeadlineMove body, Principal caller) {
        String actor = Callers.id(caller);
        MissingFieldsException.require().field("deadline", body.deadline()).field("reason", body.reason()).check();
        return taskBooks.moveDeadline(id, actor, body.deadline(), body.reason());
    }

    @GetMapping("/nominations/{id}/acceptance")
    public List<AcceptanceRound> acceptance(@PathVariable String id, Principal caller) {
        Callers.id(caller);
        return acceptance.rounds(id);
    }

    /** The caller, the candidate, submits the final or rectification report. */
    @PostMapping("/nominations/{id}/acceptance/report")
    public AcceptanceRound report(@PathVariable String id, @RequestBody Report body, Principal caller) {
        String actor = Callers.id(caller);
        MissingFieldsException.require().field("report", body.report()).check();
        return acceptance.submitReport(id, actor, body.report());
    }

    @PostMapping("/nominations/{id}/acceptance/review")
    public AcceptanceRound review(@PathVariable String id, @RequestBody Review body, Principal caller) {
        String actor = Callers.id(caller);
        MissingFieldsException.require().field("passed", body.passed()).check();
        return acceptance.review(id, actor, body.passed(), body.comment());
    }

    @PostMapping("/nominations/{id}/acceptance/on-site")
    public AcceptanceRound onSite(@PathVariable String id, @RequestBody OnSite body, Principal caller) {
        String actor = Callers.id(caller);
        MissingFieldsException.require().field("date", body.date()).field("expertTeam", body.expertTeam()).check();
        return acceptance.scheduleOnSite(id, actor, body.date(), body.expertTeam());
    }

    @PostMapping("/nominations/{id}/acceptance/decision")
    public AcceptanceRound decide(@PathVariable String id, @RequestBody AcceptanceDecision body, Principal caller) {
        String actor = Callers.id(caller);
        MissingFieldsException.require().field("score", body.score()).field("passed", body.passed()).check();
        return acceptance.decide(id, actor, body.score(), body.passed(), body.comment());
    }

    @PostMapping("/nominations/{id}/working-period/end")
    public LifecycleStatus moveWorkingPeriodEnd(@PathVariable String id, @RequestBody PeriodEndMove body, Principal caller) {
        String actor = Callers.id(caller);
        MissingFieldsException.require().field("end", body.end()).field("reason", body.reason()).check();
        return acceptance.moveWorkingPeriodEnd(id, actor, body.end(), body.reason());
    }

    /** The phases of the candidate's work (a tier with {@code phases}), as far as each has got; empty otherwise. */
    @GetMapping("/nominations/{id}/phases")
    public List<PhaseStatus> phases(@PathVariable String id, Principal caller) {
        Callers.id(caller);
        return lifecycle.phases(id);
    }

    /** The caller, an approver at the open phase's {@code decidedBy} level, passes or fails it. */
    @PostMapping("/nominations/{id}/phases/decision")
    public PhaseStatus decidePhase(@PathVariable String id, @RequestBody Review body, Principal caller) {
        String actor = Callers.id(caller);
        MissingFieldsException.require().field("passed", body.passed()).check();
        return lifecycle.decidePhase(id, actor, body.passed(), body.comment());
    }

    /** The caller, an approver at the open phase's {@code decidedBy} level, moves its due date (audited). */
    @PostMapping("/nominations/{id}/phases/due-date")
    public PhaseStatus movePhaseDue(@PathVariable String id, @RequestBody PhaseDueMove body, Principal caller) {
        String actor = Callers.id(caller);
        MissingFieldsException.require().field("dueAt", body.dueAt()).field("reason", body.reason()).check();
        return lifecycle.movePhaseDue(id, actor, body.dueAt(), body.reason());
    }

    /** @param dueAt the open phase's new due date; @param reason why, required */
    public record PhaseDueMove(Instant dueAt, String reason) {
    }

    /** @param deadline the new signing deadline; @param reason why, required */
    public record DeadlineMove(Instant deadline, String reason) {
    }

    /** @param report the final or rectification report */
    public record Report(String report) {
    }

    /** @param passed whether the reviewing level passes the work on; @param comment optional */
    public record Review(Boolean passed, String comment) {
    }

    /** @param date the day of the on-site acceptance; @param expertTeam the experts, at least one */
    public record OnSite(LocalDate date, List<String> expertTeam) {
    }

    /** @param score 0 to 100; @param passed the accepting level's conclusion; @param comment optional */
    public record AcceptanceDecision(BigDecimal score, Boolean passed, String comment) {
    }

    /** @param end the new end of the working period; @param reason why, required */
    public record PeriodEndMove(Instant end, String reason) {
    }
}
