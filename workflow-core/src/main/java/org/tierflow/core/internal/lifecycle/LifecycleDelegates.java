package org.tierflow.core.internal.lifecycle;

import static org.tierflow.bpmn.TierFlowBpmn.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.tierflow.core.api.LifecyclePhase;
import org.tierflow.core.api.NominationState;
import org.tierflow.core.api.OrganisationUnit;
import org.tierflow.core.api.program.AcceptanceDefinition;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.api.program.ReviewAction;
import org.tierflow.core.api.program.ReviewStep;
import org.tierflow.core.api.program.TaskBookDefinition;
import org.tierflow.core.api.program.TierDefinition;
import org.tierflow.core.internal.persistence.AcceptanceRoundEntity;
import org.tierflow.core.internal.persistence.JsonCodec;
import org.tierflow.core.internal.persistence.LifecycleEntity;
import org.tierflow.core.internal.persistence.NominationEntity;
import org.tierflow.core.internal.persistence.TaskBookEntity;
import org.tierflow.core.spi.NotificationKind;

/**
 * The service tasks of the life-cycle models, by the bean names the models call. The models decide the order of
 * the phases; these delegates read the program definition, keep TierFlow's records and set the dates the timers
 * wait for.
 */
final class LifecycleDelegates {

    private final LifecycleSupport support;
    private final PhaseSteps phases;

    LifecycleDelegates(LifecycleSupport support, PhaseSteps phases) {
        this.support = support;
        this.phases = phases;
    }

    /** Bean name → delegate, as the models' delegate expressions name them. */
    Map<Object, Object> byBeanName() {
        Map<Object, Object> beans = new LinkedHashMap<>();
        beans.put(DELEGATE_PREPARE_LIFECYCLE, (JavaDelegate) this::prepareLifecycle);
        beans.put(DELEGATE_PREPARE_TASK_BOOK, (JavaDelegate) this::prepareTaskBook);
        beans.put(DELEGATE_REMIND_TO_SIGN, (JavaDelegate) this::remindToSign);
        beans.put(DELEGATE_REPORT_SIGNING_OVERDUE, (JavaDelegate) this::reportSigningOverdue);
        beans.put(DELEGATE_START_IMPLEMENTATION, (JavaDelegate) this::startImplementation);
        beans.put(DELEGATE_REQUEST_FINAL_REPORT, (JavaDelegate) this::requestFinalReport);
        beans.put(DELEGATE_PREPARE_ACCEPTANCE, (JavaDelegate) this::prepareAcceptance);
        beans.put(DELEGATE_PREPARE_ACCEPTANCE_LEVEL, (JavaDelegate) this::prepareAcceptanceLevel);
        beans.put(DELEGATE_EXTEND_WORKING_PERIOD, (JavaDelegate) this::extendWorkingPeriod);
        beans.put(DELEGATE_PREPARE_EVALUATION, (JavaDelegate) this::prepareEvaluation);
        beans.put(DELEGATE_START_PHASE, (JavaDelegate) phases::start);
        beans.put(DELEGATE_REPORT_PHASE_OVERDUE, (JavaDelegate) phases::reportOverdue);
        return beans;
    }

    // ------------------------------------------------------------------------------------------ life cycle

