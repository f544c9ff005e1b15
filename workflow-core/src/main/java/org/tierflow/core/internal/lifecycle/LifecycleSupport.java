package org.tierflow.core.internal.lifecycle;

import static org.tierflow.bpmn.TierFlowBpmn.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.Event;
import org.flowable.bpmn.model.EventDefinition;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.TimerEventDefinition;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.job.api.Job;
import org.flowable.task.api.Task;
import org.hibernate.Session;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.LifecyclePhase;
import org.tierflow.core.api.NotAuthorizedException;
import org.tierflow.core.api.NotFoundException;
import org.tierflow.core.api.OrganisationUnit;
import org.tierflow.core.api.program.AcceptanceDefinition;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.api.program.ProgramDefinition;
import org.tierflow.core.api.program.ReviewAction;
import org.tierflow.core.api.program.ReviewChain;
import org.tierflow.core.api.program.TierDefinition;
import org.tierflow.core.internal.engine.TierFlowRuntime;
import org.tierflow.core.internal.persistence.LifecycleEntity;
import org.tierflow.core.internal.persistence.NominationEntity;
import org.tierflow.core.internal.persistence.NominationRecords;
import org.tierflow.core.spi.ApproverQuery;
import org.tierflow.core.spi.Notification;
import org.tierflow.core.spi.NotificationKind;

/** What the life-cycle delegates and services share: lookups, dates, authorisation, tasks, timers, notices. */
final class LifecycleSupport {

    /** Days are calendar days in China Standard Time, as everywhere in TierFlow. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** How long before the signing deadline the candidate is reminded. */
    static final Duration REMINDER_LEAD = Duration.ofDays(7);

    static final int MAX_REASON = 2000;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    final TierFlowRuntime runtime;

    LifecycleSupport(TierFlowRuntime runtime) {
        this.runtime = runtime;
    }

    // ------------------------------------------------------------------------------------------ records

    Session session() {
        return runtime.persistence().currentSession();
    }

    Instant now() {
        return runtime.now();
    }

    ProcessEngine engine() {
        return runtime.engine();
    }

    NominationEntity nomination(String nominationId) {
        if (nominationId == null || nominationId.isBlank()) {
            throw new InvalidRequestException("missing-field", new LocalizedText(
                    "缺少字段 nominationId（申报编号）", "the field nominationId is missing"));
        }
        return new NominationRecords(runtime.persistence()).find(nominationId).orElseThrow(() -> new NotFoundException(
                new LocalizedText("找不到申报 " + nominationId, "no nomination " + nominationId)));
    }

    ProgramDefinition program(NominationEntity nomination) {
        return runtime.programs.find(nomination.getProgramCode()).orElseThrow(() -> new InvalidRequestException(
                "unknown-program", new LocalizedText("没有代码为 “" + nomination.getProgramCode() + "” 的培养方案",
                "no program with the code '" + nomination.getProgramCode() + "'")));
    }

    TierDefinition tier(NominationEntity nomination) {
        ProgramDefinition program = program(nomination);
        return program.tier(nomination.getTierCode()).orElseThrow(() -> new InvalidRequestException("unknown-tier",
                new LocalizedText("培养方案 “" + program.code() + "” 中没有人才类别 “" + nomination.getTierCode() + "”",
                        "program '" + program.code() + "' has no tier '" + nomination.getTierCode() + "'")));
    }

    Optional<LifecycleEntity> findLifecycle(String nominationId) {
        return Optional.ofNullable(session().get(LifecycleEntity.class, nominationId));
    }

    LifecycleEntity lifecycle(String nominationId) {
        return findLifecycle(nominationId).orElseThrow(() -> new NotFoundException(new LocalizedText(
                "申报 " + nominationId + " 尚未进入入选后的培养周期",
                "nomination " + nominationId + " has no life cycle after selection")));
    }

    void phase(LifecycleEntity lifecycle, LifecyclePhase phase) {
        lifecycle.setPhase(phase.name());
        lifecycle.setUpdatedAt(now());
    }

    // ------------------------------------------------------------------------------------------ the definition

