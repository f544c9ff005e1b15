package org.tierflow.core.internal.credential;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.flowable.task.api.Task;
import org.hibernate.Session;
import org.tierflow.bpmn.TierFlowBpmn;
import org.tierflow.core.api.Credential;
import org.tierflow.core.api.CredentialService;
import org.tierflow.core.api.CredentialVerification;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.LifecyclePhase;
import org.tierflow.core.api.NotAuthorizedException;
import org.tierflow.core.api.NotFoundException;
import org.tierflow.core.api.OrganisationUnit;
import org.tierflow.core.api.TrainingProgress;
import org.tierflow.core.api.program.CredentialDefinition;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.api.program.ProgramDefinition;
import org.tierflow.core.api.program.ReviewAction;
import org.tierflow.core.api.program.TierDefinition;
import org.tierflow.core.internal.engine.TierFlowRuntime;
import org.tierflow.core.internal.persistence.CredentialEntity;
import org.tierflow.core.internal.persistence.CredentialRevocationEntity;
import org.tierflow.core.internal.persistence.LifecycleEntity;
import org.tierflow.core.internal.persistence.NominationEntity;
import org.tierflow.core.internal.persistence.NominationRecords;
import org.tierflow.core.internal.training.DefaultTrainingService;
import org.tierflow.core.internal.training.SelectedNominations;
import org.tierflow.core.spi.ApproverQuery;

/**
 * {@link CredentialService} on TierFlow's tables. Issue locks the nomination's row, so two concurrent issues
 * for one nomination cannot both succeed; a revocation is a row of its own, keyed by the credential.
 */
public final class DefaultCredentialService implements CredentialService {

    private static final int MAX_HOLDER_NAME = 200;
    private static final int MAX_REASON = 2000;
    private static final int NUMBER_ATTEMPTS = 5;

    private final TierFlowRuntime runtime;
    private final CredentialNumbers numbers = new CredentialNumbers();

