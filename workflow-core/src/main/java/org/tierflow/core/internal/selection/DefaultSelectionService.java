package org.tierflow.core.internal.selection;

import static org.tierflow.bpmn.TierFlowBpmn.SOURCE_ADMINISTRATOR;
import static org.tierflow.bpmn.TierFlowBpmn.TASK_REVIEW_NOMINATION;
import static org.tierflow.bpmn.TierFlowBpmn.VAR_APPLICANT_ID;
import static org.tierflow.bpmn.TierFlowBpmn.VAR_APPROVER_LEVEL;
import static org.tierflow.bpmn.TierFlowBpmn.VAR_APPROVER_SOURCE;
import static org.tierflow.bpmn.TierFlowBpmn.VAR_APPROVER_UNIT_ID;
import static org.tierflow.bpmn.TierFlowBpmn.VAR_NOMINATION_ID;
import static org.tierflow.bpmn.TierFlowBpmn.VAR_PROGRAM_CODE;
import static org.tierflow.bpmn.TierFlowBpmn.VAR_REVIEW_ACTION;
import static org.tierflow.bpmn.TierFlowBpmn.VAR_REVIEW_LEVEL;
import static org.tierflow.bpmn.TierFlowBpmn.VAR_REVIEW_UNIT_ID;
import static org.tierflow.bpmn.TierFlowBpmn.VAR_STEP_INDEX;
import static org.tierflow.bpmn.TierFlowBpmn.VAR_TIER_CODE;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.flowable.task.api.Task;
import org.hibernate.Session;
import org.tierflow.core.api.AllocationProblem;
import org.tierflow.core.api.BatchItemProblem;
import org.tierflow.core.api.BatchOutcome;
import org.tierflow.core.api.BatchRejectedException;
import org.tierflow.core.api.BatchSelection;
import org.tierflow.core.api.Decision;
import org.tierflow.core.api.DecisionOutcome;
import org.tierflow.core.api.DecisionVetoedException;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationState;
import org.tierflow.core.api.NotAuthorizedException;
import org.tierflow.core.api.NotFoundException;
import org.tierflow.core.api.OrganisationUnit;
import org.tierflow.core.api.Quota;
import org.tierflow.core.api.program.ProgramDefinition;
import org.tierflow.core.api.QuotaAllocationException;
import org.tierflow.core.api.RankedCandidate;
import org.tierflow.core.api.SelectionRound;
import org.tierflow.core.api.SelectionService;
import org.tierflow.core.api.TierFlowException;
import org.tierflow.core.api.Withdrawal;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.api.program.ReviewAction;
import org.tierflow.core.api.program.ReviewChain;
import org.tierflow.core.api.program.ReviewStep;
import org.tierflow.core.api.program.TierDefinition;
import org.tierflow.core.internal.selection.RoundSelectionEntity.Outcome;
import org.tierflow.core.spi.ApproverQuery;

/** {@link SelectionService} on the engine: each call is one engine command, so one transaction. */
public final class DefaultSelectionService implements SelectionService {

    /**
     * The ranking: highest score first (nominations without a score after every scored one), then earlier
     * submission, then nomination id. Total, so the order never depends on the database.
     */
    static final Comparator<RankedCandidate> RANKING = Comparator
            .comparing(RankedCandidate::score, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
            .thenComparing(RankedCandidate::submittedAt)
            .thenComparing(RankedCandidate::nominationId);

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DefaultSelectionService.class);

    private final SelectionContext context;
    private final PendingBatches pendingBatches;
    private final BatchSelections batches;

    public DefaultSelectionService(SelectionContext context) {
        this.context = context;
        this.pendingBatches = new PendingBatches(context.session());
        this.batches = new BatchSelections(context);
    }

    // ------------------------------------------------------------------------------------------------ quotas

    @Override
    public List<Quota> allocate(String programCode, String tierCode, String parentUnitId,
                                Map<String, Integer> quotasByChildUnit, String actorId) {
        AllocatingUnit allocating = allocatingUnit(programCode, tierCode, parentUnitId, quotasByChildUnit);
        TierDefinition tier = allocating.tier();
        OrganisationUnit parent = allocating.parent();
        if (!mayActFor(actorId, programCode, tierCode, parent, parent.level(), allocating.step().action())) {
            throw new NotAuthorizedException(new LocalizedText(
                    "用户 " + actorId + " 无权代表单位 " + parent.id() + "（" + parent.level().label().zh() + "级）分配名额",
                    "user " + actorId + " may not allocate quotas for unit " + parent.id() + " ("
                            + parent.level().label().en() + " level)"));
        }
        return applyAllocation(programCode, tierCode, tier, parent, allocating.childLevels(), quotasByChildUnit, actorId);
    }

    /**
     * Allocation declared in the program definition, applied when TierFlow starts (inside the caller's
     * transaction): every check of {@link #allocate} except the actor's authorisation (the definition is the
     * authority), and the same append-only record, with {@code recordedAs} as its actor.
     *
     * @throws QuotaAllocationException listing every problem
     * @throws InvalidRequestException  when the parent cannot allocate in this tier at all
     */
    public List<Quota> allocateAsDeclared(String programCode, String tierCode, String parentUnitId,
                                          Map<String, Integer> quotasByChildUnit, String recordedAs) {
        AllocatingUnit allocating = allocatingUnit(programCode, tierCode, parentUnitId, quotasByChildUnit);
        return applyAllocation(programCode, tierCode, allocating.tier(), allocating.parent(), allocating.childLevels(),
                quotasByChildUnit, recordedAs);
    }

    /** The parent of an allocation with its step and the levels it may allocate to. */
    private record AllocatingUnit(TierDefinition tier, OrganisationUnit parent, ReviewStep step,
                                  Set<OrganisationLevel> childLevels) {
    }

    private AllocatingUnit allocatingUnit(String programCode, String tierCode, String parentUnitId,
                                          Map<String, Integer> quotasByChildUnit) {
        Objects.requireNonNull(quotasByChildUnit, "quotasByChildUnit");
        TierDefinition tier = tier(programCode, tierCode);
        OrganisationUnit parent = unit(parentUnitId);
        ReviewStep parentStep = stepAt(tier, parent.level()).orElseThrow(() -> new InvalidRequestException(
                "not-in-chain", new LocalizedText(
                "“" + tier.name().zh() + "”的评审链中没有" + parent.level().label().zh() + "级，单位 “" + parent.id()
                        + "” 不能分配名额",
                "'" + tier.name().en() + "' has no " + parent.level().label().en() + " step; unit '" + parent.id()
                        + "' cannot allocate quotas")));
        Set<OrganisationLevel> childLevels = levelsBelow(tier, parent.level());
        if (childLevels.isEmpty()) {
            throw new InvalidRequestException("no-level-below", new LocalizedText(
                    "在“" + tier.name().zh() + "”中" + parent.level().label().zh() + "级之下没有评审层级，无处分配名额",
                    "in '" + tier.name().en() + "' no level of the chain sits below the " + parent.level().label().en()
                            + "; there is nobody to allocate to"));
        }
        if (!tier.quotaScope().isWholeProgram()) {
            throw new InvalidRequestException("scoped-quota-allocation", new LocalizedText(
                    "“" + tier.name().zh() + "”的名额按单位或年度计算，暂不支持向下分配名额",
                    "'" + tier.name().en() + "' counts its quota per unit or per year; allocating it down the tree is"
                            + " not supported yet"));
        }
        if (quotasByChildUnit.isEmpty()) {
            throw new InvalidRequestException("nothing-to-allocate", new LocalizedText(
                    "没有给出要分配的单位", "no unit to allocate to was given"));
        }
        return new AllocatingUnit(tier, parent, parentStep, childLevels);
    }

