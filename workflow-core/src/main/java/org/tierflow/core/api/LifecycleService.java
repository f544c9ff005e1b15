package org.tierflow.core.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The life cycle after selection as a whole: started for a nomination when its review selects it (BPMN process
 * {@code tierflowLifecycleProcess}), then task book, implementation, acceptance, evaluation and credential as the
 * tier's definition asks (or, for a tier with {@code phases}, the phases instead of the implementation period).
 * Every method is one transaction.
 */
public interface LifecycleService {

    /** The candidate's life cycle; empty when the nomination has none (not selected, or unknown). */
    Optional<LifecycleStatus> get(String nominationId);

    /** Every moved deadline of the candidate, oldest first. */
    List<DeadlineChange> deadlineChanges(String nominationId);

    /**
     * The phases of the candidate's work (the tier's {@code phases}, process {@code tierflowPhaseProcess}), in the
     * definition's order, each as far as it has got; empty when the tier has no phases. For the host or the system:
     * asks nobody's permission.
     *
     * @throws NotFoundException when there is no such nomination
     */
    List<PhaseStatus> phases(String nominationId);

    /**
     * Decides the open phase: pass opens the next phase (or ends the phases, and the life cycle goes on to
     * acceptance, evaluation or credential as the tier asks), fail ends the candidate's work. Recorded on the
     * timeline ({@link TimelineEntryType#PHASE_PASSED} or {@link TimelineEntryType#PHASE_FAILED}).
     *
     * @param actorId an approver of the candidate's unit at the phase's {@code decidedBy} level (the
     *                {@link org.tierflow.core.spi.ApproverDirectory} is asked with the action {@code DECIDE}); never
     *                the applicant
     * @return the decided phase
     * @throws NotAuthorizedException  when the actor may not decide it; nothing changes
     * @throws InvalidRequestException when no phase is open
     * @throws NotFoundException       when there is no such nomination
     */
    PhaseStatus decidePhase(String nominationId, String actorId, boolean passed, String comment);

    /**
     * Moves the open phase's due date (e.g. a pilot that needs another term): the decision task's due date and the
     * overdue timer follow, and the move is kept in {@link #deadlineChanges} ({@link DeadlineKind#PHASE_DECISION}).
     * An overdue notice already sent is not repeated at the new date.
     *
     * @param actorId an approver at the phase's {@code decidedBy} level, as for {@link #decidePhase}
     * @param newDue  the new due date, in the future
     * @param reason  why, required
     * @return the open phase with its new due date
     * @throws NotAuthorizedException  when the actor may not decide the phase; nothing changes
     * @throws InvalidRequestException when no phase is open ({@code no-open-phase}), the date is not in the future
     *                                 ({@code deadline-in-past}) or the reason is missing ({@code reason-required})
     */
    PhaseStatus movePhaseDue(String nominationId, String actorId, Instant newDue, String reason);
}