    private void prepareLifecycle(DelegateExecution execution) {
        NominationEntity nomination = nominationOf(execution);
        TierDefinition tier = support.tier(nomination);
        boolean selected = nomination.getState() == NominationState.SELECTED;
        execution.setVariable(VAR_NOMINATION_SELECTED, selected);
        execution.setVariable(VAR_TASK_BOOK_REQUIRED, tier.taskBook().isPresent());
        execution.setVariable(VAR_ACCEPTANCE_REQUIRED, tier.acceptance().isPresent());
        execution.setVariable(VAR_EVALUATION_REQUIRED, tier.evaluation().isPresent());
        execution.setVariable(VAR_CREDENTIAL_AWARDED, tier.credential().isPresent());
        execution.setVariable(VAR_PHASES_DEFINED, !tier.phases().isEmpty());
        // Lenient: a tree without a unit at the issuing level above the candidate (a university under a tier issued
        // by cities) must not stop the selection; CredentialService.issue names that problem when someone issues.
        List<String> issuers = tier.credential()
                .flatMap(c -> support.runtime.organisations.ancestorAt(nomination.getUnitId(), c.issuingLevel()))
                .map(unit -> support.approvers(nomination, unit, ReviewAction.DECIDE))
                .orElse(List.of());
        execution.setVariable(VAR_CREDENTIAL_ISSUERS, new ArrayList<>(issuers));
        if (!selected || support.findLifecycle(nomination.getId()).isPresent()) {
            return;
        }
        Instant now = support.now();
        LifecycleEntity lifecycle = new LifecycleEntity();
        lifecycle.setNominationId(nomination.getId());
        lifecycle.setProgramCode(nomination.getProgramCode());
        lifecycle.setTierCode(nomination.getTierCode());
        LifecyclePhase phase = tier.taskBook().isPresent() ? LifecyclePhase.TASK_BOOK
                : tier.phases().isEmpty() ? LifecyclePhase.IMPLEMENTATION : LifecyclePhase.PHASES;
        lifecycle.setPhase(phase.name());
        lifecycle.setStartedAt(now);
        lifecycle.setExtensionsUsed(0);
        lifecycle.setUpdatedAt(now);
        if (phase == LifecyclePhase.IMPLEMENTATION) {
            // The model goes straight on to startImplementation in this command: fix the working period now, so the
            // row is inserted once with it instead of inserted and then updated.
            fixWorkingPeriod(lifecycle, tier, now);
            lifecycle.setWorkingPeriodFixedOnCreation(true);
        }
        support.session().persist(lifecycle);
    }

    // ------------------------------------------------------------------------------------------ task book

    private void prepareTaskBook(DelegateExecution execution) {
        NominationEntity nomination = nominationOf(execution);
        TierDefinition tier = support.tier(nomination);
        TaskBookDefinition definition = tier.taskBook().orElseThrow(() -> new IllegalStateException(
                "the tier " + tier.code() + " has no task book, but " + TASK_BOOK_PROCESS + " was called"));
        OrganisationLevel level = support.taskBookAuthority(nomination, tier);
        OrganisationUnit authority = support.unitAt(nomination, level);
        Instant now = support.now();
        Instant deadline = LifecycleSupport.startOf(LifecycleSupport.day(now).plus(definition.signingPeriod()).plusDays(1));

        TaskBookEntity book = new TaskBookEntity();
        book.setNominationId(nomination.getId());
        book.setAuthorityUnitId(authority.id());
        book.setAuthorityLevel(level);
        book.setContentJson(JsonCodec.write(TaskBookContent.generate(tier, support.acceptanceChainOrNull(nomination, tier))));
        book.setCreatedAt(now);
        book.setDeadline(deadline);
        support.session().persist(book);
        support.phase(support.lifecycle(nomination.getId()), LifecyclePhase.TASK_BOOK);

        execution.setVariable(VAR_TASK_BOOK_DEADLINE, Date.from(deadline));
        execution.setVariable(VAR_TASK_BOOK_REMINDER_AT, Date.from(reminderBefore(deadline, now)));
        execution.setVariable(VAR_COUNTERSIGN_CANDIDATES,
                new ArrayList<>(support.approvers(nomination, authority, ReviewAction.DECIDE)));
        execution.setVariable(VAR_SIGNED_ELSEWHERE, false);
    }

    /** {@link LifecycleSupport#REMINDER_LEAD} before the deadline; halfway there when that is already past. */
    static Instant reminderBefore(Instant deadline, Instant now) {
        Instant reminder = deadline.minus(LifecycleSupport.REMINDER_LEAD);
        if (reminder.isAfter(now)) {
            return reminder;
        }
        return deadline.isAfter(now) ? now.plus(java.time.Duration.between(now, deadline).dividedBy(2)) : now;
    }

    private void remindToSign(DelegateExecution execution) {
        NominationEntity nomination = nominationOf(execution);
        TaskBookEntity book = support.session().get(TaskBookEntity.class, nomination.getId());
        if (book == null || book.getCandidateSignedAt() != null || book.getSignedElsewhereAt() != null) {
            return;
        }
        String until = LifecycleSupport.untilText(book.getDeadline());
        support.notify(List.of(nomination.getApplicantId()), NotificationKind.TASK_BOOK_REMINDER, nomination,
                new LocalizedText("请签署项目任务书", "Please sign your task book"),
                new LocalizedText("您的项目任务书尚未签署，请于 " + until + "（含）前签署。",
                        "Your task book is not signed yet; please sign it by " + until + " (inclusive)."));
    }