    private List<Quota> applyAllocation(String programCode, String tierCode, TierDefinition tier, OrganisationUnit parent,
                                        Set<OrganisationLevel> childLevels, Map<String, Integer> quotasByChildUnit,
                                        String actorId) {
        return context.transactions().inTransaction(() -> {
            QuotaLedger quotas = context.quotas();
            List<AllocationProblem> problems = new ArrayList<>();
            Map<String, Integer> valid = new LinkedHashMap<>();
            quotasByChildUnit.forEach((childId, amount) -> {
                Optional<OrganisationUnit> child = childId == null ? Optional.empty()
                        : context.organisations().findUnit(childId);
                if (child.isEmpty()) {
                    problems.add(new AllocationProblem(childId, "unknown-unit", new LocalizedText(
                            "组织机构中没有单位 “" + childId + "”", "no organisation unit '" + childId + "'")));
                    return;
                }
                boolean ok = true;
                if (childId.equals(parent.id()) || !context.organisations().isWithin(childId, parent.id())) {
                    problems.add(new AllocationProblem(childId, "not-a-child", new LocalizedText(
                            "单位 “" + childId + "” 不在 “" + parent.id() + "” 之下，不能由它分配名额",
                            "unit '" + childId + "' is not below '" + parent.id() + "'; it cannot allocate to it")));
                    ok = false;
                } else if (!childLevels.contains(child.get().level())) {
                    problems.add(new AllocationProblem(childId, "wrong-level", new LocalizedText(
                            "单位 “" + childId + "” 是" + child.get().level().label().zh() + "，而“" + tier.name().zh()
                                    + "”评审链中" + parent.level().label().zh() + "的下一级是" + labelsZh(childLevels),
                            "unit '" + childId + "' is a " + child.get().level().label().en() + ", but in '"
                                    + tier.name().en() + "' the level below the " + parent.level().label().en()
                                    + " is " + labelsEn(childLevels))));
                    ok = false;
                }
                if (amount == null || amount < 0) {
                    problems.add(new AllocationProblem(childId, "negative", new LocalizedText(
                            "单位 “" + childId + "” 的名额必须是不小于 0 的整数，实际为 " + amount,
                            "the quota of unit '" + childId + "' must be a whole number of at least 0, got " + amount)));
                    ok = false;
                }
                if (ok) {
                    valid.put(childId, amount);
                }
            });
            String parentKey = quotas.rowKey(tier, parent);
            Set<String> keys = new LinkedHashSet<>(valid.keySet());
            keys.add(parentKey);
            Map<String, QuotaEntity> rows = quotas.lock(programCode, tier, keys);
            QuotaEntity parentRow = rows.get(parentKey);
            Integer parentQuota = QuotaLedger.TIER_TOTAL.equals(parentKey) ? Integer.valueOf(tier.quota())
                    : parentRow.getAllocated();
            if (parentQuota == null) {
                problems.add(new AllocationProblem(null, "parent-without-quota", new LocalizedText(
                        "单位 “" + parent.id() + "” 自己尚未获得“" + tier.name().zh() + "”的名额，不能向下分配",
                        "unit '" + parent.id() + "' has not been allocated a quota in '" + tier.name().en()
                                + "' itself, so it cannot allocate any")));
            }
            valid.forEach((childId, amount) -> {
                QuotaEntity row = rows.get(childId);
                if (amount < row.getUsed()) {
                    problems.add(new AllocationProblem(childId, "below-used", new LocalizedText(
                            "单位 “" + childId + "” 已使用 " + row.getUsed() + " 个名额，不能把名额减到 " + amount,
                            "unit '" + childId + "' has already used " + row.getUsed() + " and cannot be cut to " + amount)));
                }
            });
            Map<String, Integer> total = new LinkedHashMap<>(quotas.allocationsOf(programCode, tier, parent.id()));
            total.keySet().removeAll(quotasByChildUnit.keySet());
            total.putAll(valid);
            int sum = total.values().stream().mapToInt(Integer::intValue).sum();
            if (parentQuota != null && sum > parentQuota) {
                problems.add(0, new AllocationProblem(null, "over-parent-quota", new LocalizedText(
                        "分配给下级的名额合计 " + sum + " 名，超过单位 “" + parent.id() + "” 自己的名额 " + parentQuota + " 名",
                        "the children's quotas add up to " + sum + ", more than the " + parentQuota
                                + " of unit '" + parent.id() + "' itself")));
            }
            if (!problems.isEmpty()) {
                throw new QuotaAllocationException(problems);
            }
            Instant now = context.clock().get();
            List<Quota> result = new ArrayList<>();
            valid.forEach((childId, amount) -> {
                QuotaEntity row = rows.get(childId);
                row.setAllocated(amount);
                row.setParentUnitId(parent.id());
                row.setUpdatedAt(now);
                QuotaAllocationEntity record = new QuotaAllocationEntity();
                record.setId(UUID.randomUUID().toString());
                record.setProgramCode(programCode);
                record.setTierCode(tierCode);
                record.setParentUnitId(parent.id());
                record.setUnitId(childId);
                record.setAllocated(amount);
                record.setActorId(actorId);
                record.setCreatedAt(now);
                session().persist(record);
                result.add(quotas.toQuota(tier, row, childId));
            });
            return result;
        });
    }

    @Override
    public Quota quota(String programCode, String tierCode, String unitId) {
        TierDefinition tier = tier(programCode, tierCode);
        OrganisationUnit unit = unit(unitId);
        return context.transactions().inTransaction(() -> context.quotas().status(programCode, tier, unit));
    }

    @Override
    public List<Quota> quotas(String programCode) {
        ProgramDefinition program = context.programs().find(programCode)
                .orElseThrow(() -> new InvalidRequestException("unknown-program", new LocalizedText(
                        "没有代码为 “" + programCode + "” 的培养方案", "no program with the code '" + programCode + "'")));
        return context.transactions().inTransaction(() -> {
            List<QuotaEntity> rows = context.session().get().createSelectionQuery(
                            "from QuotaEntity q where q.programCode = :program order by q.tierCode, q.unitId",
                            QuotaEntity.class)
                    .setParameter("program", programCode)
                    .getResultList();
            List<Quota> quotas = new ArrayList<>();
            for (TierDefinition tier : program.tiers()) {
                List<QuotaEntity> ofTier = rows.stream().filter(r -> r.getTierCode().equals(tier.code())).toList();
                QuotaEntity total = ofTier.stream().filter(r -> QuotaLedger.TIER_TOTAL.equals(r.getUnitId()))
                        .findFirst().orElse(null);
                quotas.add(total != null ? context.quotas().toQuota(tier, total, QuotaLedger.TIER_TOTAL)
                        : new Quota(programCode, tier.code(), QuotaLedger.TIER_TOTAL, true, tier.quota(), 0, tier.quota()));
                // Rows without an allocation keep no counter: their use is reported from what they passed on.
                Map<String, Integer> reportedUse = context.quotas().reportedUse(ofTier.stream()
                        .filter(r -> !QuotaLedger.TIER_TOTAL.equals(r.getUnitId()) && r.getAllocated() == null)
                        .map(QuotaEntity::getId).toList());
                ofTier.stream().filter(r -> !QuotaLedger.TIER_TOTAL.equals(r.getUnitId()))
                        .forEach(r -> quotas.add(context.quotas().report(tier, r, r.getUnitId(), reportedUse)));
            }
            return List.copyOf(quotas);
        });
    }

    // ------------------------------------------------------------------------------------------------ rounds