    boolean fromUniversity(NominationEntity nomination) {
        return runtime.organisations.unit(nomination.getUnitId()).level() == OrganisationLevel.UNIVERSITY;
    }

    /** The acceptance chain this candidate follows: the university variant for university candidates. */
    ReviewChain acceptanceChain(NominationEntity nomination, AcceptanceDefinition acceptance) {
        return fromUniversity(nomination) ? acceptance.universityChain().orElse(acceptance.chain()) : acceptance.chain();
    }

    /** The unit acting at {@code level} for the candidate: its own unit or an ancestor. */
    OrganisationUnit unitAt(NominationEntity nomination, OrganisationLevel level) {
        return runtime.organisations.ancestorAt(nomination.getUnitId(), level).orElseThrow(() -> new InvalidRequestException(
                "no-unit-at-level", new LocalizedText(
                "组织机构树中单位 “" + nomination.getUnitId() + "” 之上没有" + level.label().zh() + "级单位",
                "the organisation tree has no " + level.label().en() + " above unit '" + nomination.getUnitId() + "'")));
    }

    /**
     * Who may move the working period's end: the accepting level of the acceptance chain; without acceptance the
     * task book's authority; without either the credential's issuer; else the nomination's deciding level.
     */
    OrganisationLevel periodAuthority(NominationEntity nomination, TierDefinition tier) {
        if (tier.acceptance().isPresent()) {
            return acceptanceChain(nomination, tier.acceptance().get()).decidingStep().level();
        }
        if (tier.taskBook().isPresent()) {
            return taskBookAuthority(nomination, tier);
        }
        if (tier.credential().isPresent()) {
            return tier.credential().get().issuingLevel();
        }
        return tier.chainFor(runtime.organisations.unit(nomination.getUnitId()).level()).decidingStep().level();
    }

    /** The acceptance chain of the candidate, or null when the tier has no acceptance. */
    ReviewChain acceptanceChainOrNull(NominationEntity nomination, TierDefinition tier) {
        return tier.acceptance().map(a -> acceptanceChain(nomination, a)).orElse(null);
    }

    OrganisationLevel taskBookAuthority(NominationEntity nomination, TierDefinition tier) {
        var book = tier.taskBook().orElseThrow();
        return fromUniversity(nomination) ? book.universityAuthority().orElse(book.authority()) : book.authority();
    }

    // ------------------------------------------------------------------------------------------ who may act

    /** Everyone the directory lets act for the unit with this action, except the candidate. */
    List<String> approvers(NominationEntity nomination, OrganisationUnit unit, ReviewAction action) {
        List<String> found = new ArrayList<>(runtime.approvers.approvers(new ApproverQuery(nomination.getProgramCode(),
                nomination.getTierCode(), unit.id(), unit.level(), action)));
        found.remove(nomination.getApplicantId());
        return found.stream().distinct().toList();
    }

    /** Refuses unless the actor is named, is not the candidate, and the directory lets them act for the unit. */
    void authorize(String actorId, NominationEntity nomination, OrganisationUnit unit, ReviewAction action,
                   LocalizedText what) {
        requireActor(actorId, what);
        if (actorId.equals(nomination.getApplicantId())) {
            throw new NotAuthorizedException(new LocalizedText("候选人不能" + what.zh() + "自己的申报",
                    "the candidate may not " + what.en() + " for their own nomination"));
        }
        ApproverQuery query = new ApproverQuery(nomination.getProgramCode(), nomination.getTierCode(), unit.id(),
                unit.level(), action);
        if (!runtime.approvers.mayAct(actorId, query)) {
            throw new NotAuthorizedException(new LocalizedText(
                    "用户 " + actorId + " 无权代表单位 " + unit.id() + "（" + unit.level().label().zh() + "级）" + what.zh(),
                    "user " + actorId + " may not " + what.en() + " for unit " + unit.id() + " ("
                            + unit.level().label().en() + " level)"));
        }
    }