    private void reportSigningOverdue(DelegateExecution execution) {
        NominationEntity nomination = nominationOf(execution);
        TaskBookEntity book = support.session().get(TaskBookEntity.class, nomination.getId());
        if (book == null || book.getCandidateSignedAt() != null || book.getSignedElsewhereAt() != null) {
            return;
        }
        List<String> recipients = new ArrayList<>();
        recipients.add(nomination.getApplicantId());
        OrganisationUnit authority = support.runtime.organisations.unit(book.getAuthorityUnitId());
        recipients.addAll(support.approvers(nomination, authority, ReviewAction.DECIDE));
        String until = LifecycleSupport.untilText(book.getDeadline());
        support.notify(recipients, NotificationKind.TASK_BOOK_OVERDUE, nomination,
                new LocalizedText("项目任务书逾期未签", "Task book overdue"),
                new LocalizedText("申报 " + nomination.getId() + "（候选人 " + nomination.getApplicantId() + "）的项目任务书应于 "
                        + until + " 前签署，至今尚未签署。",
                        "The task book of nomination " + nomination.getId() + " (candidate " + nomination.getApplicantId()
                                + ") was due to be signed by " + until + " and is still not signed."));
    }

    // ------------------------------------------------------------------------------------------ implementation

    private void startImplementation(DelegateExecution execution) {
        NominationEntity nomination = nominationOf(execution);
        TierDefinition tier = support.tier(nomination);
        LifecycleEntity lifecycle = support.lifecycle(nomination.getId());
        if (!lifecycle.isWorkingPeriodFixedOnCreation()) {
            fixWorkingPeriod(lifecycle, tier, support.now());
            support.phase(lifecycle, LifecyclePhase.IMPLEMENTATION);
        }
        execution.setVariable(VAR_WORKING_PERIOD_ENDS_AT, Date.from(lifecycle.getWorkingPeriodEndsAt()));
    }

    /** The working period starts now and ends at the start of the day the tier's implementation period ends. */
    private static void fixWorkingPeriod(LifecycleEntity lifecycle, TierDefinition tier, Instant now) {
        lifecycle.setWorkingPeriodStartsAt(now);
        lifecycle.setWorkingPeriodEndsAt(LifecycleSupport.startOf(LifecycleSupport.day(now).plus(tier.implementationPeriod())));
    }

    private void requestFinalReport(DelegateExecution execution) {
        NominationEntity nomination = nominationOf(execution);
        TierDefinition tier = support.tier(nomination);
        if (tier.acceptance().isEmpty() && tier.evaluation().isEmpty()) {
            // Nothing reviews the cycle: with its end the candidate awaits the credential (培养认定), or is done.
            support.phase(support.lifecycle(nomination.getId()),
                    tier.credential().isPresent() ? LifecyclePhase.AWAITING_CREDENTIAL : LifecyclePhase.COMPLETED);
            return;
        }
        support.notify(List.of(nomination.getApplicantId()), NotificationKind.REPORT_DUE, nomination,
                new LocalizedText("工作期已结束，请提交总结报告", "Your working period ended: the final report is due"),
                new LocalizedText("您的工作期已结束，请提交总结报告，以便考核验收或综合考评。",
                        "Your working period has ended. Please submit your final report for acceptance or evaluation."));
    }

    // ------------------------------------------------------------------------------------------ acceptance

    private void prepareAcceptance(DelegateExecution execution) {
        NominationEntity nomination = nominationOf(execution);
        openRound(nomination, 1);
        support.phase(support.lifecycle(nomination.getId()), LifecyclePhase.ACCEPTANCE);
        execution.setVariable(VAR_ACCEPTANCE_ROUND, 1);
        execution.setVariable(VAR_ACCEPTANCE_STEP_INDEX, 0);
        execution.setVariable(VAR_ACCEPTANCE_DECIDED, false);
        execution.setVariable(VAR_EXTENSION_AVAILABLE, false);
    }

    private void openRound(NominationEntity nomination, int round) {
        AcceptanceRoundEntity entity = new AcceptanceRoundEntity();
        entity.setId(UUID.randomUUID().toString());
        entity.setNominationId(nomination.getId());
        entity.setRoundNo(round);
        entity.setOpenedAt(support.now());
        support.session().persist(entity);
    }

