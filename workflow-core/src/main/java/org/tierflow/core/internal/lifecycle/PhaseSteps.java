package org.tierflow.core.internal.lifecycle;

import static org.tierflow.bpmn.TierFlowBpmn.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.task.api.Task;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.LifecyclePhase;
import org.tierflow.core.api.OrganisationUnit;
import org.tierflow.core.api.PhaseStatus;
import org.tierflow.core.api.TimelineEntryType;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.PhaseDefinition;
import org.tierflow.core.api.program.ReviewAction;
import org.tierflow.core.api.program.TierDefinition;
import org.tierflow.core.internal.persistence.LifecycleEntity;
import org.tierflow.core.internal.persistence.NominationEntity;
import org.tierflow.core.internal.persistence.NominationRecords;
import org.tierflow.core.internal.persistence.PhaseEntity;
import org.tierflow.core.spi.NotificationKind;

/**
 * The phases of a tier's work after selection ({@code phases} in the definition, process
 * {@code tierflowPhaseProcess}): the model loops, this class opens each phase from the definition (its record, due
 * date and deciders) and records each decision.
 */
final class PhaseSteps {

    static final String PASSED = "PASSED";
    static final String FAILED = "FAILED";
    static final LocalizedText MOVE_DUE = new LocalizedText("调整阶段决定期限", "move the due date of a phase's decision");

    private final LifecycleSupport support;

    PhaseSteps(LifecycleSupport support) {
        this.support = support;
    }

    /** Delegate {@code tierflowStartPhase}: opens the first phase not yet entered. */
    void start(DelegateExecution execution) {
        NominationEntity nomination = support.nomination((String) execution.getVariable(VAR_NOMINATION_ID));
        TierDefinition tier = support.tier(nomination);
        List<PhaseEntity> entered = rows(nomination.getId());
        int index = entered.size();
        if (index >= tier.phases().size()) {
            throw new IllegalStateException("nomination " + nomination.getId() + " has entered all " + index
                    + " phases of tier " + tier.code() + ", but " + PHASE_PROCESS + " asked for another");
        }
        PhaseDefinition phase = tier.phases().get(index);
        OrganisationUnit unit = support.unitAt(nomination, phase.decidedBy());
        Instant now = support.now();
        Instant due = LifecycleSupport.startOf(LifecycleSupport.day(now).plus(phase.period()).plusDays(1));

        PhaseEntity row = new PhaseEntity();
        row.setId(UUID.randomUUID().toString());
        row.setNominationId(nomination.getId());
        row.setPhaseIndex(index);
        row.setPhaseCode(phase.code());
        row.setDecidedLevel(phase.decidedBy());
        row.setStartedAt(now);
        row.setDueAt(due);
        support.session().persist(row);

        LifecycleEntity lifecycle = support.lifecycle(nomination.getId());
        if (index == 0) {
            lifecycle.setWorkingPeriodStartsAt(now);
        }
        support.phase(lifecycle, LifecyclePhase.PHASES);

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("phase", phase.code());
        data.put("index", index);
        data.put("dueAt", due.toString());
        new NominationRecords(support.runtime.persistence()).append(nomination.getId(), TimelineEntryType.PHASE_STARTED,
                nomination.getStepIndex(), phase.decidedBy(), null, unit.id(), null, phase.name().zh() + " / "
                        + phase.name().en(), List.of(), data, now);
        List<String> deciders = support.approvers(nomination, unit, ReviewAction.DECIDE);
        support.notify(deciders, NotificationKind.PHASE_WAITING, nomination,
                new LocalizedText("请决定阶段“" + phase.name().zh() + "”是否通过", "Please decide the phase '"
                        + phase.name().en() + "'"),
                new LocalizedText("阶段“" + phase.name().zh() + "”已开始，请于 " + LifecycleSupport.untilText(due)
                        + " 前决定是否通过。", "The phase '" + phase.name().en() + "' has started; please decide by "
                        + LifecycleSupport.untilText(due) + " whether it passed."));
        execution.setVariable(VAR_PHASE_CANDIDATES, new ArrayList<>(deciders));
        execution.setVariable(VAR_PHASE_DUE_AT, Date.from(due));
    }

