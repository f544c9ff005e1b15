package org.tierflow.core.internal.spotcheck;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.hibernate.Session;
import org.tierflow.core.api.AuditFinding;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.NominationState;
import org.tierflow.core.api.NotAuthorizedException;
import org.tierflow.core.api.NotFoundException;
import org.tierflow.core.api.OrganisationUnit;
import org.tierflow.core.api.SpotCheck;
import org.tierflow.core.api.SpotCheckItem;
import org.tierflow.core.api.SpotCheckReport;
import org.tierflow.core.api.SpotCheckRequest;
import org.tierflow.core.api.SpotCheckService;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.api.program.ProgramDefinition;
import org.tierflow.core.api.program.ReviewAction;
import org.tierflow.core.api.program.ReviewStep;
import org.tierflow.core.api.program.SampleSize;
import org.tierflow.core.api.program.SpotCheckDefinition;
import org.tierflow.core.api.program.TierDefinition;
import org.tierflow.core.internal.engine.TierFlowRuntime;
import org.tierflow.core.internal.persistence.DatabaseErrors;
import org.tierflow.core.internal.persistence.NominationEntity;
import org.tierflow.core.internal.persistence.SpotCheckEntity;
import org.tierflow.core.internal.persistence.SpotCheckItemEntity;
import org.tierflow.core.internal.training.SelectedNominations;
import org.tierflow.core.spi.ApproverQuery;

/** {@link SpotCheckService} on TierFlow's tables; see the interface for the population and the draw. */
public final class DefaultSpotCheckService implements SpotCheckService {

    static final int MAX_COMMENT = 4000;

    private final TierFlowRuntime runtime;
    private final Random seeds = new SecureRandom();