    public DefaultCredentialService(TierFlowRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Credential issue(String nominationId, String actorId, String holderName) {
        String name = holderName == null || holderName.isBlank() ? null : holderName.strip();
        if (name != null && name.length() > MAX_HOLDER_NAME) {
            throw new InvalidRequestException("invalid-holder-name", new LocalizedText(
                    "holderName（持证人姓名）不能超过 " + MAX_HOLDER_NAME + " 个字符",
                    "holderName must be at most " + MAX_HOLDER_NAME + " characters"));
        }
        return runtime.inTransaction(() -> {
            Session session = session();
            NominationEntity nomination = SelectedNominations.find(new NominationRecords(runtime.persistence()), nominationId);
            ProgramDefinition program = program(nomination.getProgramCode());
            TierDefinition tier = tier(program, nomination.getTierCode());
            CredentialDefinition definition = tier.credential().orElseThrow(() -> new InvalidRequestException(
                    "no-credential", new LocalizedText("人才类别 “" + tier.name().zh() + "” 不颁发认定证书",
                    "the tier '" + tier.name().en() + "' awards no credential")));
            // A university candidate's credential may come from another level (credential.universityIssuingLevel).
            OrganisationLevel issuingLevel = definition.issuingLevelFor(
                    runtime.organisations.unit(nomination.getUnitId()).level());
            OrganisationUnit issuer = issuingUnit(nomination.getUnitId(), issuingLevel);
            authorize(actorId, nomination.getApplicantId(), program.code(), tier.code(), issuer.id(),
                    issuingLevel, new LocalizedText("颁发", "issue"));

            session.lock(nomination, LockModeType.PESSIMISTIC_WRITE);
            SelectedNominations.requireSelected(nomination, new LocalizedText("获颁认定证书", "be awarded a credential"));
            requireOutcomes(nomination, tier, definition);
            Optional<CredentialEntity> valid = validCredentialOf(nominationId);
            if (valid.isPresent()) {
                throw new InvalidRequestException("already-issued", new LocalizedText(
                        "申报 " + nominationId + " 已获颁有效的认定证书 " + valid.get().getNumber() + "；如需重新颁发，请先撤销",
                        "nomination " + nominationId + " already holds the valid credential " + valid.get().getNumber()
                                + "; revoke it before issuing another"));
            }

            Instant now = runtime.now();
            LocalDate today = SelectedNominations.day(now);
            CredentialEntity credential = new CredentialEntity();
            credential.setId(UUID.randomUUID().toString());
            credential.setNumber(freshNumber(program.code(), today.getYear()));
            credential.setNominationId(nominationId);
            credential.setProgramCode(program.code());
            credential.setTierCode(tier.code());
            credential.setHolderId(nomination.getApplicantId());
            credential.setHolderName(name);
            credential.setTitleZh(definition.title().zh());
            credential.setTitleEn(definition.title().en());
            credential.setTierNameZh(tier.name().zh());
            credential.setTierNameEn(tier.name().en());
            credential.setProgramNameZh(program.name().zh());
            credential.setProgramNameEn(program.name().en());
            credential.setIssuingUnitId(issuer.id());
            credential.setIssuingUnitNameZh(issuer.name().zh());
            credential.setIssuingUnitNameEn(issuer.name().en());
            credential.setIssuingLevel(issuingLevel);
            credential.setIssuedBy(actorId);
            credential.setIssuedAt(now);
            credential.setIssuedOn(today);
            session.persist(credential);
            session.flush();
            completeLifecycle(nominationId);
            return toCredential(credential, Optional.empty());
        });
    }

    /**
     * The outcome the tier's definition calls for before a credential: a passed acceptance when the tier has an
     * acceptance, a qualifying comprehensive evaluation when it has one, the tier's training hours, and the end of
     * the working period when the credential recognises a whole cycle. Names what is missing.
     */
    private void requireOutcomes(NominationEntity nomination, TierDefinition tier, CredentialDefinition credential) {
        LifecycleEntity lifecycle = session().get(LifecycleEntity.class, nomination.getId());
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        if (credential.afterWorkingPeriod()) {
            // Read from the life cycle's row (moved with the deadline), against the engine clock: the credential does
            // not wait for the timer job, only for the date.
            Instant end = lifecycle == null ? null : lifecycle.getWorkingPeriodEndsAt();
            if (end == null) {
                zh.add("工作期尚未开始");
                en.add("the working period has not started");
            } else if (runtime.now().isBefore(end)) {
                // The period ends at the start of its end day: its last day is the day before.
                LocalDate lastDay = SelectedNominations.day(end.minusSeconds(1));
                zh.add("工作期至 " + lastDay + " 结束，之后才能认定");
                en.add("the working period runs until " + lastDay + " and must end first");
            }
        }
        if (tier.acceptance().isPresent() && (lifecycle == null || !Boolean.TRUE.equals(lifecycle.getAcceptancePassed()))) {
            zh.add("考核验收尚未通过");
            en.add("the acceptance has not passed");
        }
        if (tier.evaluation().isPresent() && (lifecycle == null || !Boolean.TRUE.equals(lifecycle.getEvaluationQualified()))) {
            zh.add("综合考评尚未合格");
            en.add("the comprehensive evaluation has not qualified the candidate");
        }
        if (tier.training().isPresent()) {
            // The tier's training minimums (e.g. ≥ 20 centralised and ≥ 48 online class hours) are a condition of
            // the credential, counted as the training service counts them.
            TrainingProgress training = new DefaultTrainingService(runtime).progress(nomination.getId());
            if (!training.met()) {
                zh.add("培训学时尚未达到要求（" + String.join("、", training.missing().stream().map(LocalizedText::zh).toList()) + "）");
                en.add("the training hours are not complete (" + String.join(", ", training.missing().stream()
                        .map(LocalizedText::en).toList()) + ")");
            }
        }
        if (!zh.isEmpty()) {
            throw new InvalidRequestException("outcome-missing", new LocalizedText(
                    "申报 " + nomination.getId() + " 还不能获颁认定证书：" + String.join("，", zh)
                            + (lifecycle == null ? "" : "（当前环节：" + lifecycle.getPhase() + "）"),
                    "nomination " + nomination.getId() + " cannot be awarded a credential yet: " + String.join(" and ", en)
                            + (lifecycle == null ? "" : " (phase: " + lifecycle.getPhase() + ")")));
        }
    }

    /** The life cycle's issue task is done, and the life cycle is complete. */
    private void completeLifecycle(String nominationId) {
        Task task = runtime.engine().getTaskService().createTaskQuery().processInstanceBusinessKey(nominationId)
                .taskDefinitionKey(TierFlowBpmn.TASK_ISSUE_CREDENTIAL).singleResult();
        if (task != null) {
            runtime.engine().getTaskService().complete(task.getId());
        }
        LifecycleEntity lifecycle = session().get(LifecycleEntity.class, nominationId);
        if (lifecycle != null) {
            lifecycle.setPhase(LifecyclePhase.COMPLETED.name());
            lifecycle.setUpdatedAt(runtime.now());
        }
    }

    @Override
    public Optional<CredentialVerification> verify(String number) {
        String normalised = CredentialNumbers.normalise(number);
        if (normalised.isEmpty()) {
            return Optional.empty();
        }
        return runtime.inTransaction(() -> byNumber(normalised).map(entity -> {
            Credential credential = toCredential(entity, revocationOf(entity.getId()));
            return new CredentialVerification(credential.number(), credential.holderId(), credential.holderName(),
                    credential.title(), credential.tierName(), credential.programName(), credential.issuingUnitName(),
                    credential.issuedOn(), credential.status(),
                    credential.revocation().map(Credential.Revocation::reason).orElse(null),
                    credential.revocation().map(Credential.Revocation::revokedOn).orElse(null));
        }));
    }

    @Override
    public Credential revoke(String number, String reason, String actorId) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("reason-required", new LocalizedText(
                    "撤销认定证书必须填写理由（reason）", "a reason is required to revoke a credential"));
        }
        if (reason.length() > MAX_REASON) {
            throw new InvalidRequestException("reason-too-long", new LocalizedText(
                    "撤销理由（reason）不能超过 " + MAX_REASON + " 个字符", "the reason must be at most " + MAX_REASON + " characters"));
        }
        return runtime.inTransaction(() -> {
            CredentialEntity credential = byNumber(CredentialNumbers.normalise(number)).orElseThrow(() -> notFound(number));
            authorize(actorId, credential.getHolderId(), credential.getProgramCode(), credential.getTierCode(),
                    credential.getIssuingUnitId(), credential.getIssuingLevel(), new LocalizedText("撤销", "revoke"));
            Optional<CredentialRevocationEntity> earlier = revocationOf(credential.getId());
            if (earlier.isPresent()) {
                throw new InvalidRequestException("already-revoked", new LocalizedText(
                        "认定证书 " + credential.getNumber() + " 已于 " + earlier.get().getRevokedOn() + " 撤销",
                        "credential " + credential.getNumber() + " was already revoked on " + earlier.get().getRevokedOn()));
            }
            Instant now = runtime.now();
            CredentialRevocationEntity revocation = new CredentialRevocationEntity();
            revocation.setCredentialId(credential.getId());
            revocation.setReason(reason.strip());
            revocation.setRevokedBy(actorId);
            revocation.setRevokedAt(now);
            revocation.setRevokedOn(SelectedNominations.day(now));
            session().persist(revocation);
            session().flush();
            return toCredential(credential, Optional.of(revocation));
        });
    }

    @Override
    public List<Credential> ofNomination(String nominationId) {
        return runtime.inTransaction(() -> {
            SelectedNominations.find(new NominationRecords(runtime.persistence()), nominationId);
            return credentialsOf(nominationId).stream()
                    .map(c -> toCredential(c, revocationOf(c.getId())))
                    .toList();
        });
    }

    @Override
    public String renderPrintable(String number, Locale locale) {
        Credential credential = runtime.inTransaction(() -> {
            CredentialEntity entity = byNumber(CredentialNumbers.normalise(number)).orElseThrow(() -> notFound(number));
            return toCredential(entity, revocationOf(entity.getId()));
        });
        return CertificatePage.render(credential, locale);
    }

    /**
     * Refuses unless the directory lets the actor act for the issuing unit (asked as the deciding action at the
     * issuing level), and the actor is not the holder.
     */
    private void authorize(String actorId, String holderId, String programCode, String tierCode, String unitId,
                           OrganisationLevel level, LocalizedText what) {
        if (actorId == null || actorId.isBlank()) {
            throw new NotAuthorizedException(new LocalizedText("未指明操作人，不能" + what.zh() + "认定证书",
                    "no actor given; nobody may " + what.en() + " a credential anonymously"));
        }
        if (actorId.equals(holderId)) {
            throw new NotAuthorizedException(new LocalizedText("不能为自己" + what.zh() + "认定证书",
                    "nobody may " + what.en() + " their own credential"));
        }
        ApproverQuery query = new ApproverQuery(programCode, tierCode, unitId, level, ReviewAction.DECIDE);
        if (!runtime.approvers.mayAct(actorId, query)) {
            throw new NotAuthorizedException(new LocalizedText(
                    "用户 " + actorId + " 无权代表单位 " + unitId + "（" + level.label().zh() + "级）" + what.zh() + "认定证书",
                    "user " + actorId + " may not " + what.en() + " credentials for unit " + unitId + " ("
                            + level.label().en() + " level)"));
        }
    }

    private OrganisationUnit issuingUnit(String candidateUnitId, OrganisationLevel level) {
        return runtime.organisations.ancestorAt(candidateUnitId, level).orElseThrow(() -> new InvalidRequestException(
                "no-unit-at-level", new LocalizedText(
                "组织机构树中单位 “" + candidateUnitId + "” 之上没有" + level.label().zh() + "级单位，无法确定发证单位",
                "the organisation tree has no " + level.label().en() + " above unit '" + candidateUnitId
                        + "' to issue the credential")));
    }

    private String freshNumber(String programCode, int year) {
        for (int attempt = 0; attempt < NUMBER_ATTEMPTS; attempt++) {
            String candidate = numbers.next(programCode, year);
            if (byNumber(candidate).isEmpty()) {
                return candidate;
            }
        }
        throw new IllegalStateException("no unused credential number after " + NUMBER_ATTEMPTS + " attempts");
    }

    private ProgramDefinition program(String code) {
        return runtime.programs.find(code).orElseThrow(() -> new InvalidRequestException("unknown-program",
                new LocalizedText("没有代码为 “" + code + "” 的培养方案", "no program with the code '" + code + "'")));
    }

    private static TierDefinition tier(ProgramDefinition program, String tierCode) {
        return program.tier(tierCode).orElseThrow(() -> new InvalidRequestException("unknown-tier", new LocalizedText(
                "培养方案 “" + program.code() + "” 中没有人才类别 “" + tierCode + "”",
                "program '" + program.code() + "' has no tier '" + tierCode + "'")));
    }

    private Optional<CredentialEntity> byNumber(String number) {
        return session().createSelectionQuery("from CredentialEntity c where c.number = :number", CredentialEntity.class)
                .setParameter("number", number)
                .uniqueResultOptional();
    }

    private List<CredentialEntity> credentialsOf(String nominationId) {
        return session().createSelectionQuery(
                        "from CredentialEntity c where c.nominationId = :id order by c.issuedAt, c.id", CredentialEntity.class)
                .setParameter("id", nominationId)
                .getResultList();
    }

    private Optional<CredentialEntity> validCredentialOf(String nominationId) {
        return session().createSelectionQuery("from CredentialEntity c where c.nominationId = :id and not exists "
                        + "(from CredentialRevocationEntity r where r.credentialId = c.id)", CredentialEntity.class)
                .setParameter("id", nominationId)
                .setMaxResults(1)
                .uniqueResultOptional();
    }

    private Optional<CredentialRevocationEntity> revocationOf(String credentialId) {
        return Optional.ofNullable(session().get(CredentialRevocationEntity.class, credentialId));
    }

    private static NotFoundException notFound(String number) {
        return new NotFoundException(new LocalizedText("没有编号为 “" + number + "” 的认定证书",
                "no credential with the number '" + number + "'"));
    }

    private static Credential toCredential(CredentialEntity c, Optional<CredentialRevocationEntity> revocation) {
        return new Credential(c.getNumber(), c.getNominationId(), c.getProgramCode(), c.getTierCode(), c.getHolderId(),
                c.getHolderName(), new LocalizedText(c.getTitleZh(), c.getTitleEn()),
                new LocalizedText(c.getTierNameZh(), c.getTierNameEn()),
                new LocalizedText(c.getProgramNameZh(), c.getProgramNameEn()), c.getIssuingUnitId(),
                new LocalizedText(c.getIssuingUnitNameZh(), c.getIssuingUnitNameEn()), c.getIssuingLevel(),
                c.getIssuedBy(), c.getIssuedAt(), c.getIssuedOn(),
                revocation.map(r -> new Credential.Revocation(r.getReason(), r.getRevokedBy(), r.getRevokedAt(),
                        r.getRevokedOn())));
    }

    private Session session() {
        return runtime.persistence().currentSession();
    }
}
