package org.tierflow.core.internal.engine;

import static org.tierflow.bpmn.TierFlowBpmn.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;
import org.tierflow.core.api.EligibilityFailure;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationService;
import org.tierflow.core.api.NominationState;
import org.tierflow.core.api.NominationSubmission;
import org.tierflow.core.api.NotAuthorizedException;
import org.tierflow.core.api.NotEligibleException;
import org.tierflow.core.api.OrganisationUnit;
import org.tierflow.core.api.TimelineEntry;
import org.tierflow.core.api.TimelineEntryType;
import org.tierflow.core.api.program.ApplicationFact;
import org.tierflow.core.api.program.FactType;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.ProgramDefinition;
import org.tierflow.core.api.program.ReviewChain;
import org.tierflow.core.api.program.TierDefinition;
import org.tierflow.core.internal.persistence.JsonCodec;
import org.tierflow.core.internal.persistence.NominationEntity;
import org.tierflow.core.internal.persistence.RecordMapper;
import org.tierflow.core.spi.NominationEventType;
import org.tierflow.core.spi.NotificationKind;

/** {@link NominationService} on the engine: each call is one engine command, so one transaction. */
public final class DefaultNominationService implements NominationService {

    private final TierFlowRuntime runtime;
    private final EligibilityEvaluator eligibility;
    private final Events events;
    private final Notifications notifications;
    private final NominationReadAccess readAccess;
    private final CandidateRules candidates;

    public DefaultNominationService(TierFlowRuntime runtime) {
        this.runtime = runtime;
        this.readAccess = new NominationReadAccess(runtime);
        this.eligibility = new EligibilityEvaluator(runtime.eligibilityChecks);
        this.events = new Events(runtime);
        this.notifications = new Notifications(runtime);
        this.candidates = new CandidateRules(runtime);
    }

    @Override
    public Nomination submit(NominationSubmission submission) {
        ProgramDefinition program = runtime.program(submission.programCode());
        TierDefinition tier = runtime.tier(submission.programCode(), submission.tierCode());
        OrganisationUnit unit = runtime.organisations.findUnit(submission.unitId()).orElseThrow(() ->
                new InvalidRequestException("unknown-unit", new LocalizedText(
                        "组织机构中没有单位 “" + submission.unitId() + "”", "no organisation unit '" + submission.unitId() + "'")));
        ReviewChain chain = tier.chainFor(unit.level());
        if (chain.entryLevel() != unit.level()) {
            throw new InvalidRequestException("wrong-entry-level", new LocalizedText(
                    "“" + tier.name().zh() + "”只接受" + chain.entryLevel().label().zh() + "的申报，单位 “" + unit.id() + "” 是"
                            + unit.level().label().zh(),
                    "'" + tier.name().en() + "' takes nominations from a " + chain.entryLevel().label().en()
                            + "; unit '" + unit.id() + "' is a " + unit.level().label().en()));
        }
        candidates.check(tier, unit, submission);
        requireDeclaredFacts(tier, submission.facts());
        List<EligibilityFailure> failures = eligibility.evaluate(program, tier, submission);
        if (!failures.isEmpty()) {
            throw new NotEligibleException(failures);
        }
        return runtime.inTransaction(() -> {
            NominationEntity nomination = new NominationEntity();
            nomination.setId(UUID.randomUUID().toString());
            nomination.setProgramCode(program.code());
            nomination.setTierCode(tier.code());
            nomination.setApplicantId(submission.applicantId());
            nomination.setUnitId(unit.id());
            nomination.setState(NominationState.IN_REVIEW);
            nomination.setStepIndex(0);
            nomination.setCurrentLevel(chain.steps().get(0).level());
            nomination.setFactsJson(JsonCodec.write(submission.facts()));
            nomination.setSubmittedAt(runtime.now());
            nomination.setUpdatedAt(runtime.now());
            nomination.setCandidateKind(tier.candidateKind());
            nomination.setProjectTitle(submission.projectTitle());
            runtime.records().insert(nomination);
            candidates.holdSchoolPlace(nomination, tier, runtime.persistence().currentSession());
            runtime.records().append(nomination.getId(), TimelineEntryType.SUBMITTED, 0, unit.level(), null, unit.id(),
                    submission.applicantId(), null, submission.attachments(), Map.of(), runtime.now());
            events.publish(NominationEventType.SUBMITTED, nomination, unit.level(), unit.id(), submission.applicantId(), null);

            Map<String, Object> variables = new HashMap<>();
            variables.put(VAR_NOMINATION_ID, nomination.getId());
            variables.put(VAR_PROGRAM_CODE, program.code());
            variables.put(VAR_TIER_CODE, tier.code());
            variables.put(VAR_APPLICANT_ID, submission.applicantId());
            ProcessInstance instance = runtime.engine().getRuntimeService().createProcessInstanceBuilder()
                    .processDefinitionKey(NOMINATION_PROCESS)
                    .businessKey(nomination.getId())
                    .variables(variables)
                    .start();
            nomination.setProcessInstanceId(instance.getId());
            return RecordMapper.INSTANCE.toNomination(nomination);
        });
    }

