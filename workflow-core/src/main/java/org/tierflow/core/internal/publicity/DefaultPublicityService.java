package org.tierflow.core.internal.publicity;

import static org.tierflow.bpmn.TierFlowBpmn.PUBLICITY_PROCESS;
import static org.tierflow.bpmn.TierFlowBpmn.VAR_PUBLICATION_ID;
import static org.tierflow.bpmn.TierFlowBpmn.VAR_PUBLICITY_ENDS_AT;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.flowable.engine.runtime.ProcessInstance;
import org.hibernate.Session;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationState;
import org.tierflow.core.api.NotAuthorizedException;
import org.tierflow.core.api.NotFoundException;
import org.tierflow.core.api.Objection;
import org.tierflow.core.api.ObjectionOutcome;
import org.tierflow.core.api.ObjectionResolution;
import org.tierflow.core.api.OrganisationUnit;
import org.tierflow.core.api.Publication;
import org.tierflow.core.api.PublicityEntry;
import org.tierflow.core.api.PublicityEntryStatus;
import org.tierflow.core.api.PublicityExportFormat;
import org.tierflow.core.api.PublicityService;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.api.program.ReviewAction;
import org.tierflow.core.api.program.ReviewChain;
import org.tierflow.core.api.program.TierDefinition;
import org.tierflow.core.internal.selection.QuotaLedger;
import org.tierflow.core.spi.ApproverQuery;

/**
 * {@link PublicityService} on the engine: each call is one engine command, so one transaction. Every change to a
 * publication locks its row first ({@code select ... for update}), so an objection, its resolution and the timer
 * closing the publication never interleave, on any number of nodes.
 */
public final class DefaultPublicityService implements PublicityService {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PublicityContext context;

    public DefaultPublicityService(PublicityContext context) {
        this.context = context;
    }

    // ------------------------------------------------------------------------------------------------ publish

    @Override
    public Publication publish(String programCode, String tierCode, String unitId, String actorId) {
        TierDefinition tier = tier(programCode, tierCode);
        OrganisationUnit unit = unit(unitId);
        requireDecidingLevel(tier, unit);
        if (!mayDecide(actorId, programCode, tierCode, unit.id(), unit.level())) {
            throw new NotAuthorizedException(new LocalizedText(
                    "用户 " + actorId + " 无权代表单位 " + unitId + "（" + unit.level().label().zh() + "级）公示入选名单",
                    "user " + actorId + " may not publish the selected candidates of unit " + unitId + " ("
                            + unit.level().label().en() + " level)"));
        }
        return context.transactions().inTransaction(() -> {
            Instant now = context.clock().get();
            // The unit's quota row serialises publications of the unit: two at once cannot publish a candidate twice.
            context.quotas().lock(programCode, tier, List.of(context.quotas().rowKey(tier, unit)));
            session().flush();
            Long open = session().createSelectionQuery(
                            "select count(r) from SelectionRoundEntity r where r.programCode = :program"
                                    + " and r.tierCode = :tier and r.unitId = :unit and r.level = :level"
                                    + " and r.opensAt <= :now and r.closesAt > :now", Long.class)
                    .setParameter("program", programCode).setParameter("tier", tierCode)
                    .setParameter("unit", unitId).setParameter("level", unit.level()).setParameter("now", now)
                    .getSingleResult();
            if (open > 0) {
                throw new InvalidRequestException("round-still-open", new LocalizedText(
                        "单位 “" + unitId + "” 仍有未结束的遴选批次，遴选结果尚未最终确定，不能公示",
                        "unit '" + unitId + "' still has an open selection round: its selection is not final yet and"
                                + " cannot be published"));
            }
            List<String> candidates = unpublishedSelections(programCode, tier, unit);
            if (candidates.isEmpty()) {
                throw new InvalidRequestException("nothing-to-publish", new LocalizedText(
                        "单位 “" + unitId + "” 在“" + tier.name().zh() + "”中没有待公示的入选人选",
                        "unit '" + unitId + "' has no selected candidate of '" + tier.name().en()
                                + "' left to publish"));
            }
            return toPublication(open(programCode, tierCode, unit, candidates, actorId, null));
        });
    }