    public DefaultSpotCheckService(TierFlowRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public SpotCheck draw(SpotCheckRequest request) {
        Objects.requireNonNull(request, "request");
        required("programCode", "培养方案代码", request.programCode());
        required("auditingUnitId", "抽查单位", request.auditingUnitId());
        ProgramDefinition program = program(request.programCode());
        OrganisationUnit auditor = runtime.organisations.findUnit(request.auditingUnitId()).orElseThrow(() ->
                new InvalidRequestException("unknown-unit", new LocalizedText(
                        "组织机构中没有单位 “" + request.auditingUnitId() + "”",
                        "no organisation unit '" + request.auditingUnitId() + "'")));
        OrganisationLevel level = program.spotChecks().map(SpotCheckDefinition::level).orElse(program.owner());
        if (auditor.level() != level) {
            throw new InvalidRequestException("wrong-auditing-level", new LocalizedText(
                    "培养方案 “" + program.name().zh() + "” 由" + level.label().zh() + "级单位抽查，单位 “" + auditor.id()
                            + "” 是" + auditor.level().label().zh(),
                    "program '" + program.name().en() + "' is spot-checked by a " + level.label().en() + "; unit '"
                            + auditor.id() + "' is a " + auditor.level().label().en()));
        }
        requireMayAudit(request.actorId(), program, tierCodes(program), auditor.id(), level,
                new LocalizedText("抽查", "spot-check"));
        SampleSize candidateSize = size(request.candidates(),
                program.spotChecks().flatMap(SpotCheckDefinition::candidates), "candidates", "培养人选");
        SampleSize unitSize = size(request.units(), program.spotChecks().flatMap(SpotCheckDefinition::units),
                "units", "管理单位");
        int currentYear = SelectedNominations.day(runtime.now()).getYear();
        if (request.year() < program.startYear() || request.year() > currentYear) {
            throw new InvalidRequestException("invalid-year", new LocalizedText(
                    "抽查年度（year）须在 " + program.startYear() + " 至 " + currentYear + " 之间，实际为 " + request.year(),
                    "the year must be from " + program.startYear() + " to " + currentYear + ", was " + request.year()));
        }
        long seed = request.seed() != null ? request.seed() : seeds.nextLong();
        return runtime.inTransaction(() -> {
            if (findCheck(program.code(), auditor.id(), request.year()).isPresent()) {
                throw alreadyDrawn(program, auditor, request.year());
            }
            Population population = population(program, auditor);
            Random random = new Random(seed);
            List<NominationEntity> candidates = SpotCheckSampler.draw(random, population.candidates(),
                    candidateSize.of(population.candidates().size()));
            List<String> units = SpotCheckSampler.draw(random, population.unitIds(),
                    unitSize.of(population.unitIds().size()));

            SpotCheckEntity check = new SpotCheckEntity();
            check.setId(UUID.randomUUID().toString());
            check.setProgramCode(program.code());
            check.setAuditingUnitId(auditor.id());
            check.setAuditingLevel(level);
            check.setYear(request.year());
            check.setSeed(seed);
            check.setCandidateSample(candidateSize.toString());
            check.setUnitSample(unitSize.toString());
            check.setCandidatePopulation(population.candidates().size());
            check.setUnitPopulation(population.unitIds().size());
            check.setPopulationDigest(SpotCheckSampler.digest(
                    population.candidates().stream().map(NominationEntity::getId).toList(), population.unitIds()));
            check.setDrawnBy(request.actorId());
            check.setDrawnAt(runtime.now());
            Session session = session();
            session.persist(check);
            List<SpotCheckItemEntity> items = new ArrayList<>();
            for (int i = 0; i < candidates.size(); i++) {
                NominationEntity candidate = candidates.get(i);
                SpotCheckItemEntity item = item(check, SpotCheckItem.Kind.CANDIDATE, i + 1, candidate.getUnitId(), 1);
                item.setNominationId(candidate.getId());
                item.setTierCode(candidate.getTierCode());
                item.setApplicantId(candidate.getApplicantId());
                items.add(item);
            }
            for (int i = 0; i < units.size(); i++) {
                String unitId = units.get(i);
                items.add(item(check, SpotCheckItem.Kind.UNIT, i + 1, unitId, population.managed().get(unitId)));
            }
            items.forEach(session::persist);
            try {
                session.flush();
            } catch (RuntimeException e) {
                if (DatabaseErrors.isUniqueViolation(e)) {
                    throw alreadyDrawn(program, auditor, request.year());
                }
                throw e;
            }
            return SpotCheckMapping.toSpotCheck(check, items);
        });
    }

    @Override
    public SpotCheck get(String spotCheckId, String actorId) {
        return runtime.inTransaction(() -> {
            SpotCheckEntity check = check(spotCheckId);
            requireMayRead(actorId, check);
            return SpotCheckMapping.toSpotCheck(check, items(check.getId()));
        });
    }

    @Override
    public List<SpotCheckItem> openAudits(String actorId) {
        if (actorId == null || actorId.isBlank()) {
            return List.of();
        }
        return runtime.inTransaction(() -> {
            List<SpotCheckItemEntity> open = session().createSelectionQuery(
                            "select i from SpotCheckItemEntity i, SpotCheckEntity c where i.spotCheckId = c.id "
                                    + "and i.finding is null order by c.drawnAt, c.id, i.kind, i.drawOrder",
                            SpotCheckItemEntity.class)
                    .getResultList();
            Map<String, SpotCheckEntity> checks = new HashMap<>();
            Map<String, Boolean> allowed = new HashMap<>();
            List<SpotCheckItem> mine = new ArrayList<>();
            for (SpotCheckItemEntity item : open) {
                SpotCheckEntity check = checks.computeIfAbsent(item.getSpotCheckId(), this::check);
                if (actorId.equals(item.getApplicantId())) {
                    continue;
                }
                String key = check.getId() + "|" + (item.getTierCode() == null ? "*" : item.getTierCode());
                boolean may = allowed.computeIfAbsent(key, k -> mayAudit(actorId, check, tiersFor(check, item)));
                if (may) {
                    mine.add(SpotCheckMapping.toItem(item));
                }
            }
            return List.copyOf(mine);
        });
    }

    @Override
    public SpotCheckItem complete(String itemId, String actorId, AuditFinding finding, String comment) {
        required("itemId", "抽查项目编号", itemId);
        if (finding == null) {
            throw new InvalidRequestException("missing-field", new LocalizedText(
                    "缺少字段 finding（抽查结论：OK 或 ISSUES）", "the field finding (OK or ISSUES) is missing"));
        }
        boolean blank = comment == null || comment.isBlank();
        if (finding == AuditFinding.ISSUES && blank) {
            throw new InvalidRequestException("invalid-comment", new LocalizedText(
                    "结论为 ISSUES（发现问题）时必须在 comment 中写明问题",
                    "a finding of ISSUES needs a comment saying what was found"));
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new InvalidRequestException("invalid-comment", new LocalizedText(
                    "comment 不能超过 " + MAX_COMMENT + " 个字符", "the comment must be at most " + MAX_COMMENT + " characters"));
        }
        return runtime.inTransaction(() -> {
            SpotCheckItemEntity item = session().get(SpotCheckItemEntity.class, itemId);
            if (item == null) {
                throw new NotFoundException(new LocalizedText("找不到抽查项目 " + itemId, "no spot-check item " + itemId));
            }
            SpotCheckEntity check = check(item.getSpotCheckId());
            if (actorId != null && actorId.equals(item.getApplicantId())) {
                throw new NotAuthorizedException(new LocalizedText(
                        "用户 " + actorId + " 不能抽查本人的申报 " + item.getNominationId(),
                        "user " + actorId + " may not audit their own nomination " + item.getNominationId()));
            }
            ProgramDefinition program = program(check.getProgramCode());
            requireMayAudit(actorId, program, tiersFor(check, item), check.getAuditingUnitId(),
                    check.getAuditingLevel(), new LocalizedText("完成抽查", "complete audits of the spot check"));
            if (item.getFinding() != null) {
                throw new InvalidRequestException("already-completed", new LocalizedText(
                        "抽查项目 " + itemId + " 已由 " + item.getAuditorId() + " 于 " + item.getCompletedAt()
                                + " 完成，结论不可更改",
                        "spot-check item " + itemId + " was completed by " + item.getAuditorId() + " at "
                                + item.getCompletedAt() + "; a finding is final"));
            }
            item.setFinding(finding);
            item.setComment(blank ? null : comment);
            item.setAuditorId(actorId);
            item.setCompletedAt(runtime.now());
            session().flush();
            return SpotCheckMapping.toItem(item);
        });
    }

    @Override
    public SpotCheckReport report(String spotCheckId, String actorId) {
        SpotCheck check = get(spotCheckId, actorId);
        int completed = (int) check.items().stream().filter(i -> !i.isOpen()).count();
        int ok = (int) check.items().stream().filter(i -> i.finding() == AuditFinding.OK).count();
        return new SpotCheckReport(check, check.items(SpotCheckItem.Kind.CANDIDATE).size(),
                check.items(SpotCheckItem.Kind.UNIT).size(), completed, check.items().size() - completed, ok,
                completed - ok);
    }

    @Override
    public String reportCsv(String spotCheckId, String actorId) {
        return SpotCheckCsv.write(get(spotCheckId, actorId));
    }

    /** Candidates in progress below the auditing unit, by nomination id; their managing units, by unit id. */
    private Population population(ProgramDefinition program, OrganisationUnit auditor) {
        Set<String> within = new HashSet<>();
        within.add(auditor.id());
        runtime.organisations.descendants(auditor.id()).forEach(unit -> within.add(unit.id()));
        List<NominationEntity> selected = session().createSelectionQuery(
                        "from NominationEntity n where n.programCode = :program and n.state = :selected "
                                + "and not exists (from CredentialEntity c where c.nominationId = n.id and not exists "
                                + "(from CredentialRevocationEntity r where r.credentialId = c.id)) order by n.id",
                        NominationEntity.class)
                .setParameter("program", program.code())
                .setParameter("selected", NominationState.SELECTED)
                .getResultList();
        List<NominationEntity> candidates = new ArrayList<>();
        Map<String, Integer> managed = new TreeMap<>();
        for (NominationEntity nomination : selected) {
            if (!within.contains(nomination.getUnitId())) {
                continue;
            }
            candidates.add(nomination);
            for (String unitId : managingUnits(program, nomination)) {
                if (within.contains(unitId) && !unitId.equals(auditor.id())) {
                    managed.merge(unitId, 1, Integer::sum);
                }
            }
        }
        return new Population(List.copyOf(candidates), List.copyOf(managed.keySet()), managed);
    }

    /** The candidate's own unit and the units acting at the steps of its review chain. */
    private Set<String> managingUnits(ProgramDefinition program, NominationEntity nomination) {
        Set<String> units = new LinkedHashSet<>();
        OrganisationUnit own = runtime.organisations.unit(nomination.getUnitId());
        units.add(own.id());
        Optional<TierDefinition> tier = program.tier(nomination.getTierCode());
        if (tier.isPresent()) {
            for (ReviewStep step : tier.get().chainFor(own.level()).steps()) {
                runtime.organisations.ancestorAt(own.id(), step.level()).ifPresent(unit -> units.add(unit.id()));
            }
        }
        return units;
    }

    private record Population(List<NominationEntity> candidates, List<String> unitIds, Map<String, Integer> managed) {
    }

    private static SpotCheckItemEntity item(SpotCheckEntity check, SpotCheckItem.Kind kind, int order, String unitId,
                                            int managed) {
        SpotCheckItemEntity item = new SpotCheckItemEntity();
        item.setId(UUID.randomUUID().toString());
        item.setSpotCheckId(check.getId());
        item.setKind(kind);
        item.setDrawOrder(order);
        item.setUnitId(unitId);
        item.setManagedCandidates(managed);
        return item;
    }

    private void requireMayRead(String actorId, SpotCheckEntity check) {
        ProgramDefinition program = program(check.getProgramCode());
        requireMayAudit(actorId, program, tierCodes(program), check.getAuditingUnitId(), check.getAuditingLevel(),
                new LocalizedText("查看", "read"));
    }

    private boolean mayAudit(String actorId, SpotCheckEntity check, List<String> tiers) {
        for (String tier : tiers) {
            if (!runtime.approvers.mayAct(actorId, new ApproverQuery(check.getProgramCode(), tier,
                    check.getAuditingUnitId(), check.getAuditingLevel(), ReviewAction.DECIDE))) {
                return false;
            }
        }
        return true;
    }

    /** Refuses unless the directory lets the actor act for the auditing unit in every one of these tiers. */
    private void requireMayAudit(String actorId, ProgramDefinition program, List<String> tiers, String unitId,
                                 OrganisationLevel level, LocalizedText what) {
        boolean may = actorId != null && !actorId.isBlank() && tiers.stream().allMatch(tier ->
                runtime.approvers.mayAct(actorId, new ApproverQuery(program.code(), tier, unitId, level,
                        ReviewAction.DECIDE)));
        if (!may) {
            throw new NotAuthorizedException(new LocalizedText(
                    "用户 " + actorId + " 无权代表单位 " + unitId + "（" + level.label().zh() + "级）" + what.zh()
                            + "培养方案 “" + program.name().zh() + "” 的抽查",
                    "user " + actorId + " may not " + what.en() + " spot checks of program '" + program.name().en()
                            + "' for unit " + unitId + " (" + level.label().en() + " level)"));
        }
    }

    /** A candidate's audit needs its tier; a unit's audit (and everything else) every tier of the program. */
    private List<String> tiersFor(SpotCheckEntity check, SpotCheckItemEntity item) {
        return item.getTierCode() != null ? List.of(item.getTierCode()) : tierCodes(program(check.getProgramCode()));
    }

    private static List<String> tierCodes(ProgramDefinition program) {
        return program.tiers().stream().map(TierDefinition::code).toList();
    }

    private SampleSize size(SampleSize asked, Optional<SampleSize> byDefinition, String field, String fieldZh) {
        SampleSize size = asked != null ? asked : byDefinition.orElse(null);
        if (size == null) {
            throw new InvalidRequestException("missing-sample-size", new LocalizedText(
                    "缺少" + fieldZh + "的抽样规模（" + field + "）：培养方案定义未规定，请在请求中给出比例或数量",
                    "the sample size of " + field + " is missing: the program definition sets none, so the request "
                            + "must give a percentage or a count"));
        }
        if (!size.isValid()) {
            throw new InvalidRequestException("invalid-sample-size", new LocalizedText(
                    fieldZh + "的抽样规模（" + field + "）无效：" + size.basis() + " " + size.value()
                            + "；比例须在 1 到 100 之间，数量至少为 1",
                    "the sample size of " + field + " is invalid: " + size.basis() + " " + size.value()
                            + "; a percentage must be 1 to 100, a count at least 1"));
        }
        return size;
    }

    private ProgramDefinition program(String code) {
        return runtime.programs.find(code).orElseThrow(() -> new InvalidRequestException("unknown-program",
                new LocalizedText("没有代码为 “" + code + "” 的培养方案", "no program with the code '" + code + "'")));
    }

    private SpotCheckEntity check(String spotCheckId) {
        SpotCheckEntity check = spotCheckId == null ? null : session().get(SpotCheckEntity.class, spotCheckId);
        if (check == null) {
            throw new NotFoundException(new LocalizedText("找不到抽查 " + spotCheckId, "no spot check " + spotCheckId));
        }
        return check;
    }

    private Optional<SpotCheckEntity> findCheck(String programCode, String unitId, int year) {
        return session().createSelectionQuery("from SpotCheckEntity c where c.programCode = :program "
                        + "and c.auditingUnitId = :unit and c.year = :year", SpotCheckEntity.class)
                .setParameter("program", programCode)
                .setParameter("unit", unitId)
                .setParameter("year", year)
                .uniqueResultOptional();
    }

    private List<SpotCheckItemEntity> items(String spotCheckId) {
        return session().createSelectionQuery("from SpotCheckItemEntity i where i.spotCheckId = :id "
                        + "order by i.kind, i.drawOrder", SpotCheckItemEntity.class)
                .setParameter("id", spotCheckId)
                .getResultList();
    }

    private static InvalidRequestException alreadyDrawn(ProgramDefinition program, OrganisationUnit auditor, int year) {
        return new InvalidRequestException("already-drawn", new LocalizedText(
                "单位 “" + auditor.id() + "” 已完成培养方案 “" + program.name().zh() + "” " + year + " 年度的抽查抽样，每年只抽一次",
                "unit '" + auditor.id() + "' already drew the " + year + " spot check of program '"
                        + program.name().en() + "'; there is one draw a year"));
    }

    private static void required(String field, String fieldZh, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("missing-field", new LocalizedText(
                    "缺少字段 " + field + "（" + fieldZh + "）", "the field " + field + " is missing"));
        }
    }

    private Session session() {
        return runtime.persistence().currentSession();
    }
}