    @Override
    public Nomination resubmit(String nominationId, String applicantId, Map<String, Object> correctedFacts, String comment) {
        return runtime.inTransaction(() -> {
            NominationEntity nomination = runtime.nomination(nominationId);
            requireApplicant(nomination, applicantId);
            if (nomination.getState() != NominationState.RETURNED_FOR_CORRECTION) {
                throw new InvalidRequestException("not-returned", new LocalizedText(
                        "申报 " + nominationId + " 未被退回修改，当前状态：" + nomination.getState(),
                        "nomination " + nominationId + " was not returned for correction; it is " + nomination.getState()));
            }
            Map<String, Object> facts = new HashMap<>(JsonCodec.readMap(nomination.getFactsJson()));
            if (correctedFacts != null) {
                facts.putAll(correctedFacts);
            }
            NominationSubmission corrected = new NominationSubmission(nomination.getProgramCode(),
                    nomination.getTierCode(), applicantId, nomination.getUnitId(), facts, List.of(),
                    nomination.getProjectTitle());
            TierDefinition tier = runtime.tier(nomination.getProgramCode(), nomination.getTierCode());
            requireDeclaredFacts(tier, facts);
            List<EligibilityFailure> failures = eligibility.evaluate(runtime.program(nomination.getProgramCode()), tier, corrected);
            if (!failures.isEmpty()) {
                throw new NotEligibleException(failures);
            }
            Task correction = runtime.engine().getTaskService().createTaskQuery()
                    .processInstanceId(nomination.getProcessInstanceId())
                    .taskDefinitionKey(TASK_CORRECT_NOMINATION)
                    .singleResult();
            if (correction == null) {
                throw new IllegalStateException("nomination " + nominationId + " is returned but has no correction task");
            }
            nomination.setFactsJson(JsonCodec.write(facts));
            nomination.setState(NominationState.IN_REVIEW);
            nomination.setUpdatedAt(runtime.now());
            runtime.records().append(nominationId, TimelineEntryType.RESUBMITTED, nomination.getStepIndex(),
                    nomination.getCurrentLevel(), null, nomination.getUnitId(), applicantId, comment, List.of(),
                    correctedFacts == null ? Map.of() : correctedFacts, runtime.now());
            events.publish(NominationEventType.RESUBMITTED, nomination, nomination.getCurrentLevel(),
                    nomination.getUnitId(), applicantId, comment);
            runtime.engine().getTaskService().complete(correction.getId());
            return RecordMapper.INSTANCE.toNomination(nomination);
        });
    }