    @Override
    public SelectionRound openRound(String programCode, String tierCode, String unitId, OrganisationLevel level,
                                    Instant opensAt, Instant closesAt, String actorId) {
        TierDefinition tier = tier(programCode, tierCode);
        OrganisationUnit unit = unit(unitId);
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(opensAt, "opensAt");
        Objects.requireNonNull(closesAt, "closesAt");
        if (unit.level() != level) {
            throw new InvalidRequestException("wrong-level", new LocalizedText(
                    "单位 “" + unitId + "” 是" + unit.level().label().zh() + "，不是" + level.label().zh(),
                    "unit '" + unitId + "' is a " + unit.level().label().en() + ", not a " + level.label().en()));
        }
        ReviewStep step = stepAt(tier, level).filter(s -> s.action() != ReviewAction.FILE).orElseThrow(() ->
                new InvalidRequestException("not-a-deciding-level", new LocalizedText(
                        "“" + tier.name().zh() + "”的评审链中" + level.label().zh() + "级不作决定，不能开设遴选批次",
                        "in '" + tier.name().en() + "' the " + level.label().en()
                                + " does not decide; it cannot open a selection round")));
        if (!mayActFor(actorId, programCode, tierCode, unit, level, step.action())) {
            throw new NotAuthorizedException(new LocalizedText(
                    "用户 " + actorId + " 无权为单位 " + unitId + "（" + level.label().zh() + "级）开设遴选批次",
                    "user " + actorId + " may not open selection rounds for unit " + unitId + " (" + level.label().en()
                            + " level)"));
        }
        return context.transactions().inTransaction(() -> {
            Instant now = context.clock().get();
            if (!opensAt.isBefore(closesAt) || !closesAt.isAfter(now)) {
                throw new InvalidRequestException("invalid-window", new LocalizedText(
                        "批次时间无效：开始 " + opensAt + " 必须早于结束 " + closesAt + "，且结束时间必须晚于当前时间 " + now,
                        "invalid round window: it must open (" + opensAt + ") before it closes (" + closesAt
                                + "), and close after now (" + now + ")"));
            }
            // The unit's quota row serialises round openings of the unit, so two overlapping rounds cannot slip in.
            context.quotas().lock(programCode, tier, List.of(context.quotas().rowKey(tier, unit)));
            List<SelectionRoundEntity> overlapping = session().createSelectionQuery(
                            "from SelectionRoundEntity r where r.programCode = :program and r.tierCode = :tier"
                                    + " and r.unitId = :unit and r.level = :level and r.opensAt < :closes"
                                    + " and r.closesAt > :opens", SelectionRoundEntity.class)
                    .setParameter("program", programCode)
                    .setParameter("tier", tierCode)
                    .setParameter("unit", unitId)
                    .setParameter("level", level)
                    .setParameter("closes", closesAt)
                    .setParameter("opens", opensAt)
                    .getResultList();
            if (!overlapping.isEmpty()) {
                SelectionRoundEntity other = overlapping.get(0);
                throw new InvalidRequestException("round-overlap", new LocalizedText(
                        "与已有批次 " + other.getId() + "（" + other.getOpensAt() + " 至 " + other.getClosesAt() + "）时间重叠",
                        "overlaps round " + other.getId() + " (" + other.getOpensAt() + " to " + other.getClosesAt() + ")"));
            }
            SelectionRoundEntity round = new SelectionRoundEntity();
            round.setId(UUID.randomUUID().toString());
            round.setProgramCode(programCode);
            round.setTierCode(tierCode);
            round.setUnitId(unitId);
            round.setLevel(level);
            round.setOpensAt(opensAt);
            round.setClosesAt(closesAt);
            round.setOpenedBy(actorId);
            round.setOpenedAt(now);
            session().persist(round);
            return toRound(round);
        });
    }

    @Override
    public SelectionRound round(String roundId) {
        return context.transactions().inTransaction(() -> toRound(roundEntity(roundId)));
    }

    @Override
    public List<RankedCandidate> rankedCandidates(String roundId, String userId) {
        return context.transactions().inTransaction(() -> {
            SelectionRoundEntity round = roundEntity(roundId);
            requireRoundApprover(round, userId);
            return ranked(round).stream().map(Candidate::ranked).toList();
        });
    }

    @Override
    public void recordScore(String nominationId, int stepIndex, BigDecimal score, String actorId) {
        if (score == null || score.signum() < 0) {
            throw new InvalidRequestException("invalid-score", new LocalizedText(
                    "评分必须是不小于 0 的数，实际为 " + score, "a score must be a number of at least 0, got " + score));
        }
        context.transactions().inTransaction(() -> {
            Nomination nomination = context.nominations().get(nominationId);
            Task task = context.engine().get().getTaskService().createTaskQuery()
                    .processDefinitionKeyIn(List.copyOf(context.steps().levelReviewProcessKeys()))
                    .taskDefinitionKey(TASK_REVIEW_NOMINATION)
                    .processVariableValueEquals(VAR_NOMINATION_ID, nominationId)
                    .includeProcessVariables()
                    .singleResult();
            if (task == null || ((Number) task.getProcessVariables().get(VAR_STEP_INDEX)).intValue() != stepIndex) {
                throw new InvalidRequestException("not-at-step", new LocalizedText(
                        "申报 " + nominationId + " 当前不在第 " + (stepIndex + 1) + " 级等待审核，不能为该级评分",
                        "nomination " + nominationId + " is not waiting at step " + stepIndex
                                + "; it cannot be scored there (it is " + nomination.state() + ")"));
            }
            if (!mayAct(task, actorId)) {
                throw new NotAuthorizedException(new LocalizedText(
                        "用户 " + actorId + " 无权为单位 " + task.getProcessVariables().get(VAR_REVIEW_UNIT_ID) + " 的申报评分",
                        "user " + actorId + " may not score nominations for unit "
                                + task.getProcessVariables().get(VAR_REVIEW_UNIT_ID)));
            }
            Integer last = session().createSelectionQuery(
                            "select max(s.seq) from StepScoreEntity s where s.nominationId = :id and s.stepIndex = :step",
                            Integer.class)
                    .setParameter("id", nominationId)
                    .setParameter("step", stepIndex)
                    .getSingleResult();
            StepScoreEntity entity = new StepScoreEntity();
            entity.setId(UUID.randomUUID().toString());
            entity.setNominationId(nominationId);
            entity.setStepIndex(stepIndex);
            entity.setSeq(last == null ? 1 : last + 1);
            entity.setScore(score);
            entity.setActorId(actorId);
            entity.setCreatedAt(context.clock().get());
            session().persist(entity);
            return null;
        });
    }

    // ------------------------------------------------------------------------------------------------ batches

    @Override
    public BatchOutcome selectBatch(String roundId, String userId, List<String> selectedNominationIds, String comment) {
        return selectBatch(roundId, userId, selectedNominationIds, comment, false);
    }