    /**
     * Delegate {@code tierflowReportPhaseOverdue} (the timer at the open phase's due date): tells the deciders the
     * decision is overdue, and the candidate that it is awaited. The phase stays open; nothing is decided for them.
     */
    void reportOverdue(DelegateExecution execution) {
        NominationEntity nomination = support.nomination((String) execution.getVariable(VAR_NOMINATION_ID));
        TierDefinition tier = support.tier(nomination);
        List<PhaseEntity> entered = rows(nomination.getId());
        PhaseEntity open = entered.isEmpty() ? null : entered.get(entered.size() - 1);
        if (open == null || open.getOutcome() != null) {
            return;
        }
        PhaseDefinition phase = tier.phases().get(open.getPhaseIndex());
        String due = LifecycleSupport.untilText(open.getDueAt());
        @SuppressWarnings("unchecked")
        List<String> deciders = (List<String>) execution.getVariable(VAR_PHASE_CANDIDATES);
        support.notify(deciders, NotificationKind.PHASE_OVERDUE, nomination,
                new LocalizedText("阶段“" + phase.name().zh() + "”逾期未决定", "Phase '" + phase.name().en() + "' overdue"),
                new LocalizedText("阶段“" + phase.name().zh() + "”应于 " + due + " 前决定是否通过，至今尚未决定，请尽快处理。",
                        "The phase '" + phase.name().en() + "' was to be decided by " + due
                                + " and is still open; please decide it."));
        support.notify(List.of(nomination.getApplicantId()), NotificationKind.PHASE_OVERDUE, nomination,
                new LocalizedText("阶段“" + phase.name().zh() + "”待决定", "Phase '" + phase.name().en() + "' awaits its decision"),
                new LocalizedText("阶段“" + phase.name().zh() + "”的决定已超过 " + due + " 的期限，已提醒决定单位。",
                        "The decision on the phase '" + phase.name().en() + "' is past its due date (" + due
                                + "); the deciding level has been reminded."));
    }

    List<PhaseStatus> list(String nominationId) {
        NominationEntity nomination = support.nomination(nominationId);
        TierDefinition tier = support.tier(nomination);
        List<PhaseEntity> entered = rows(nominationId);
        List<PhaseStatus> phases = new ArrayList<>();
        for (int i = 0; i < tier.phases().size(); i++) {
            phases.add(status(tier.phases().get(i), i, i < entered.size() ? entered.get(i) : null));
        }
        return phases;
    }

    PhaseStatus decide(String nominationId, String actorId, boolean passed, String comment) {
        OpenPhase it = openPhase(nominationId, actorId, phase -> new LocalizedText("决定阶段“" + phase.name().zh() + "”",
                "decide the phase '" + phase.name().en() + "'"));
        NominationEntity nomination = it.nomination();
        TierDefinition tier = it.tier();
        PhaseEntity open = it.row();
        PhaseDefinition phase = it.phase();
        OrganisationUnit unit = it.unit();
        Task task = decisionTask(nominationId);
        Instant now = support.now();
        open.setOutcome(passed ? PASSED : FAILED);
        open.setDecidedBy(actorId);
        open.setDecidedAt(now);
        open.setComment(comment);
        boolean last = open.getPhaseIndex() == tier.phases().size() - 1;
        LifecycleEntity lifecycle = support.lifecycle(nominationId);
        if (!passed) {
            support.phase(lifecycle, LifecyclePhase.ENDED_WITHOUT_CREDENTIAL);
        } else if (last) {
            lifecycle.setWorkingPeriodEndsAt(now);
            support.phase(lifecycle, tier.acceptance().isPresent() ? LifecyclePhase.ACCEPTANCE
                    : tier.evaluation().isPresent() ? LifecyclePhase.EVALUATION
                    : tier.credential().isPresent() ? LifecyclePhase.AWAITING_CREDENTIAL : LifecyclePhase.COMPLETED);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("phase", phase.code());
        data.put("index", open.getPhaseIndex());
        new NominationRecords(support.runtime.persistence()).append(nominationId,
                passed ? TimelineEntryType.PHASE_PASSED : TimelineEntryType.PHASE_FAILED, nomination.getStepIndex(),
                phase.decidedBy(), ReviewAction.DECIDE, unit.id(), actorId, comment, List.of(), data, now);
        support.notify(List.of(nomination.getApplicantId()), NotificationKind.PHASE_DECIDED, nomination,
                passed ? new LocalizedText("阶段“" + phase.name().zh() + "”已通过", "Phase '" + phase.name().en() + "' passed")
                        : new LocalizedText("阶段“" + phase.name().zh() + "”未通过", "Phase '" + phase.name().en() + "' failed"),
                passed ? new LocalizedText("阶段“" + phase.name().zh() + "”已通过。", "The phase '" + phase.name().en() + "' passed.")
                        : new LocalizedText("阶段“" + phase.name().zh() + "”未通过，实施终止。",
                        "The phase '" + phase.name().en() + "' failed; the work ends here."));
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_PHASE_PASSED, passed);
        variables.put(VAR_PHASES_COMPLETE, passed && last);
        support.engine().getTaskService().complete(task.getId(), variables);
        return status(phase, open.getPhaseIndex(), open);
    }