    @Override
    public Nomination withdraw(String nominationId, String applicantId, String reason) {
        return runtime.inTransaction(() -> {
            NominationEntity nomination = runtime.nomination(nominationId);
            requireApplicant(nomination, applicantId);
            runtime.pendingBatches().refuseIfNominationPending(nominationId);
            boolean open = nomination.getState() == NominationState.IN_REVIEW
                    || nomination.getState() == NominationState.RETURNED_FOR_CORRECTION;
            if (!open || runtime.records().hasHumanDecision(nominationId)) {
                throw new InvalidRequestException("already-decided", new LocalizedText(
                        "已有审核单位作出决定，申报 " + nominationId + " 不能再撤回",
                        "a level has already decided on nomination " + nominationId + "; it can no longer be withdrawn"));
            }
            runtime.engine().getRuntimeService().deleteProcessInstance(nomination.getProcessInstanceId(), "withdrawn: " + reason);
            nomination.setState(NominationState.WITHDRAWN);
            nomination.setCandidateKey(null);
            nomination.setUpdatedAt(runtime.now());
            runtime.records().append(nominationId, TimelineEntryType.WITHDRAWN, nomination.getStepIndex(),
                    nomination.getCurrentLevel(), null, nomination.getUnitId(), applicantId, reason, List.of(), Map.of(),
                    runtime.now());
            events.publish(NominationEventType.WITHDRAWN, nomination, nomination.getCurrentLevel(),
                    nomination.getUnitId(), applicantId, reason);
            notifications.toApplicant(NotificationKind.WITHDRAWN, nomination, reason);
            return RecordMapper.INSTANCE.toNomination(nomination);
        });
    }

    @Override
    public Nomination get(String nominationId) {
        return runtime.inTransaction(() -> RecordMapper.INSTANCE.toNomination(runtime.nomination(nominationId)));
    }

    @Override
    public List<TimelineEntry> timeline(String nominationId) {
        return runtime.inTransaction(() -> {
            runtime.nomination(nominationId);
            return RecordMapper.INSTANCE.toTimeline(runtime.records().history(nominationId));
        });
    }

    @Override
    public Nomination get(String nominationId, String actorId) {
        return runtime.inTransaction(() -> {
            NominationEntity nomination = runtime.nomination(nominationId);
            readAccess.requireMayRead(nomination, actorId);
            return RecordMapper.INSTANCE.toNomination(nomination);
        });
    }

    @Override
    public List<TimelineEntry> timeline(String nominationId, String actorId) {
        return runtime.inTransaction(() -> {
            readAccess.requireMayRead(runtime.nomination(nominationId), actorId);
            return RecordMapper.INSTANCE.toTimeline(runtime.records().history(nominationId));
        });
    }

    /** Every fact must be one the tier's form asks for, of the declared type; all problems are named at once. */
    private static void requireDeclaredFacts(TierDefinition tier, Map<String, Object> facts) {
        Map<String, ApplicationFact> declared = new HashMap<>();
        tier.facts().forEach(f -> declared.put(f.code(), f));
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        facts.forEach((code, value) -> {
            ApplicationFact fact = declared.get(code);
            if (fact == null) {
                zh.add("“" + code + "”不是该类别申报表中的项目");
                en.add("'" + code + "' is not on this tier's application form");
            } else if (value != null && !hasType(value, fact.type())) {
                zh.add("“" + code + "”（" + fact.name().zh() + "）应为" + typeZh(fact.type()) + "，实际为“" + value + "”");
                en.add("'" + code + "' (" + fact.name().en() + ") must be " + fact.type().name().toLowerCase() + ", got '" + value + "'");
            }
        });
        if (!zh.isEmpty()) {
            throw new InvalidRequestException("invalid-facts", new LocalizedText(
                    String.join("；", zh) + "。可填写：" + declared.keySet(),
                    String.join("; ", en) + ". The form asks for: " + declared.keySet()));
        }
    }

    private static boolean hasType(Object value, FactType type) {
        return switch (type) {
            case NUMBER -> value instanceof Number;
            case BOOLEAN -> value instanceof Boolean;
            case TEXT -> value instanceof CharSequence;
        };
    }

    private static String typeZh(FactType type) {
        return switch (type) {
            case NUMBER -> "数字";
            case BOOLEAN -> "是/否";
            case TEXT -> "文字";
        };
    }

    /** The applicant; for a school or a project also any approver of the applying unit. */
    private void requireApplicant(NominationEntity nomination, String applicantId) {
        if (!nomination.getApplicantId().equals(applicantId) && !candidates.mayActForUnit(applicantId, nomination)) {
            throw new NotAuthorizedException(new LocalizedText(
                    "只有申请人本人可以操作申报 " + nomination.getId(),
                    "only the applicant may act on nomination " + nomination.getId()));
        }
    }
}