    private void prepareAcceptanceLevel(DelegateExecution execution) {
        NominationEntity nomination = nominationOf(execution);
        AcceptanceDefinition acceptance = support.tier(nomination).acceptance().orElseThrow();
        int stepIndex = ((Number) execution.getVariable(VAR_ACCEPTANCE_STEP_INDEX)).intValue();
        ReviewStep step = support.acceptanceChain(nomination, acceptance).steps().get(stepIndex);
        OrganisationUnit unit = support.unitAt(nomination, step.level());
        List<String> candidates = support.approvers(nomination, unit, step.action());
        execution.setVariable(VAR_ACCEPTANCE_CANDIDATES, new ArrayList<>(candidates));
        support.notify(candidates, NotificationKind.ACCEPTANCE_WAITING, nomination,
                new LocalizedText("待验收：" + nomination.getApplicantId(), "Acceptance waiting: " + nomination.getApplicantId()),
                new LocalizedText("候选人 " + nomination.getApplicantId() + " 的考核验收已到“" + step.name().zh() + "”环节，等待您办理。",
                        "The acceptance of candidate " + nomination.getApplicantId() + " has reached the step '"
                                + step.name().en() + "' and is waiting for you."));
    }

    private void extendWorkingPeriod(DelegateExecution execution) {
        NominationEntity nomination = nominationOf(execution);
        AcceptanceDefinition acceptance = support.tier(nomination).acceptance().orElseThrow();
        LifecycleEntity lifecycle = support.lifecycle(nomination.getId());
        Instant previousEnd = lifecycle.getWorkingPeriodEndsAt() != null ? lifecycle.getWorkingPeriodEndsAt() : support.now();
        // Calendar months: 31 August + P6M is the last day of February, not 182 days later.
        Instant end = LifecycleSupport.startOf(LifecycleSupport.day(previousEnd).plus(acceptance.extension()));
        int round = ((Number) execution.getVariable(VAR_ACCEPTANCE_ROUND)).intValue() + 1;
        lifecycle.setExtensionsUsed(lifecycle.getExtensionsUsed() + 1);
        lifecycle.setWorkingPeriodEndsAt(end);
        support.phase(lifecycle, LifecyclePhase.EXTENSION);
        openRound(nomination, round);
        execution.setVariable(VAR_ACCEPTANCE_ROUND, round);
        execution.setVariable(VAR_ACCEPTANCE_STEP_INDEX, 0);
        execution.setVariable(VAR_ACCEPTANCE_DECIDED, false);
        execution.setVariable(VAR_WORKING_PERIOD_ENDS_AT, Date.from(end));
        String until = LifecycleSupport.untilText(end);
        support.notify(List.of(nomination.getApplicantId()), NotificationKind.ACCEPTANCE_DECIDED, nomination,
                new LocalizedText("验收未通过，工作期延长至 " + until, "Acceptance failed: working period extended until " + until),
                new LocalizedText("本轮考核验收未通过。工作期延长至 " + until + "（含），请整改，期满后提交整改报告。",
                        "This acceptance round did not pass. Your working period is extended until " + until
                                + " (inclusive) for rectification; submit a rectification report when it ends."));
    }

    // ------------------------------------------------------------------------------------------ evaluation

    private void prepareEvaluation(DelegateExecution execution) {
        NominationEntity nomination = nominationOf(execution);
        List<String> candidates = new ArrayList<>();
        candidates.add(nomination.getApplicantId());
        for (OrganisationUnit unit : support.runtime.organisations.pathToRoot(nomination.getUnitId())) {
            candidates.addAll(support.approvers(nomination, unit, ReviewAction.REVIEW));
        }
        List<String> distinct = candidates.stream().distinct().toList();
        execution.setVariable(VAR_EVALUATION_CANDIDATES, new ArrayList<>(distinct));
        support.phase(support.lifecycle(nomination.getId()), LifecyclePhase.EVALUATION);
        support.notify(distinct, NotificationKind.EVALUATION_OPEN, nomination,
                new LocalizedText("综合考评已开始：" + nomination.getApplicantId(), "Evaluation open: " + nomination.getApplicantId()),
                new LocalizedText("候选人 " + nomination.getApplicantId() + " 的综合考评已开始，请按您代表的评价方评分。",
                        "The comprehensive evaluation of candidate " + nomination.getApplicantId()
                                + " is open; please score for the party you speak for."));
    }

    private NominationEntity nominationOf(DelegateExecution execution) {
        return support.nomination((String) execution.getVariable(VAR_NOMINATION_ID));
    }
}