    /** Refuses unless the actor is the candidate. */
    void requireCandidate(String actorId, NominationEntity nomination, LocalizedText what) {
        requireActor(actorId, what);
        if (!actorId.equals(nomination.getApplicantId())) {
            throw new NotAuthorizedException(new LocalizedText(
                    "只有候选人本人可以" + what.zh() + "（申报 " + nomination.getId() + "）",
                    "only the candidate may " + what.en() + " (nomination " + nomination.getId() + ")"));
        }
    }

    private static void requireActor(String actorId, LocalizedText what) {
        if (actorId == null || actorId.isBlank()) {
            throw new NotAuthorizedException(new LocalizedText("未指明操作人，不能" + what.zh(),
                    "no actor given; nobody may " + what.en() + " anonymously"));
        }
    }

    static String reason(String reason, LocalizedText what) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("reason-required", new LocalizedText(
                    what.zh() + "必须填写理由（reason）", "a reason is required to " + what.en()));
        }
        if (reason.length() > MAX_REASON) {
            throw new InvalidRequestException("reason-too-long", new LocalizedText(
                    "理由（reason）不能超过 " + MAX_REASON + " 个字符", "the reason must be at most " + MAX_REASON + " characters"));
        }
        return reason.strip();
    }

    // ------------------------------------------------------------------------------------------ tasks and timers

    /** The open task of the contract with this key for the nomination, with its process variables. */
    Optional<Task> openTask(String nominationId, String taskKey) {
        return Optional.ofNullable(engine().getTaskService().createTaskQuery()
                .processInstanceBusinessKey(nominationId)
                .taskDefinitionKey(taskKey)
                .includeProcessVariables()
                .singleResult());
    }

    void complete(Task task, Map<String, Object> variables) {
        engine().getTaskService().complete(task.getId(), variables);
    }

    /** The running instances of one of the phase processes for the nomination. */
    List<ProcessInstance> running(String nominationId, String processKey) {
        return engine().getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(nominationId)
                .processDefinitionKey(processKey)
                .list();
    }

    /**
     * The pending timer jobs of a process instance that wait for {@code ${variable}}, found through the deployed
     * model (so a designer may rename the timer events).
     */
    List<Job> timersOn(ProcessInstance instance, String variable) {
        BpmnModel model = engine().getRepositoryService().getBpmnModel(instance.getProcessDefinitionId());
        List<String> elements = new ArrayList<>();
        for (FlowElement element : model.getMainProcess().findFlowElementsOfType(FlowElement.class, true)) {
            if (element instanceof Event event) {
                for (EventDefinition definition : event.getEventDefinitions()) {
                    if (definition instanceof TimerEventDefinition timer && timer.getTimeDate() != null
                            && timer.getTimeDate().replace(" ", "").equals("${" + variable + "}")) {
                        elements.add(element.getId());
                    }
                }
            }
        }
        return engine().getManagementService().createTimerJobQuery().processInstanceId(instance.getId()).list().stream()
                .filter(job -> elements.contains(job.getElementId()))
                .map(Job.class::cast)
                .toList();
    }

    /** Sets the date variable on the instance and moves its pending timers on it; returns how many timers moved. */
    int moveTimers(ProcessInstance instance, String variable, Instant when) {
        engine().getRuntimeService().setVariable(instance.getId(), variable, Date.from(when));
        List<Job> jobs = timersOn(instance, variable);
        for (Job job : jobs) {
            engine().getManagementService().rescheduleTimeDateJob(job.getId(), when.toString());
        }
        return jobs.size();
    }

    // ------------------------------------------------------------------------------------------ dates

    static LocalDate day(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    static String dayText(Instant instant) {
        return DAY.format(day(instant));
    }

    /** The day before {@code end} begins, as people say "until": a period ending at 2025-03-01T00:00 runs until 2025-02-28. */
    static String untilText(Instant end) {
        return DAY.format(day(end.minusSeconds(1)));
    }

    // ------------------------------------------------------------------------------------------ notices

    void notify(List<String> recipients, NotificationKind kind, NominationEntity nomination, LocalizedText subject,
                LocalizedText body) {
        runtime.notifyAfterCommit(recipients.stream().distinct()
                .map(recipient -> new Notification(recipient, kind, nomination.getId(), nomination.getProgramCode(),
                        nomination.getTierCode(), subject, body))
                .toList());
    }
}