    @Override
    public BatchOutcome selectBatch(String roundId, String userId, List<String> selectedNominationIds, String comment,
                                    boolean rejectOthers) {
        List<String> selection = selectedNominationIds == null ? List.of() : selectedNominationIds;
        return context.transactions().inTransaction(() -> {
            CheckedBatch checked = check(roundId, userId, selection, comment, rejectOthers);
            SelectionRoundEntity round = checked.round();
            TierDefinition tier = checked.tier();
            List<Candidate> chosen = checked.chosen();
            List<Candidate> others = checked.others();

            // Apply, best ranked first. A handler's veto (checked before anything changes) is reported like any
            // other problem, and the whole batch rolls back. Items go in chunks: after each, what the command wrote
            // so far goes to the database (same transaction) and the engine's caches are emptied, so every item
            // costs the same however large the batch (see CommandCheckpoint).
            Chunks chunks = new Chunks(round.getId());
            chunks.checkpoint();
            List<BatchItemProblem> late = new ArrayList<>();
            List<Nomination> selected = new ArrayList<>();
            for (Candidate c : chosen) {
                chunks.next();
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("roundId", round.getId());
                data.put("rank", c.ranked().rank());
                if (c.ranked().score() != null) {
                    data.put("score", c.ranked().score());
                }
                apply(c, userId, new Decision(DecisionOutcome.PASS, comment, List.of(), data), late)
                        .ifPresent(n -> {
                            selected.add(n);
                            recordRound(round, n.id(), Outcome.SELECTED, c.ranked().rank(), userId, comment, null);
                        });
            }
            List<Nomination> rejected = new ArrayList<>();
            if (rejectOthers) {
                for (Candidate c : others) {
                    chunks.next();
                    apply(c, userId, new Decision(DecisionOutcome.REJECT, comment, List.of(),
                            Map.of("roundId", round.getId(), "rank", c.ranked().rank())), late)
                            .ifPresent(n -> {
                                rejected.add(n);
                                recordRound(round, n.id(), Outcome.REJECTED, c.ranked().rank(), userId, comment, null);
                            });
                }
            }
            chunks.log();
            if (!late.isEmpty()) {
                throw new BatchRejectedException(late);
            }
            OrganisationUnit unit = unit(round.getUnitId());
            return new BatchOutcome(toRound(round), selected, rejected,
                    context.quotas().status(round.getProgramCode(), tier, unit));
        });
    }

    @Override
    public BatchSelection submitBatch(String roundId, String userId, List<String> selectedNominationIds, String comment,
                                      boolean rejectOthers) {
        List<String> selection = selectedNominationIds == null ? List.of() : selectedNominationIds;
        return context.transactions().inTransaction(() -> {
            CheckedBatch checked = check(roundId, userId, selection, comment, rejectOthers);
            SelectionRoundEntity round = checked.round();
            // The selected items' slots, taken now under the locks the checks hold: no other decision or batch can
            // take them, and the items' own passes later find them held (QuotaLedger.consumeOnPass).
            context.quotas().reserve(checked.tier(), checked.rows(), checked.chosen().stream()
                    .map(c -> new QuotaLedger.Reservation(c.ranked().nominationId(), c.ranked().stepIndex(),
                            checked.neededKeys().getOrDefault(c, List.of())))
                    .toList());
            List<BatchSelections.NewItem> items = new ArrayList<>();
            for (Candidate c : checked.chosen()) {
                items.add(new BatchSelections.NewItem(c.ranked().nominationId(), c.ranked().taskId(),
                        DecisionOutcome.PASS, c.ranked().rank(), c.ranked().score()));
            }
            if (rejectOthers) {
                for (Candidate c : checked.others()) {
                    items.add(new BatchSelections.NewItem(c.ranked().nominationId(), c.ranked().taskId(),
                            DecisionOutcome.REJECT, c.ranked().rank(), null));
                }
            }
            int chunks = (items.size() + BatchSelections.CHUNK_SIZE - 1) / BatchSelections.CHUNK_SIZE;
            BatchSelections.BatchRow batch = new BatchSelections.BatchRow(UUID.randomUUID().toString(), round.getId(),
                    userId, comment, rejectOthers, chunks, context.clock().get());
            batches.submit(batch, items);
            return batches.toBatchSelection(batch, toRound(round));
        });
    }

    @Override
    public BatchSelection batchSelection(String batchId) {
        return context.transactions().inTransaction(() -> {
            BatchSelections.BatchRow batch = (batchId == null ? Optional.<BatchSelections.BatchRow>empty()
                    : batches.batch(batchId)).orElseThrow(() -> new NotFoundException(new LocalizedText(
                    "找不到批量遴选 " + batchId, "no batch selection " + batchId)));
            return batches.toBatchSelection(batch, toRound(roundEntity(batch.roundId())));
        });
    }

    /**
     * Applies one chunk of a submitted batch, inside its job's command (one transaction): each item still waiting
     * is decided as the batch's user, exactly as {@link #selectBatch} decides it (the same data in the timeline, the
     * round's record of it); an item already applied (a retry) is skipped, and an item whose review was decided
     * otherwise before the job came is marked failed without rolling the chunk back. Any other failure propagates:
     * the chunk rolls back and the engine retries the job.
     */
    void applyChunk(String batchId, int chunk) {
        context.transactions().inTransaction(() -> {
            BatchSelections.BatchRow batch = batches.batch(batchId).orElseThrow(() ->
                    new IllegalStateException("batch selection " + batchId + " does not exist"));
            SelectionRoundEntity round = roundEntity(batch.roundId());
            for (BatchSelections.ItemRow item : batches.items(batchId, chunk)) {
                if (!"PENDING".equals(item.state())) {
                    continue;
                }
                Task task = context.engine().get().getTaskService().createTaskQuery().taskId(item.taskId()).singleResult();
                if (task == null) {
                    batches.finish(batchId, item.seq(), "FAILED", "审核任务已不存在（已由其他途径办理），本项未办理"
                            + " / its review no longer exists (it was decided otherwise); the item was not applied",
                            null);
                    continue;
                }
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("roundId", round.getId());
                data.put("rank", item.rank());
                if (item.outcome() == DecisionOutcome.PASS && item.score() != null) {
                    data.put("score", item.score());
                }
                data.put("batchSelectionId", batchId);
                Nomination decided;
                try {
                    decided = context.reviews().decide(item.taskId(), batch.userId(),
                            new Decision(item.outcome(), batch.comment(), List.of(), data));
                } catch (TierFlowException e) {
                    throw new BatchSelectionJobHandler.ItemFailed("申报 / nomination " + item.nominationId() + ": "
                            + e.text().zh() + " / " + e.text().en() + " [" + e.code() + "]", e);
                } catch (RuntimeException e) {
                    Throwable root = e;
                    while (root.getCause() != null && root.getCause() != root) {
                        root = root.getCause();
                    }
                    throw new BatchSelectionJobHandler.ItemFailed("申报 / nomination " + item.nominationId() + ": "
                            + root, e);
                }
                recordRound(round, decided.id(), item.outcome() == DecisionOutcome.PASS ? Outcome.SELECTED
                        : Outcome.REJECTED, item.rank(), batch.userId(), batch.comment(), null);
                batches.finish(batchId, item.seq(), "APPLIED", null, context.clock().get());
            }
            return null;
        });
    }

    /** A batch that passed every check, with what applying it needs. */
    private record CheckedBatch(SelectionRoundEntity round, TierDefinition tier, List<Candidate> chosen,
                                List<Candidate> others, Map<Candidate, List<String>> neededKeys,
                                Map<String, QuotaEntity> rows) {
    }

