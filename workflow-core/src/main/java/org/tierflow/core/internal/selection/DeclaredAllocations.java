package org.tierflow.core.internal.selection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tierflow.core.api.AllocationProblem;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.ProgramCatalog;
import org.tierflow.core.api.QuotaAllocationException;
import org.tierflow.core.api.program.DeclaredAllocation;
import org.tierflow.core.api.program.DefinitionProblem;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.ProgramDefinition;
import org.tierflow.core.api.program.ProgramDefinitionException;
import org.tierflow.core.api.program.TierDefinition;
import org.tierflow.core.spi.OrganisationDirectory;

/**
 * Applies the quota allocations declared in the program definitions (a tier's {@code allocation}) when TierFlow
 * starts, through {@link DefaultSelectionService#allocateAsDeclared}: the same checks and the same append-only
 * records as an allocation through the API, recorded with the actor {@link #ACTOR}.
 *
 * <p>Which wins, per unit: the latest allocation made. A declaration is applied when the unit has no allocation
 * yet, or when its latest allocation was itself a declaration with another number (the file changed). It is
 * skipped when the latest allocation already is this declaration (a restart changes nothing) and when the latest
 * allocation was made through the API (a person's later decision wins over the file; the skip is logged). All
 * declarations are applied in one transaction; any problem (an unknown unit, a unit at the wrong place, more than
 * the parent's quota) stops the start with every problem at its line and field, and nothing is applied.
 */
public final class DeclaredAllocations {

    /** The actor recorded for allocations TierFlow applies from a program definition. */
    public static final String ACTOR = "tierflow:program-definition";

    private static final Logger LOG = LoggerFactory.getLogger(DeclaredAllocations.class);

    private final Transactions transactions;
    private final Supplier<Session> session;
    private final ProgramCatalog programs;
    private final OrganisationDirectory organisations;
    private final DefaultSelectionService selection;

    public DeclaredAllocations(Transactions transactions, Supplier<Session> session, ProgramCatalog programs,
                               OrganisationDirectory organisations, DefaultSelectionService selection) {
        this.transactions = transactions;
        this.session = session;
        this.programs = programs;
        this.organisations = organisations;
        this.selection = selection;
    }

    /**
     * Applies every declaration of every program.
     *
     * @return how many allocations were applied (0 on a restart with unchanged files)
     * @throws ProgramDefinitionException listing every declaration that cannot be applied; nothing was applied
     */
    public int apply() {
        return transactions.inTransaction(() -> {
            List<DefinitionProblem> problems = new ArrayList<>();
            int applied = 0;
            for (ProgramDefinition program : programs.programs()) {
                for (TierDefinition tier : program.tiers()) {
                    applied += apply(program, tier, problems);
                }
            }
            if (!problems.isEmpty()) {
                throw new ProgramDefinitionException(problems);
            }
            return applied;
        });
    }

    private int apply(ProgramDefinition program, TierDefinition tier, List<DefinitionProblem> problems) {
        Map<String, List<DeclaredAllocation>> byParent = new LinkedHashMap<>();
        for (DeclaredAllocation declared : tier.allocation()) {
            byParent.computeIfAbsent(declared.parentUnitId(), k -> new ArrayList<>()).add(declared);
        }
        // Top down: a city can hand on its quota only once the region gave it one.
        List<String> parents = new ArrayList<>(byParent.keySet());
        parents.sort(Comparator.comparingInt((String id) -> organisations.findUnit(id)
                .map(unit -> -unit.level().rank()).orElse(0)));
        int applied = 0;
        for (String parentId : parents) {
            List<DeclaredAllocation> declarations = byParent.get(parentId);
            if (organisations.findUnit(parentId).isEmpty()) {
                problems.add(declarations.get(0).problem(new LocalizedText(
                        "组织机构中没有单位 “" + parentId + "”，它不能分配名额",
                        "there is no organisation unit '" + parentId + "'; it cannot allocate quotas")));
                continue;
            }
            Map<String, Integer> toApply = new LinkedHashMap<>();
            for (DeclaredAllocation declared : declarations) {
                Optional<QuotaAllocationEntity> latest = latest(program.code(), tier.code(), declared.unitId());
                if (latest.isEmpty() || ACTOR.equals(latest.get().getActorId())
                        && !(latest.get().getAllocated() == declared.quota()
                        && latest.get().getParentUnitId().equals(parentId))) {
                    toApply.put(declared.unitId(), declared.quota());
                } else if (!ACTOR.equals(latest.get().getActorId())) {
                    LOG.info("Quota of {} in {}/{} was allocated through the API by {} at {} ({}); the definition's {}"
                                    + " ({}:{}) is not applied", declared.unitId(), program.code(), tier.code(),
                            latest.get().getActorId(), latest.get().getCreatedAt(), latest.get().getAllocated(),
                            declared.quota(), declared.source(), declared.line());
                }
            }
            if (toApply.isEmpty()) {
                continue;
            }
            try {
                applied += selection.allocateAsDeclared(program.code(), tier.code(), parentId, toApply, ACTOR).size();
            } catch (QuotaAllocationException e) {
                for (AllocationProblem problem : e.problems()) {
                    DeclaredAllocation at = declarations.stream()
                            .filter(d -> d.unitId().equals(problem.unitId())).findFirst().orElse(declarations.get(0));
                    problems.add(at.problem(problem.reason()));
                }
            } catch (InvalidRequestException e) {
                problems.add(declarations.get(0).problem(e.text()));
            }
        }
        return applied;
    }

    /** The latest allocation of a unit in a tier, by anyone. */
    private Optional<QuotaAllocationEntity> latest(String programCode, String tierCode, String unitId) {
        session.get().flush();
        return session.get().createSelectionQuery(
                        "from QuotaAllocationEntity a where a.programCode = :program and a.tierCode = :tier"
                                + " and a.unitId = :unit order by a.createdAt desc, a.id desc", QuotaAllocationEntity.class)
                .setParameter("program", programCode)
                .setParameter("tier", tierCode)
                .setParameter("unit", unitId)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }
}