    /** Moves the open phase's due date: the row, the decision task's due date and the overdue timer; audited. */
    PhaseStatus moveDue(String nominationId, String actorId, Instant newDue, String reason) {
        OpenPhase it = openPhase(nominationId, actorId, phase -> MOVE_DUE);
        PhaseEntity open = it.row();
        Task task = decisionTask(nominationId);
        DefaultTaskBookService.requireFuture(newDue, support.now());
        DefaultTaskBookService.record(nominationId, org.tierflow.core.api.DeadlineKind.PHASE_DECISION, open.getDueAt(),
                newDue, reason, actorId, support);
        open.setDueAt(newDue);
        support.engine().getTaskService().setDueDate(task.getId(), Date.from(newDue));
        for (var instance : support.running(nominationId, PHASE_PROCESS)) {
            support.moveTimers(instance, VAR_PHASE_DUE_AT, newDue);
        }
        return status(it.phase(), open.getPhaseIndex(), open);
    }

    /** The open phase of a nomination, its definition and deciding unit. */
    private record OpenPhase(NominationEntity nomination, TierDefinition tier, PhaseEntity row, PhaseDefinition phase,
                             OrganisationUnit unit) {
    }

    /** The open phase, once the actor is known to be an approver at its deciding level ({@code what} they do). */
    private OpenPhase openPhase(String nominationId, String actorId,
                                java.util.function.Function<PhaseDefinition, LocalizedText> what) {
        NominationEntity nomination = support.nomination(nominationId);
        TierDefinition tier = support.tier(nomination);
        PhaseEntity open = openPhase(nominationId);
        PhaseDefinition phase = tier.phases().get(open.getPhaseIndex());
        OrganisationUnit unit = support.unitAt(nomination, phase.decidedBy());
        support.authorize(actorId, nomination, unit, ReviewAction.DECIDE, what.apply(phase));
        return new OpenPhase(nomination, tier, open, phase, unit);
    }

    private PhaseEntity openPhase(String nominationId) {
        List<PhaseEntity> entered = rows(nominationId);
        PhaseEntity open = entered.isEmpty() ? null : entered.get(entered.size() - 1);
        if (open == null || open.getOutcome() != null) {
            throw new InvalidRequestException("no-open-phase", new LocalizedText(
                    "申报 " + nominationId + " 当前没有进行中的阶段", "nomination " + nominationId + " has no open phase"));
        }
        return open;
    }

    private Task decisionTask(String nominationId) {
        Task task = support.engine().getTaskService().createTaskQuery()
                .processInstanceBusinessKey(nominationId)
                .taskDefinitionKey(TASK_DECIDE_PHASE)
                .singleResult();
        if (task == null) {
            throw new IllegalStateException("nomination " + nominationId + " has an open phase but no " + TASK_DECIDE_PHASE);
        }
        return task;
    }

    private List<PhaseEntity> rows(String nominationId) {
        return support.session().createSelectionQuery(
                        "from PhaseEntity p where p.nominationId = :id order by p.phaseIndex", PhaseEntity.class)
                .setParameter("id", nominationId).getResultList();
    }

    private static PhaseStatus status(PhaseDefinition phase, int index, PhaseEntity row) {
        PhaseStatus.State state = row == null ? PhaseStatus.State.PENDING
                : row.getOutcome() == null ? PhaseStatus.State.OPEN
                : PASSED.equals(row.getOutcome()) ? PhaseStatus.State.PASSED : PhaseStatus.State.FAILED;
        return new PhaseStatus(index, phase.code(), phase.name(), phase.period(), phase.decidedBy(), state,
                row == null ? null : row.getStartedAt(), row == null ? null : row.getDueAt(),
                row == null ? null : row.getDecidedAt(), row == null ? null : row.getDecidedBy(),
                row == null ? null : row.getComment());
    }
}