    /**
     * The checks of a batch, shared by {@link #selectBatch} and {@link #submitBatch}, inside the caller's
     * transaction: every problem at once, nothing changed. The quota rows the batch takes slots from are locked and
     * stay locked until the commit.
     *
     * @throws BatchRejectedException listing every problem
     */
    private CheckedBatch check(String roundId, String userId, List<String> selection, String comment,
                               boolean rejectOthers) {
        SelectionRoundEntity round = roundEntity(roundId);
        TierDefinition tier = tier(round.getProgramCode(), round.getTierCode());
        Instant now = context.clock().get();
        List<BatchItemProblem> batchProblems = new ArrayList<>();
        Map<String, List<BatchItemProblem>> itemProblems = new LinkedHashMap<>();
        selection.forEach(id -> itemProblems.putIfAbsent(id, new ArrayList<>()));

        if (!toRound(round).isOpenAt(now)) {
            batchProblems.add(new BatchItemProblem(null, "round-not-open", new LocalizedText(
                    "批次 " + roundId + " 的遴选时间为 " + round.getOpensAt() + " 至 " + round.getClosesAt() + "，当前 "
                            + now + " 不在其中",
                    "round " + roundId + " is open from " + round.getOpensAt() + " to " + round.getClosesAt()
                            + "; it is now " + now)));
        }
        if (!mayActForRound(round, userId)) {
            batchProblems.add(new BatchItemProblem(null, "not-authorized", new LocalizedText(
                    "用户 " + userId + " 无权代表单位 " + round.getUnitId() + "（" + round.getLevel().label().zh() + "级）遴选",
                    "user " + userId + " may not select for unit " + round.getUnitId() + " ("
                            + round.getLevel().label().en() + " level)")));
        }
        if (selection.isEmpty()) {
            batchProblems.add(new BatchItemProblem(null, "nothing-selected", new LocalizedText(
                    "本批没有选择任何申报", "the batch selects no nomination")));
        }
        if (rejectOthers && (comment == null || comment.isBlank())) {
            batchProblems.add(new BatchItemProblem(null, "reason-required", new LocalizedText(
                    "同时不通过其余候选人时必须填写理由", "a reason is required to reject the round's other candidates")));
        }

        List<Candidate> candidates = ranked(round);
        // Items another batch is applying are nobody's candidates meanwhile (ranked leaves them out).
        Set<String> pending = pendingBatches.pendingAmong(selection);
        Map<String, Candidate> byId = new HashMap<>();
        candidates.forEach(c -> byId.put(c.ranked().nominationId(), c));
        Set<String> seen = new HashSet<>();
        // The directory's answer per unit, level and action, asked once for the batch, not once per item.
        Map<ApproverQuery, Boolean> answers = new HashMap<>();
        for (String id : selection) {
            if (id == null) {
                continue;
            }
            if (!seen.add(id)) {
                itemProblems.get(id).add(new BatchItemProblem(id, "duplicate", new LocalizedText(
                        "申报 " + id + " 在本批中重复出现", "nomination " + id + " appears more than once in the batch")));
                continue;
            }
            Candidate candidate = byId.get(id);
            if (candidate == null) {
                itemProblems.get(id).add(pending.contains(id) ? PendingBatches.problem(id) : notInRound(round, id));
            } else {
                checkTask(candidate, userId, answers).ifPresent(itemProblems.get(id)::add);
            }
        }
        List<Candidate> others = candidates.stream().filter(c -> !seen.contains(c.ranked().nominationId())).toList();
        if (rejectOthers) {
            for (Candidate other : others) {
                checkTask(other, userId, answers).ifPresent(p -> itemProblems
                        .computeIfAbsent(other.ranked().nominationId(), k -> new ArrayList<>()).add(p));
            }
        }

        // Quota: lock every row the batch takes slots from, then hand out what is left in rank order. An item
        // that does not fit is named, even when it has another problem too.
        List<Candidate> chosen = candidates.stream().filter(c -> seen.contains(c.ranked().nominationId())).toList();
        Map<Candidate, List<String>> keysByCandidate = new LinkedHashMap<>();
        Set<String> allKeys = new LinkedHashSet<>();
        for (Candidate c : chosen) {
            List<String> keys = keysFor(round.getProgramCode(), tier, c);
            keysByCandidate.put(c, keys);
            allKeys.addAll(keys);
        }
        Map<String, QuotaEntity> rows = context.quotas().lock(round.getProgramCode(), tier, allKeys);
        Map<String, Integer> left = new HashMap<>();
        rows.forEach((key, row) -> left.put(key, context.quotas().remaining(tier, row)));
        Map<Candidate, List<String>> neededByCandidate = new LinkedHashMap<>();
        Map<String, Set<String>> holders = context.quotas().holders(rows.values(),
                chosen.stream().map(c -> c.ranked().nominationId()).toList());
        for (Candidate c : chosen) {
            List<String> needed = keysByCandidate.get(c).stream()
                    .filter(key -> !holders.getOrDefault(rows.get(key).getId(), Set.of())
                            .contains(c.ranked().nominationId()))
                    .toList();
            Optional<String> full = needed.stream().filter(key -> left.get(key) != null && left.get(key) <= 0).findFirst();
            if (full.isPresent()) {
                QuotaEntity row = rows.get(full.get());
                Quota quota = context.quotas().toQuota(tier, row, row.getUnitId());
                String unitName = QuotaLedger.TIER_TOTAL.equals(row.getUnitId()) ? "“" + tier.name().zh() + "”总"
                        : "单位 “" + row.getUnitId() + "” 的";
                String unitNameEn = QuotaLedger.TIER_TOTAL.equals(row.getUnitId())
                        ? "the total of '" + tier.name().en() + "'" : "unit '" + row.getUnitId() + "'";
                if (QuotaLedger.TIER_TOTAL.equals(row.getUnitId()) && !row.getScopeUnitId().isEmpty()) {
                    unitName = "单位 “" + row.getScopeUnitId() + "” 的“" + tier.name().zh() + "”";
                    unitNameEn = "the total of '" + tier.name().en() + "' for unit '" + row.getScopeUnitId() + "'";
                }
                if (QuotaLedger.TIER_TOTAL.equals(row.getUnitId()) && row.getQuotaYear() != 0) {
                    unitName = unitName + " " + row.getQuotaYear() + " 年度";
                    unitNameEn = unitNameEn + " in " + row.getQuotaYear();
                }
                itemProblems.get(c.ranked().nominationId()).add(new BatchItemProblem(c.ranked().nominationId(),
                        "quota-full", new LocalizedText(
                        "排名第 " + c.ranked().rank() + " 的申报超出" + unitName + "剩余名额（分配 " + quota.allocated()
                                + " 名，已用 " + quota.used() + " 名，本批在其前已选 " + (quota.remaining() - left.get(full.get()))
                                + " 名）",
                        "ranked " + c.ranked().rank() + ", it does not fit the quota left at " + unitNameEn + " ("
                                + quota.allocated() + " allocated, " + quota.used() + " used, "
                                + (quota.remaining() - left.get(full.get())) + " taken by better-ranked items of this batch)")));
                continue;
            }
            boolean applicable = itemProblems.get(c.ranked().nominationId()).stream()
                    .allMatch(p -> p.code().equals("duplicate"));
            if (applicable) {
                // only items that will be applied take a slot: a refused item never pushes a later one out
                needed.forEach(key -> left.computeIfPresent(key, (k, v) -> v - 1));
                neededByCandidate.put(c, needed);
            }
        }

        List<BatchItemProblem> problems = new ArrayList<>(batchProblems);
        itemProblems.values().forEach(problems::addAll);
        if (!problems.isEmpty()) {
            throw new BatchRejectedException(problems);
        }
        return new CheckedBatch(round, tier, chosen, others, neededByCandidate, rows);
    }

    /** Items applied in one chunk between two checkpoints of the batch's engine command. */
    static final int CHUNK_SIZE = 100;

    /** Counts the items of a batch and empties the command's caches after every {@link #CHUNK_SIZE} of them. */
    private final class Chunks {
        private final String roundId;
        private int inChunk;
        private int applied;
        /** When the current chunk started (a duration for the debug log only, never a time TierFlow records). */
        private long started = System.nanoTime();

        Chunks(String roundId) {
            this.roundId = roundId;
        }

        /** Before the next item: a checkpoint when the chunk is full. */
        void next() {
            if (inChunk == CHUNK_SIZE) {
                checkpoint();
                inChunk = 0;
            }
            inChunk++;
            applied++;
        }

        void checkpoint() {
            CommandCheckpoint.flushAndForget(session());
            log();
        }