    /** Creates a publication of these nominations, starting now, and starts its timer process. */
    private PublicationEntity open(String programCode, String tierCode, OrganisationUnit unit, List<String> nominationIds,
                                   String actorId, String replaces) {
        Instant now = context.clock().get();
        PublicationEntity publication = new PublicationEntity();
        publication.setId(UUID.randomUUID().toString());
        publication.setProgramCode(programCode);
        publication.setTierCode(tierCode);
        publication.setUnitId(unit.id());
        publication.setLevel(unit.level());
        publication.setWorkingDays(context.workingDays());
        publication.setStartsAt(now);
        publication.setEndsAt(context.calendar().endOfPeriod(now, context.workingDays()));
        publication.setPublishedBy(actorId);
        publication.setReplacesNominationId(replaces);
        session().persist(publication);
        int position = 1;
        for (String nominationId : nominationIds) {
            PublicityEntryEntity entry = new PublicityEntryEntity();
            entry.setId(UUID.randomUUID().toString());
            entry.setPublicationId(publication.getId());
            entry.setNominationId(nominationId);
            entry.setPosition(position++);
            entry.setStatus(PublicityEntryStatus.PUBLISHED);
            session().persist(entry);
        }
        session().flush();
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_PUBLICATION_ID, publication.getId());
        variables.put(VAR_PUBLICITY_ENDS_AT, Date.from(publication.getEndsAt()));
        ProcessInstance process = context.engine().get().getRuntimeService()
                .startProcessInstanceByKey(PUBLICITY_PROCESS, publication.getId(), variables);
        publication.setProcessInstanceId(process.getId());
        return publication;
    }

    /**
     * The tier's nominations the unit selected at its deciding step, still selected and not yet published, in
     * submission order.
     */
    private List<String> unpublishedSelections(String programCode, TierDefinition tier, OrganisationUnit unit) {
        List<Object[]> rows = session().createSelectionQuery(
                        "select n.id, n.unitId from NominationEntity n where n.programCode = :program"
                                + " and n.tierCode = :tier and n.state = :state"
                                + " and n.id not in (select e.nominationId from PublicityEntryEntity e)"
                                + " order by n.submittedAt, n.id", Object[].class)
                .setParameter("program", programCode)
                .setParameter("tier", tier.code())
                .setParameter("state", NominationState.SELECTED)
                .getResultList();
        List<String> selected = new ArrayList<>();
        for (Object[] row : rows) {
            String applicantUnitId = (String) row[1];
            Optional<OrganisationUnit> applicantUnit = context.organisations().findUnit(applicantUnitId);
            if (applicantUnit.isEmpty()) {
                continue;
            }
            ReviewChain chain = tier.chainFor(applicantUnit.get().level());
            boolean decidedHere = chain.steps().stream()
                    .anyMatch(step -> step.action() == ReviewAction.DECIDE && step.level() == unit.level())
                    && (applicantUnitId.equals(unit.id()) || context.organisations().ancestorAt(applicantUnitId, unit.level())
                    .map(OrganisationUnit::id).filter(unit.id()::equals).isPresent());
            if (decidedHere) {
                selected.add((String) row[0]);
            }
        }
        return selected;
    }

    // ------------------------------------------------------------------------------------------------ read

    @Override
    public Publication publication(String publicationId) {
        return context.transactions().inTransaction(() -> toPublication(publicationEntity(publicationId, false)));
    }

    @Override
    public List<Publication> publications(String programCode, String tierCode) {
        tier(programCode, tierCode);
        return context.transactions().inTransaction(() -> session().createSelectionQuery(
                        "from PublicationEntity p where p.programCode = :program and p.tierCode = :tier"
                                + " order by p.startsAt desc, p.id", PublicationEntity.class)
                .setParameter("program", programCode)
                .setParameter("tier", tierCode)
                .getResultList().stream().map(this::toPublication).toList());
    }

    // ------------------------------------------------------------------------------------------------ objections

    @Override
    public Objection fileObjection(String publicationId, String nominationId, String objectorId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("reason-required", new LocalizedText(
                    "提出异议必须写明理由", "an objection needs a reason"));
        }
        return context.transactions().inTransaction(() -> {
            PublicationEntity publication = publicationEntity(publicationId, true);
            ApproverQuery publisher = new ApproverQuery(publication.getProgramCode(), publication.getTierCode(),
                    publication.getUnitId(), publication.getLevel(), ReviewAction.DECIDE);
            if (!context.approvers().mayObject(objectorId, publisher)) {
                throw new NotAuthorizedException(new LocalizedText(
                        "用户 " + objectorId + " 无权对单位 " + publication.getUnitId() + " 的公示提出异议",
                        "user " + objectorId + " may not object to the publicity of unit " + publication.getUnitId()));
            }
            Instant now = context.clock().get();
            if (now.isBefore(publication.getStartsAt()) || !now.isBefore(publication.getEndsAt())) {
                throw new InvalidRequestException("publicity-closed", new LocalizedText(
                        "公示期为 " + shown(publication.getStartsAt()) + " 至 " + shown(publication.getEndsAt()) + "（"
                                + zone() + "），现在 " + shown(now) + " 不在公示期内，不能再提出异议",
                        "the publicity runs from " + shown(publication.getStartsAt()) + " to "
                                + shown(publication.getEndsAt()) + " (" + zone() + "); it is now " + shown(now)
                                + ", outside the period, so no objection can be filed"));
            }
            PublicityEntryEntity entry = entry(publicationId, nominationId);
            if (entry == null || entry.getStatus() != PublicityEntryStatus.PUBLISHED) {
                throw new InvalidRequestException("not-published", new LocalizedText(
                        "申报 " + nominationId + " 不在公示 " + publicationId + " 的名单中"
                                + (entry == null ? "" : "（已" + entry.getStatus().label().zh() + "）"),
                        "nomination " + nominationId + " is not on the list of publication " + publicationId
                                + (entry == null ? "" : " (it is " + entry.getStatus().label().en() + ")")));
            }
            ObjectionEntity objection = new ObjectionEntity();
            objection.setId(UUID.randomUUID().toString());
            objection.setPublicationId(publicationId);
            objection.setNominationId(nominationId);
            objection.setObjectorId(objectorId);
            objection.setReason(reason);
            objection.setFiledAt(now);
            session().persist(objection);
            return toObjection(objection);
        });
    }

    @Override
    public List<Objection> objections(String publicationId, String userId) {
        return context.transactions().inTransaction(() -> {
            PublicationEntity publication = publicationEntity(publicationId, false);
            requireReviewer(publication, userId, null);
            return objectionsOf(publicationId).stream().map(DefaultPublicityService::toObjection).toList();
        });
    }

    @Override
    public ObjectionResolution resolveObjection(String objectionId, String reviewerId, ObjectionOutcome outcome,
                                                String reason) {
        if (outcome == null) {
            throw new InvalidRequestException("outcome-required", new LocalizedText(
                    "处理异议必须给出结论：UPHELD（异议成立）或 DISMISSED（异议不成立）",
                    "resolving an objection needs an outcome: UPHELD or DISMISSED"));
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("reason-required", new LocalizedText(
                    "处理异议必须写明理由", "resolving an objection needs a reason"));
        }
        return context.transactions().inTransaction(() -> {
            ObjectionEntity objection = objectionId == null ? null : session().find(ObjectionEntity.class, objectionId);
            if (objection == null) {
                throw new NotFoundException(new LocalizedText("找不到异议 " + objectionId, "no objection " + objectionId));
            }
            PublicationEntity publication = publicationEntity(objection.getPublicationId(), true);
            session().refresh(objection);
            Nomination candidate = context.nominations().get(objection.getNominationId());
            requireReviewer(publication, reviewerId, candidate);
            if (objection.getOutcome() != null) {
                throw new InvalidRequestException("already-resolved", new LocalizedText(
                        "异议 " + objectionId + " 已由 " + objection.getResolvedBy() + " 处理（" + outcomeZh(objection.getOutcome())
                                + "），不能再次处理",
                        "objection " + objectionId + " was already resolved by " + objection.getResolvedBy() + " ("
                                + objection.getOutcome() + ")"));
            }
            Instant now = context.clock().get();
            resolve(objection, outcome, reason, reviewerId, now);
            Optional<Nomination> promoted = Optional.empty();
            Optional<Publication> promotedPublication = Optional.empty();
            if (outcome == ObjectionOutcome.UPHELD) {
                PublicityEntryEntity entry = entry(publication.getId(), objection.getNominationId());
                entry.setStatus(PublicityEntryStatus.REMOVED);
                entry.setDecidedAt(now);
                for (ObjectionEntity other : objectionsOf(publication.getId())) {
                    if (other.getOutcome() == null && other.getNominationId().equals(objection.getNominationId())) {
                        resolve(other, ObjectionOutcome.UPHELD, "与异议 " + objectionId + " 一并处理：" + reason
                                + " / resolved together with objection " + objectionId, reviewerId, now);
                    }
                }
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("publicationId", publication.getId());
                data.put("objectionId", objectionId);
                data.put("removedAfterObjection", true);
                String removed = objection.getNominationId();
                context.steps().removeAfterObjection(removed, reviewerId,
                        "公示异议成立：" + reason + " / objection upheld: " + reason, data);
                promoted = context.selection().releaseAndPromote(removed, publication.getUnitId(), publication.getLevel(),
                        reviewerId, reason, "递补：替代公示异议成立被取消入选的申报 " + removed
                                + " / waitlist promotion replacing nomination " + removed
                                + " removed after an upheld objection");
                if (promoted.isPresent() && promoted.get().state() == NominationState.SELECTED) {
                    OrganisationUnit unit = unit(publication.getUnitId());
                    promotedPublication = Optional.of(toPublication(open(publication.getProgramCode(),
                            publication.getTierCode(), unit, List.of(promoted.get().id()), null, removed)));
                }
            }
            if (!now.isBefore(publication.getEndsAt())) {
                confirmDue(publication, now);
            }
            return new ObjectionResolution(toObjection(objection), toPublication(publication), promoted,
                    promotedPublication);
        });
    }

    private static void resolve(ObjectionEntity objection, ObjectionOutcome outcome, String reason, String reviewerId,
                                Instant now) {
        objection.setOutcome(outcome);
        objection.setResolution(reason);
        objection.setResolvedBy(reviewerId);
        objection.setResolvedAt(now);
    }

    // ------------------------------------------------------------------------------------------------ closing

    @Override
    public Publication close(String publicationId, String actorId) {
        return context.transactions().inTransaction(() -> {
            PublicationEntity publication = publicationEntity(publicationId, true);
            requireReviewer(publication, actorId, null);
            Instant now = context.clock().get();
            if (now.isBefore(publication.getEndsAt())) {
                throw new InvalidRequestException("publicity-not-over", new LocalizedText(
                        "公示期到 " + shown(publication.getEndsAt()) + "（" + zone() + "）才结束，现在是 " + shown(now)
                                + "，尚不能确认人选",
                        "the publicity runs until " + shown(publication.getEndsAt()) + " (" + zone() + "); it is now "
                                + shown(now) + ", too early to confirm candidates"));
            }
            confirmDue(publication, now);
            return toPublication(publication);
        });
    }

    /** Called by the publicity process's timer when the period has ended: confirms what can be confirmed. */
    void closeWhenDue(String publicationId) {
        context.transactions().inTransaction(() -> {
            PublicationEntity publication = publicationEntity(publicationId, true);
            Instant now = context.clock().get();
            if (!now.isBefore(publication.getEndsAt())) {
                confirmDue(publication, now);
            }
            return null;
        });
    }

    /** Confirms every published candidate without an open objection; marks the publication closed. */
    private void confirmDue(PublicationEntity publication, Instant now) {
        session().flush();
        Map<String, Integer> open = openObjections(publication.getId());
        for (PublicityEntryEntity entry : entriesOf(publication.getId())) {
            if (entry.getStatus() == PublicityEntryStatus.PUBLISHED && open.getOrDefault(entry.getNominationId(), 0) == 0) {
                entry.setStatus(PublicityEntryStatus.CONFIRMED);
                entry.setDecidedAt(now);
            }
        }
        if (publication.getClosedAt() == null) {
            publication.setClosedAt(now);
        }
    }

    // ------------------------------------------------------------------------------------------------ export

    @Override
    public byte[] export(String publicationId, PublicityExportFormat format) {
        Objects.requireNonNull(format, "format");
        if (format == PublicityExportFormat.XLSX && !XlsxPublicityExport.available()) {
            throw new InvalidRequestException("export-format-unavailable", new LocalizedText(
                    "导出 Excel 需要在类路径上加入 org.dhatim:fastexcel；也可以导出 CSV",
                    "exporting Excel needs org.dhatim:fastexcel on the classpath; CSV export works without it"));
        }
        PublicityTable table = context.transactions().inTransaction(() -> {
            Publication publication = toPublication(publicationEntity(publicationId, false));
            TierDefinition tier = tier(publication.programCode(), publication.tierCode());
            return PublicityTable.of(publication, tier.name(), unit(publication.unitId()).name(), zone());
        });
        return format == PublicityExportFormat.CSV ? CsvPublicityExport.write(table) : XlsxPublicityExport.write(table);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void requireDecidingLevel(TierDefinition tier, OrganisationUnit unit) {
        boolean decides = QuotaLedger.chains(tier).stream().map(chain -> chain.stepAt(unit.level()))
                .flatMap(Optional::stream).anyMatch(step -> step.action() == ReviewAction.DECIDE);
        if (!decides) {
            throw new InvalidRequestException("not-a-deciding-level", new LocalizedText(
                    "在“" + tier.name().zh() + "”中" + unit.level().label().zh() + "级不作入选决定，单位 “" + unit.id()
                            + "” 没有可公示的入选名单",
                    "in '" + tier.name().en() + "' the " + unit.level().label().en() + " does not decide; unit '"
                            + unit.id() + "' has no selection to publish"));
        }
    }

    private boolean mayDecide(String userId, String programCode, String tierCode, String unitId, OrganisationLevel level) {
        return userId != null && context.approvers().mayAct(userId,
                new ApproverQuery(programCode, tierCode, unitId, level, ReviewAction.DECIDE));
    }

    /** The user must decide for the publishing unit, and must not be the candidate concerned (if any). */
    private void requireReviewer(PublicationEntity publication, String userId, Nomination candidate) {
        if (candidate != null && candidate.applicantId().equals(userId)) {
            throw new NotAuthorizedException(new LocalizedText(
                    "用户 " + userId + " 是被提出异议的候选人本人，不能处理该异议",
                    "user " + userId + " is the candidate objected to and may not resolve the objection"));
        }
        if (!mayDecide(userId, publication.getProgramCode(), publication.getTierCode(), publication.getUnitId(),
                publication.getLevel())) {
            throw new NotAuthorizedException(new LocalizedText(
                    "只有单位 " + publication.getUnitId() + "（" + publication.getLevel().label().zh()
                            + "级）的审核人可以查看和处理公示异议、确认公示结果；用户 " + userId + " 不是",
                    "only approvers of unit " + publication.getUnitId() + " (" + publication.getLevel().label().en()
                            + " level) may see and resolve objections and close the publicity; user " + userId
                            + " is not one"));
        }
    }

    private PublicationEntity publicationEntity(String publicationId, boolean lock) {
        PublicationEntity publication = publicationId == null ? null : lock
                ? session().find(PublicationEntity.class, publicationId, LockModeType.PESSIMISTIC_WRITE)
                : session().find(PublicationEntity.class, publicationId);
        if (publication == null) {
            throw new NotFoundException(new LocalizedText("找不到公示 " + publicationId, "no publication " + publicationId));
        }
        return publication;
    }

    private PublicityEntryEntity entry(String publicationId, String nominationId) {
        return entriesOf(publicationId).stream().filter(e -> e.getNominationId().equals(nominationId)).findFirst()
                .orElse(null);
    }

    private List<PublicityEntryEntity> entriesOf(String publicationId) {
        return session().createSelectionQuery(
                        "from PublicityEntryEntity e where e.publicationId = :publication order by e.position",
                        PublicityEntryEntity.class)
                .setParameter("publication", publicationId)
                .getResultList();
    }

    private List<ObjectionEntity> objectionsOf(String publicationId) {
        session().flush();
        return session().createSelectionQuery(
                        "from ObjectionEntity o where o.publicationId = :publication order by o.filedAt, o.id",
                        ObjectionEntity.class)
                .setParameter("publication", publicationId)
                .getResultList();
    }

    private Map<String, Integer> openObjections(String publicationId) {
        Map<String, Integer> open = new HashMap<>();
        objectionsOf(publicationId).stream().filter(o -> o.getOutcome() == null)
                .forEach(o -> open.merge(o.getNominationId(), 1, Integer::sum));
        return open;
    }

    private Publication toPublication(PublicationEntity publication) {
        Map<String, Integer> open = openObjections(publication.getId());
        List<PublicityEntry> entries = new ArrayList<>();
        for (PublicityEntryEntity entry : entriesOf(publication.getId())) {
            Nomination nomination = context.nominations().get(entry.getNominationId());
            LocalizedText unitName = context.organisations().findUnit(nomination.unitId()).map(OrganisationUnit::name)
                    .orElse(new LocalizedText(nomination.unitId(), nomination.unitId()));
            entries.add(new PublicityEntry(entry.getPosition(), entry.getNominationId(), nomination.applicantId(),
                    nomination.unitId(), unitName, entry.getStatus(), open.getOrDefault(entry.getNominationId(), 0),
                    entry.getDecidedAt()));
        }
        entries.sort(Comparator.comparingInt(PublicityEntry::position));
        return new Publication(publication.getId(), publication.getProgramCode(), publication.getTierCode(),
                publication.getUnitId(), publication.getLevel(), publication.getWorkingDays(), publication.getStartsAt(),
                publication.getEndsAt(), publication.getPublishedBy(), publication.getClosedAt(),
                publication.getReplacesNominationId(), entries);
    }

    private static Objection toObjection(ObjectionEntity o) {
        return new Objection(o.getId(), o.getPublicationId(), o.getNominationId(), o.getObjectorId(), o.getReason(),
                o.getFiledAt(), o.getOutcome(), o.getResolution(), o.getResolvedBy(), o.getResolvedAt());
    }

    private static String outcomeZh(ObjectionOutcome outcome) {
        return outcome == ObjectionOutcome.UPHELD ? "异议成立" : "异议不成立";
    }

    private ZoneId zone() {
        return context.calendar().zone();
    }

    private String shown(Instant instant) {
        return SHOWN.format(instant.atZone(zone()));
    }

    private TierDefinition tier(String programCode, String tierCode) {
        return context.programs().find(programCode)
                .orElseThrow(() -> new InvalidRequestException("unknown-program", new LocalizedText(
                        "没有代码为 “" + programCode + "” 的培养方案", "no program with the code '" + programCode + "'")))
                .tier(tierCode)
                .orElseThrow(() -> new InvalidRequestException("unknown-tier", new LocalizedText(
                        "培养方案 “" + programCode + "” 中没有人才类别 “" + tierCode + "”",
                        "program '" + programCode + "' has no tier '" + tierCode + "'")));
    }

    private OrganisationUnit unit(String unitId) {
        return (unitId == null ? Optional.<OrganisationUnit>empty() : context.organisations().findUnit(unitId))
                .orElseThrow(() -> new InvalidRequestException("unknown-unit", new LocalizedText(
                        "组织机构中没有单位 “" + unitId + "”", "no organisation unit '" + unitId + "'")));
    }

    private Session session() {
        return context.session().get();
    }
}