        /** After the last item: the last chunk's time (it is written when the command ends). */
        void log() {
            if (LOG.isDebugEnabled() && applied > 0) {
                LOG.debug("Batch of round {}: {} items applied, the last {} in {} ms", roundId, applied, inChunk,
                        (System.nanoTime() - started) / 1_000_000);
            }
            started = System.nanoTime();
        }
    }

    private Optional<Nomination> apply(Candidate candidate, String userId, Decision decision, List<BatchItemProblem> late) {
        try {
            return Optional.of(context.reviews().decide(candidate.ranked().taskId(), userId, decision));
        } catch (TierFlowException e) {
            String code = e instanceof DecisionVetoedException ? "vetoed" : e.code();
            late.add(new BatchItemProblem(candidate.ranked().nominationId(), code, e.text()));
            return Optional.empty();
        }
    }

    // ------------------------------------------------------------------------------------------------ waitlist

    @Override
    public Withdrawal withdrawSelected(String nominationId, String actorId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("reason-required", new LocalizedText(
                    "放弃入选必须填写理由", "a reason is required to withdraw after selection"));
        }
        return context.transactions().inTransaction(() -> {
            Nomination nomination = context.nominations().get(nominationId);
            // A withdrawal ends the nomination, so "selected and not withdrawn" is: a SELECTED or PROMOTED entry,
            // and the nomination still open or selected.
            List<RoundSelectionEntity> selections = session().createSelectionQuery(
                            "from RoundSelectionEntity s where s.nominationId = :id and s.outcome in (:outcomes)"
                                    + " order by s.createdAt desc, s.id", RoundSelectionEntity.class)
                    .setParameter("id", nominationId)
                    .setParameter("outcomes", List.of(Outcome.SELECTED, Outcome.PROMOTED))
                    .getResultList();
            RoundSelectionEntity selection = selections.isEmpty() ? null : selections.get(0);
            if (selection == null || nomination.state() == NominationState.WITHDRAWN
                    || nomination.state() == NominationState.REJECTED) {
                throw new InvalidRequestException("not-selected", new LocalizedText(
                        "申报 " + nominationId + " 不是在遴选批次中入选的候选人（或已放弃），当前状态：" + nomination.state(),
                        "nomination " + nominationId + " was not selected in a round (or has already withdrawn); it is "
                                + nomination.state()));
            }
            SelectionRoundEntity round = roundEntity(selection.getRoundId());
            if (!actorId.equals(nomination.applicantId()) && !mayActForRound(round, actorId)) {
                throw new NotAuthorizedException(new LocalizedText(
                        "只有申请人本人或单位 " + round.getUnitId() + " 的审核人可以办理放弃入选",
                        "only the applicant or an approver of unit " + round.getUnitId()
                                + " may record a withdrawal after selection"));
            }
            Map<String, Object> data = Map.of("roundId", round.getId(), "afterSelection", true);
            Nomination withdrawn = context.steps().withdrawAfterSelection(nominationId, actorId, reason, data);
            context.quotas().release(nominationId);
            recordRound(round, nominationId, Outcome.WITHDRAWN, null, actorId, reason, null);
            return new Withdrawal(withdrawn, promoteNext(round, nominationId));
        });
    }

    /**
     * After a selected candidate was removed other than by withdrawal (an upheld publicity objection), inside the
     * caller's transaction: gives back every quota slot it held and, when it was selected in a round, promotes the
     * best-ranked candidate still waiting in that round, within the quota, exactly as after a withdrawal (递补) —
     * only when that round is the one of {@code unitId} at {@code level} (the level that published).
     *
     * @param comment what the promoted candidate's timeline says
     * @return the promoted candidate, if any
     */
    public Optional<Nomination> releaseAndPromote(String nominationId, String unitId, OrganisationLevel level,
                                                  String actorId, String reason, String comment) {
        return context.transactions().inTransaction(() -> {
            context.quotas().release(nominationId);
            List<RoundSelectionEntity> selections = session().createSelectionQuery(
                            "from RoundSelectionEntity s where s.nominationId = :id and s.outcome in (:outcomes)"
                                    + " order by s.createdAt desc, s.id", RoundSelectionEntity.class)
                    .setParameter("id", nominationId)
                    .setParameter("outcomes", List.of(Outcome.SELECTED, Outcome.PROMOTED))
                    .getResultList();
            if (selections.isEmpty()) {
                return Optional.<Nomination>empty();
            }
            SelectionRoundEntity round = roundEntity(selections.get(0).getRoundId());
            recordRound(round, nominationId, Outcome.REMOVED, null, actorId, reason, null);
            if (!round.getUnitId().equals(unitId) || round.getLevel() != level) {
                // selected in a round further down the chain: that round's waitlist would pass someone up, not select
                return Optional.<Nomination>empty();
            }
            return promoteNext(round, nominationId, comment);
        });
    }

    private Optional<Nomination> promoteNext(SelectionRoundEntity round, String replacedNominationId) {
        return promoteNext(round, replacedNominationId, "递补：替代放弃入选的申报 " + replacedNominationId
                + " / waitlist promotion replacing withdrawn nomination " + replacedNominationId);
    }

    /**
     * Passes the best-ranked candidate still waiting in the round, skipping any a handler vetoes (a veto comes
     * before any change). The quota is checked first, under its lock: a pass refused for the quota would already
     * have moved the nomination on inside this transaction.
     */
    private Optional<Nomination> promoteNext(SelectionRoundEntity round, String replacedNominationId, String comment) {
        TierDefinition tier = tier(round.getProgramCode(), round.getTierCode());
        for (Candidate candidate : ranked(round)) {
            RankedCandidate c = candidate.ranked();
            Map<String, QuotaEntity> rows = context.quotas().lock(round.getProgramCode(), tier,
                    keysFor(round.getProgramCode(), tier, candidate));
            boolean full = rows.values().stream().anyMatch(row -> context.quotas().isFull(tier, row)
                    && !context.quotas().holds(row, c.nominationId()));
            if (full) {
                return Optional.empty();
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("roundId", round.getId());
            data.put("rank", c.rank());
            data.put("waitlistPromotion", true);
            data.put("replaces", replacedNominationId);
            try {
                Nomination promoted = context.steps().passAutomatically(c.taskId(), comment, data);
                recordRound(round, promoted.id(), Outcome.PROMOTED, c.rank(), null, comment, replacedNominationId);
                return Optional.of(promoted);
            } catch (DecisionVetoedException e) {
                // this candidate cannot pass now; the next one may
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** A waiting nomination of a round, with its task and the level review's variables the checks read. */
    private record Candidate(RankedCandidate ranked, Task task, Map<String, Object> variables, String applicantUnitId) {
    }

    /** The level review's variables ranking and the batch checks read: never the serialised candidate list. */
    private static final Set<String> CANDIDATE_VARIABLES = Set.of(VAR_NOMINATION_ID, VAR_STEP_INDEX, VAR_REVIEW_UNIT_ID,
            VAR_APPLICANT_ID, VAR_APPROVER_SOURCE, VAR_PROGRAM_CODE, VAR_TIER_CODE, VAR_APPROVER_UNIT_ID,
            VAR_APPROVER_LEVEL, VAR_REVIEW_ACTION);

    /**
     * The {@link #CANDIDATE_VARIABLES} of these level reviews, by process instance, a thousand instances per query.
     * A task query with {@code includeProcessVariables} would also fetch and deserialise each review's candidate list
     * (one byte-array read per task: ten thousand for a national round).
     */
    private Map<String, Map<String, Object>> candidateVariables(Collection<String> processIds) {
        Map<String, Map<String, Object>> variables = new HashMap<>();
        List<String> ids = List.copyOf(processIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            context.engine().get().getRuntimeService().createVariableInstanceQuery()
                    .executionIds(new HashSet<>(ids.subList(from, Math.min(ids.size(), from + 1000))))
                    .excludeTaskVariables().excludeVariableInitialization().list().forEach(variable -> {
                        if (CANDIDATE_VARIABLES.contains(variable.getName())) {
                            variables.computeIfAbsent(variable.getExecutionId(), id -> new HashMap<>())
                                    .put(variable.getName(), variable.getValue());
                        }
                    });
        }
        return variables;
    }

    /** The nominations waiting at the round's unit and level, ranked. */
    private List<Candidate> ranked(SelectionRoundEntity round) {
        List<Task> tasks = context.engine().get().getTaskService().createTaskQuery()
                .processDefinitionKeyIn(List.copyOf(context.steps().levelReviewProcessKeys()))
                .taskDefinitionKey(TASK_REVIEW_NOMINATION)
                .processVariableValueEquals(VAR_PROGRAM_CODE, round.getProgramCode())
                .processVariableValueEquals(VAR_TIER_CODE, round.getTierCode())
                .processVariableValueEquals(VAR_REVIEW_UNIT_ID, round.getUnitId())
                .processVariableValueEquals(VAR_REVIEW_LEVEL, round.getLevel().name())
                .list();
        if (tasks.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, Object>> variablesByProcess = candidateVariables(
                tasks.stream().map(Task::getProcessInstanceId).collect(java.util.stream.Collectors.toSet()));
        Map<String, Task> taskByNomination = new HashMap<>();
        Map<String, Map<String, Object>> variablesByNomination = new HashMap<>();
        tasks.forEach(t -> {
            Map<String, Object> v = variablesByProcess.get(t.getProcessInstanceId());
            if (v == null || v.get(VAR_NOMINATION_ID) == null) {
                // Decided by another transaction that committed between the two reads: its level review and its
                // variables are gone, so it is no longer waiting here.
                return;
            }
            taskByNomination.put((String) v.get(VAR_NOMINATION_ID), t);
            variablesByNomination.put((String) v.get(VAR_NOMINATION_ID), v);
        });
        // A review a batch is applying is no longer anybody's to rank, select or promote.
        taskByNomination.keySet().removeAll(pendingBatches.pendingAmong(taskByNomination.keySet()));
        if (taskByNomination.isEmpty()) {
            return List.of();
        }
        Map<String, BigDecimal> scores = latestScores(taskByNomination.keySet(), variablesByNomination);
        TierDefinition tier = tier(round.getProgramCode(), round.getTierCode());
        if (!tier.assessments().isEmpty() && tier.assessments().get(0).weight().isPresent()) {
            // Weighted assessments rank the candidates at the deciding level (see AssessmentService).
            scores.keySet().removeIf(id -> decidesHere(tier, round, context.nominations().get(id)));
            assessmentScores(tier, taskByNomination.keySet()).forEach((id, score) -> {
                if (decidesHere(tier, round, context.nominations().get(id))) {
                    scores.put(id, score);
                }
            });
        }
        Map<String, NominationSummary> summaries = summaries(taskByNomination.keySet());
        List<Candidate> unranked = new ArrayList<>();
        taskByNomination.forEach((nominationId, task) -> {
            NominationSummary nomination = summaries.get(nominationId);
            if (nomination == null) {
                return; // a task without its nomination record belongs to nobody's round
            }
            Map<String, Object> v = variablesByNomination.get(nominationId);
            int step = ((Number) v.get(VAR_STEP_INDEX)).intValue();
            unranked.add(new Candidate(new RankedCandidate(0, nominationId, nomination.applicantId(), nomination.unitId(),
                    step, scores.get(nominationId), nomination.submittedAt(), task.getId()), task, v, nomination.unitId()));
        });
        unranked.sort(Comparator.comparing(Candidate::ranked, RANKING));
        List<Candidate> ranked = new ArrayList<>();
        for (int i = 0; i < unranked.size(); i++) {
            Candidate c = unranked.get(i);
            RankedCandidate r = c.ranked();
            ranked.add(new Candidate(new RankedCandidate(i + 1, r.nominationId(), r.applicantId(), r.unitId(),
                    r.stepIndex(), r.score(), r.submittedAt(), r.taskId()), c.task(), c.variables(), c.applicantUnitId()));
        }
        return ranked;
    }

    /** What ranking needs of a nomination record. */
    private record NominationSummary(String applicantId, String unitId, Instant submittedAt) {
    }

    /**
     * The records of these nominations, a thousand per query rather than one read each (a round may hold ten
     * thousand candidates). The entity is named in the query only: selection does not depend on the persistence
     * package, which depends on it.
     */
    private Map<String, NominationSummary> summaries(Set<String> nominationIds) {
        Map<String, NominationSummary> summaries = new HashMap<>();
        List<String> ids = List.copyOf(nominationIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            session().createSelectionQuery("select n.id, n.applicantId, n.unitId, n.submittedAt from NominationEntity n"
                            + " where n.id in (:ids)", Object[].class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .getResultList()
                    .forEach(row -> summaries.put((String) row[0],
                            new NominationSummary((String) row[1], (String) row[2], (Instant) row[3])));
        }
        return summaries;
    }

    /** Whether the round's level is where this nomination's chain decides. */
    private boolean decidesHere(TierDefinition tier, SelectionRoundEntity round, Nomination nomination) {
        OrganisationLevel entry = context.organisations().unit(nomination.unitId()).level();
        return tier.chainFor(entry).decidingStep().level() == round.getLevel();
    }

    /**
     * The weighted result of each nomination with a result in every assessment: the sum of weight times the latest
     * result as a share of the maximum, on a 0–100 scale. Nominations missing a result have none.
     */
    private Map<String, BigDecimal> assessmentScores(TierDefinition tier, Set<String> nominationIds) {
        session().flush();
        Map<String, Map<String, BigDecimal>> latest = new HashMap<>();
        session().createSelectionQuery("select r.nominationId, r.assessmentCode, r.score from AssessmentResultEntity r"
                        + " where r.nominationId in (:ids) order by r.takenOn, r.seq", Object[].class)
                .setParameter("ids", nominationIds)
                .getResultList()
                .forEach(row -> latest.computeIfAbsent((String) row[0], k -> new HashMap<>())
                        .put((String) row[1], (BigDecimal) row[2]));
        Map<String, BigDecimal> scores = new HashMap<>();
        latest.forEach((id, results) -> {
            BigDecimal total = BigDecimal.ZERO;
            for (org.tierflow.core.api.program.Assessment assessment : tier.assessments()) {
                BigDecimal result = results.get(assessment.code());
                if (result == null) {
                    return;
                }
                total = total.add(assessment.weight().orElseThrow().multiply(result).multiply(BigDecimal.valueOf(100))
                        .divide(assessment.maxScore(), 4, java.math.RoundingMode.HALF_UP));
            }
            scores.put(id, total.setScale(2, java.math.RoundingMode.HALF_UP));
        });
        return scores;
    }

    /** The latest score of each nomination at the step its task is at. */
    private Map<String, BigDecimal> latestScores(Set<String> nominationIds,
                                                 Map<String, Map<String, Object>> variablesByNomination) {
        Map<String, BigDecimal> scores = new HashMap<>();
        List<StepScoreEntity> all = session().createSelectionQuery(
                        "from StepScoreEntity s where s.nominationId in (:ids) order by s.seq", StepScoreEntity.class)
                .setParameter("ids", nominationIds)
                .getResultList();
        for (StepScoreEntity score : all) {
            Map<String, Object> v = variablesByNomination.get(score.getNominationId());
            if (((Number) v.get(VAR_STEP_INDEX)).intValue() == score.getStepIndex()) {
                scores.put(score.getNominationId(), score.getScore());
            }
        }
        return scores;
    }

    private List<String> keysFor(String programCode, TierDefinition tier, Candidate candidate) {
        OrganisationUnit applicantUnit = context.organisations().unit(candidate.applicantUnitId());
        ReviewChain chain = tier.chainFor(applicantUnit.level());
        OrganisationUnit reviewUnit = context.organisations().unit(
                (String) candidate.variables().get(VAR_REVIEW_UNIT_ID));
        return context.quotas().keysFor(programCode, tier, chain, candidate.ranked().stepIndex(), reviewUnit,
                candidate.ranked().nominationId());
    }

    /** Why the user cannot decide this candidate's review, if they cannot. */
    private Optional<BatchItemProblem> checkTask(Candidate candidate, String userId, Map<ApproverQuery, Boolean> answers) {
        String id = candidate.ranked().nominationId();
        Task task = candidate.task();
        Map<String, Object> v = candidate.variables();
        if (!mayAct(v, userId, answers)) {
            return Optional.of(new BatchItemProblem(id, "not-authorized", new LocalizedText(
                    "用户 " + userId + " 无权审核该申报（审核单位 " + v.get(VAR_APPROVER_UNIT_ID) + "）"
                            + (userId != null && userId.equals(v.get(VAR_APPLICANT_ID)) ? "：不能审核本人的申报" : ""),
                    "user " + userId + " may not decide this nomination (reviewing unit " + v.get(VAR_APPROVER_UNIT_ID) + ")"
                            + (userId != null && userId.equals(v.get(VAR_APPLICANT_ID)) ? ": it is their own" : ""))));
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(userId)) {
            return Optional.of(new BatchItemProblem(id, "claimed", new LocalizedText(
                    "该申报的审核任务已由 " + task.getAssignee() + " 认领", "its review is claimed by " + task.getAssignee())));
        }
        return Optional.empty();
    }

    private BatchItemProblem notInRound(SelectionRoundEntity round, String nominationId) {
        Nomination nomination;
        try {
            nomination = context.nominations().get(nominationId);
        } catch (NotFoundException e) {
            return new BatchItemProblem(nominationId, "not-found", new LocalizedText(
                    "找不到申报 " + nominationId, "no nomination " + nominationId));
        }
        return new BatchItemProblem(nominationId, "not-in-round", new LocalizedText(
                "申报 " + nominationId + " 不在本批次中：它没有在单位 " + round.getUnitId() + "（"
                        + round.getLevel().label().zh() + "级）等待审核，当前状态 " + nomination.state()
                        + (nomination.currentLevel() == null ? "" : "，所在层级 " + nomination.currentLevel().label().zh()),
                "nomination " + nominationId + " is not in this round: it is not waiting at unit " + round.getUnitId()
                        + " (" + round.getLevel().label().en() + " level); it is " + nomination.state()
                        + (nomination.currentLevel() == null ? "" : " at the " + nomination.currentLevel().label().en()
                        + " level")));
    }

    private boolean mayAct(Task task, String userId) {
        return mayAct(task.getProcessVariables(), userId, null);
    }

    /**
     * The same check as the review service: the directory (or the administrator) for the task's unit and level;
     * with {@code answers}, each distinct question goes to the directory once.
     */
    private boolean mayAct(Map<String, Object> v, String userId, Map<ApproverQuery, Boolean> answers) {
        if (userId == null || userId.equals(v.get(VAR_APPLICANT_ID))) {
            return false;
        }
        if (SOURCE_ADMINISTRATOR.equals(v.get(VAR_APPROVER_SOURCE))) {
            return userId.equals(context.policies().administratorId());
        }
        ApproverQuery query = new ApproverQuery((String) v.get(VAR_PROGRAM_CODE),
                (String) v.get(VAR_TIER_CODE), (String) v.get(VAR_APPROVER_UNIT_ID),
                OrganisationLevel.valueOf((String) v.get(VAR_APPROVER_LEVEL)),
                ReviewAction.valueOf((String) v.get(VAR_REVIEW_ACTION)));
        if (answers == null) {
            return context.approvers().mayAct(userId, query);
        }
        return answers.computeIfAbsent(query, q -> context.approvers().mayAct(userId, q));
    }

    private boolean mayActForRound(SelectionRoundEntity round, String userId) {
        TierDefinition tier = tier(round.getProgramCode(), round.getTierCode());
        ReviewAction action = stepAt(tier, round.getLevel()).map(ReviewStep::action).orElse(ReviewAction.DECIDE);
        return mayActFor(userId, round.getProgramCode(), round.getTierCode(), unit(round.getUnitId()), round.getLevel(),
                action);
    }

    private boolean mayActFor(String userId, String programCode, String tierCode, OrganisationUnit unit,
                              OrganisationLevel level, ReviewAction action) {
        return userId != null && context.approvers().mayAct(userId,
                new ApproverQuery(programCode, tierCode, unit.id(), level, action));
    }

    private void requireRoundApprover(SelectionRoundEntity round, String userId) {
        if (!mayActForRound(round, userId)) {
            throw new NotAuthorizedException(new LocalizedText(
                    "用户 " + userId + " 无权查看单位 " + round.getUnitId() + "（" + round.getLevel().label().zh() + "级）的遴选批次",
                    "user " + userId + " may not see the selection rounds of unit " + round.getUnitId() + " ("
                            + round.getLevel().label().en() + " level)"));
        }
    }

    private void recordRound(SelectionRoundEntity round, String nominationId, Outcome outcome, Integer rank,
                             String actorId, String comment, String related) {
        RoundSelectionEntity entry = new RoundSelectionEntity();
        entry.setId(UUID.randomUUID().toString());
        entry.setRoundId(round.getId());
        entry.setNominationId(nominationId);
        entry.setOutcome(outcome);
        entry.setRank(rank);
        entry.setActorId(actorId);
        entry.setComment(comment);
        entry.setRelatedNominationId(related);
        entry.setCreatedAt(context.clock().get());
        session().persist(entry);
    }

    /** The step at this level in the tier's chain, or its university chain. */
    private static Optional<ReviewStep> stepAt(TierDefinition tier, OrganisationLevel level) {
        return QuotaLedger.chains(tier).stream().map(chain -> chain.stepAt(level)).flatMap(Optional::stream).findFirst();
    }

    /** The levels of the steps directly below this level in the tier's chains. */
    private static Set<OrganisationLevel> levelsBelow(TierDefinition tier, OrganisationLevel level) {
        Set<OrganisationLevel> levels = new LinkedHashSet<>();
        for (ReviewChain chain : QuotaLedger.chains(tier)) {
            List<ReviewStep> steps = chain.steps();
            for (int i = 1; i < steps.size(); i++) {
                if (steps.get(i).level() == level) {
                    levels.add(steps.get(i - 1).level());
                }
            }
        }
        return levels;
    }

    private static String labelsZh(Set<OrganisationLevel> levels) {
        return String.join("或", levels.stream().map(l -> l.label().zh()).toList());
    }

    private static String labelsEn(Set<OrganisationLevel> levels) {
        return String.join(" or ", levels.stream().map(l -> l.label().en()).toList());
    }

    private SelectionRoundEntity roundEntity(String roundId) {
        SelectionRoundEntity round = roundId == null ? null : session().find(SelectionRoundEntity.class, roundId);
        if (round == null) {
            throw new NotFoundException(new LocalizedText("找不到遴选批次 " + roundId, "no selection round " + roundId));
        }
        return round;
    }

    private static SelectionRound toRound(SelectionRoundEntity round) {
        return new SelectionRound(round.getId(), round.getProgramCode(), round.getTierCode(), round.getUnitId(),
                round.getLevel(), round.getOpensAt(), round.getClosesAt(), round.getOpenedBy(), round.getOpenedAt());
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
