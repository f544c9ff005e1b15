package org.tierflow.core.internal.selection;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.LockModeType;

import org.hibernate.Session;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.OrganisationUnit;
import org.tierflow.core.api.ProgramCatalog;
import org.tierflow.core.api.Quota;
import org.tierflow.core.api.QuotaExceededException;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.api.program.ProgramDefinition;
import org.tierflow.core.api.program.QuotaScope;
import org.tierflow.core.api.program.ReviewAction;
import org.tierflow.core.api.program.ReviewChain;
import org.tierflow.core.api.program.ReviewStep;
import org.tierflow.core.api.program.TierDefinition;
import org.tierflow.core.spi.OrganisationDirectory;

/**
 * The quota rows and their locks. Every method runs inside the caller's engine command (one transaction).
 *
 * <p>Concurrency: a pass locks the quota rows it takes a slot from ({@code select ... for update}) before
 * reading them, so two passes at the same unit are serialised by the database, on any number of nodes. Rows
 * are always locked in one global order — unit rows by id, then the tier's total — so two transactions never
 * wait for each other in a cycle. The table's check constraint {@code used <= allocated} is the last word.
 *
 * <p>Quota scope ({@link QuotaScope}): a tier whose quota counts per unit at a level, or per year, has one total
 * row per scope unit and/or year instead of one for the whole tier. A candidate's total row is found from the
 * nomination: the unit at the {@code per} level above its applicant unit, the year it was submitted. Row keys are
 * {@code unitId} for a unit's own row and {@code *}, {@code *@scopeUnit}, {@code *#2023} or
 * {@code *@scopeUnit#2023} for totals; the row id is derived from the key.
 */
public final class QuotaLedger {

    /** Unit id of the row holding the tier's total: the top unit of the chain's own quota. */
    public static final String TIER_TOTAL = "*";

    /** Unit rows first (by id), the tier's totals last. */
    private static final Comparator<String> LOCK_ORDER = Comparator
            .comparing(QuotaLedger::isTotal)
            .thenComparing(Comparator.naturalOrder());

    /** Quota years are calendar years in China Standard Time, like every other day TierFlow counts. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final Pattern TOTAL_KEY = Pattern.compile("\\*(?:@(.*?))?(?:#(\\d+))?");

    private static final String UNIQUE_VIOLATION = "23505";

    private final ProgramCatalog programs;
    private final OrganisationDirectory organisations;
    private final Supplier<Session> session;
    private final Supplier<Instant> clock;

    public QuotaLedger(ProgramCatalog programs, OrganisationDirectory organisations, Supplier<Session> session,
                       Supplier<Instant> clock) {
        this.programs = programs;
        this.organisations = organisations;
        this.session = session;
        this.clock = clock;
    }

    /**
     * Takes the slots a pass needs, or refuses with nothing changed: called by the review service when an approver
     * passes a nomination at a chain step. The acting unit's own row (if it has an allocation, it must have room)
     * and, at the deciding step, the tier's total. A nomination already holding a slot of a row (it was returned
     * to this level and passed again) does not take a second one.
     *
     * @throws QuotaExceededException when a row has no slot left; nothing was changed
     */
    public void consumeOnPass(String nominationId, String programCode, String tierCode, String applicantUnitId,
                              int stepIndex, String reviewUnitId) {
        consumeOnPass(nominationId, programCode, tierCode, applicantUnitId, stepIndex, reviewUnitId, null);
    }

    /**
     * As {@link #consumeOnPass(String, String, String, String, int, String)}, after {@link #refuseIfAlreadyFull} in
     * the same command: which rows the nomination held a slot of was asked by that check, so it is not asked again
     * under the lock. Only this nomination's own passes add such a slot, and a concurrent decision on the same
     * nomination fails as a concurrent change at the commit (its timeline entry and its row version clash; a second
     * quota use of the row would clash on {@code tierflow_quota_use_once} too); a slot this command took since the
     * check (a next level passed by policy inside the same decision) is found in the session.
     *
     * @param earlier what {@link #refuseIfAlreadyFull} answered, or {@code null} to ask under the lock
     */
    public void consumeOnPass(String nominationId, String programCode, String tierCode, String applicantUnitId,
                              int stepIndex, String reviewUnitId, EarlyCheck earlier) {
        TierDefinition tier = tier(programCode, tierCode);
        ReviewChain chain = tier.chainFor(organisations.unit(applicantUnitId).level());
        ReviewStep step = chain.steps().get(stepIndex);
        if (step.action() == ReviewAction.FILE) {
            return;
        }
        OrganisationUnit reviewUnit = organisations.unit(reviewUnitId);
        List<String> keys = keysFor(programCode, tier, chain, stepIndex, reviewUnit, nominationId);
        Map<String, QuotaEntity> rows = lockRows(programCode, tier, keys);
        takeSlots(tier, rows, nominationId, stepIndex, reviewUnit, chain, earlier);
    }

    /**
     * What {@link #refuseIfAlreadyFull} found: the rows (by id) of which the nomination held a slot at the check.
     */
    public static final class EarlyCheck {

        private final java.util.Set<String> held;

        private EarlyCheck(java.util.Set<String> held) {
            this.held = held;
        }
    }

    /**
     * A cheap early refusal, without a lock: when a row this pass needs was already full at the last commit, the
     * pass is refused before the engine does any work. Passing this check guarantees nothing; the locked check
     * in {@link #consumeOnPass} decides.
     *
     * @return which rows the nomination already held a slot of, for {@link #consumeOnPass} in the same command
     * @throws QuotaExceededException when a row is already full; nothing was changed
     */
    public EarlyCheck refuseIfAlreadyFull(String nominationId, String programCode, String tierCode,
                                          String applicantUnitId, int stepIndex, String reviewUnitId) {
        TierDefinition tier = tier(programCode, tierCode);
        ReviewChain chain = tier.chainFor(organisations.unit(applicantUnitId).level());
        OrganisationUnit reviewUnit = organisations.unit(reviewUnitId);
        List<String> keys = keysFor(programCode, tier, chain, stepIndex, reviewUnit, nominationId);
        java.util.Set<String> held = new java.util.HashSet<>();
        if (keys.isEmpty()) {
            return new EarlyCheck(held);
        }
        Map<String, String> keyById = new LinkedHashMap<>();
        keys.forEach(key -> keyById.put(rowId(programCode, tier.code(), key), key));
        List<String> ids = List.copyOf(keyById.keySet());
        // The session runs on the engine's transaction, not one of Hibernate's, so it never flushes by itself
        // before a query: flush what this command changed, so the query sees it.
        session().flush();
        // Scalars, not entities: the rows must not enter the session before they are locked. One statement reads the
        // rows and whether this nomination holds a slot of each (consumeOnPass then need not ask again).
        @SuppressWarnings("unchecked")
        List<Object[]> rows = session().createNativeQuery(
                        "select q.id, q.allocated, q.used, (select count(*) from tierflow_quota_use u"
                                + " where u.quota_id = q.id and u.nomination_id = :nomination) as held"
                                + " from tierflow_quota q where q.id in (:ids)")
                .addScalar("id", org.hibernate.type.StandardBasicTypes.STRING)
                .addScalar("allocated", org.hibernate.type.StandardBasicTypes.INTEGER)
                .addScalar("used", org.hibernate.type.StandardBasicTypes.INTEGER)
                .addScalar("held", org.hibernate.type.StandardBasicTypes.LONG)
                .setParameter("nomination", nominationId)
                .setParameter("ids", ids)
                .getResultList();
        for (Object[] row : rows) {
            if (((Number) row[3]).longValue() > 0) {
                held.add((String) row[0]);
            }
        }
        for (Object[] row : rows) {
            String key = keyById.get((String) row[0]);
            Integer allocated = isTotal(key) ? Integer.valueOf(tier.quota()) : (Integer) row[1];
            int used = (Integer) row[2];
            if (allocated != null && used >= allocated && !held.contains((String) row[0])) {
                QuotaEntity snapshot = new QuotaEntity();
                snapshot.setProgramCode(programCode);
                fillKey(snapshot, key);
                snapshot.setAllocated(allocated);
                snapshot.setUsed(used);
                throw exceeded(tier, snapshot, reviewUnit, chain);
            }
        }
        return new EarlyCheck(held);
    }

    private void takeSlots(TierDefinition tier, Map<String, QuotaEntity> rows, String nominationId, int stepIndex,
                           OrganisationUnit reviewUnit, ReviewChain chain, EarlyCheck earlier) {
        List<QuotaEntity> toTake = new ArrayList<>();
        List<QuotaEntity> toRecord = new ArrayList<>();
        for (QuotaEntity row : rows.values()) {
            boolean held = earlier == null ? holds(row, nominationId)
                    : earlier.held.contains(row.getId()) || heldInSession(row.getId(), nominationId);
            if (held) {
                continue;
            }
            if (!isLimited(tier, row)) {
                // No allocation: nothing to run out of, so no counter to keep. The use is recorded (what the unit
                // passed on is reported from these, see reportedUse), and the row stays locked until the commit, so
                // an allocation made meanwhile counts this pass.
                toRecord.add(row);
                continue;
            }
            if (isFull(tier, row)) {
                throw exceeded(tier, row, reviewUnit, chain);
            }
            toTake.add(row);
        }
        Instant now = clock.get();
        for (QuotaEntity row : toTake) {
            row.setUsed(row.getUsed() + 1);
            row.setUpdatedAt(now);
            recordUse(row, nominationId, stepIndex, now);
        }
        for (QuotaEntity row : toRecord) {
            recordUse(row, nominationId, stepIndex, now);
        }
    }

    /** Whether this session holds a use of the row by the nomination that may not be flushed yet. */
    private boolean heldInSession(String quotaId, String nominationId) {
        org.hibernate.engine.spi.SessionImplementor session = session().unwrap(org.hibernate.engine.spi.SessionImplementor.class);
        for (Map.Entry<Object, org.hibernate.engine.spi.EntityEntry> entry
                : session.getPersistenceContextInternal().reentrantSafeEntityEntries()) {
            if (entry.getKey() instanceof QuotaUseEntity use && quotaId.equals(use.getQuotaId())
                    && nominationId.equals(use.getNominationId())) {
                return true;
            }
        }
        return false;
    }

    private void recordUse(QuotaEntity row, String nominationId, int stepIndex, Instant now) {
        QuotaUseEntity use = new QuotaUseEntity();
        use.setId(UUID.randomUUID().toString());
        use.setQuotaId(row.getId());
        use.setNominationId(nominationId);
        use.setStepIndex(stepIndex);
        use.setUsedAt(now);
        session().persist(use);
    }

    /** Whether the row has a limit: the tier's totals always, a unit's row once it was allocated a quota. */
    private static boolean isLimited(TierDefinition tier, QuotaEntity row) {
        return effectiveAllocated(tier, row) != null;
    }

    /**
     * What rows without an allocation have passed on: the nominations holding an unreleased use of them. Passes
     * keep no counter on such rows (nothing to run out of); this is the report, by row id, for the rows asked.
     */
    public Map<String, Integer> reportedUse(Collection<String> quotaIds) {
        Map<String, Integer> used = new LinkedHashMap<>();
        if (quotaIds.isEmpty()) {
            return used;
        }
        session().flush();
        session().createSelectionQuery(
                        "select u.quotaId, count(u) from QuotaUseEntity u"
                                + " where u.quotaId in (:ids) and u.releasedAt is null group by u.quotaId", Object[].class)
                .setParameter("ids", quotaIds)
                .getResultList()
                .forEach(r -> used.put((String) r[0], ((Number) r[1]).intValue()));
        return used;
    }

    /** A row's quota as it stands, named after the unit asked for; a row without an allocation reports its use. */
    public Quota report(TierDefinition tier, QuotaEntity row, String unitId, Map<String, Integer> reportedUse) {
        int used = isLimited(tier, row) ? row.getUsed() : reportedUse.getOrDefault(row.getId(), 0);
        return toQuota(row.getProgramCode(), tier.code(), unitId, effectiveAllocated(tier, row), used);
    }

    /**
     * The keys of the rows a pass at this step takes a slot from, in lock order, for a tier whose quota counts over
     * the whole program: see {@link #keysFor(String, TierDefinition, ReviewChain, int, OrganisationUnit, String)}.
     */
    public List<String> keysFor(TierDefinition tier, ReviewChain chain, int stepIndex, OrganisationUnit reviewUnit) {
        if (!tier.quotaScope().isWholeProgram()) {
            throw new IllegalStateException("tier " + tier.code() + " counts its quota per unit or year; name the nomination");
        }
        return keysFor(null, tier, chain, stepIndex, reviewUnit, null);
    }

    /**
     * The keys of the rows a pass of this nomination at this step takes a slot from, in lock order: the acting
     * unit's own row (the nomination's total for the top unit) and, at the deciding step, the nomination's total
     * (the tier's, or its scope unit's and/or year's, see {@link #totalKey}).
     */
    public List<String> keysFor(String programCode, TierDefinition tier, ReviewChain chain, int stepIndex,
                                OrganisationUnit reviewUnit, String nominationId) {
        ReviewStep step = chain.steps().get(stepIndex);
        TreeSet<String> keys = new TreeSet<>(LOCK_ORDER);
        if (step.action() == ReviewAction.FILE) {
            return List.of();
        }
        boolean top = isTop(tier, reviewUnit);
        if (top || step.action() == ReviewAction.DECIDE) {
            keys.add(totalKey(programCode, tier, nominationId));
        }
        if (!top) {
            keys.add(reviewUnit.id());
        }
        return List.copyOf(keys);
    }

    /**
     * The key of the total row a nomination counts against: {@link #TIER_TOTAL} for a tier whose quota counts over
     * the whole program; otherwise with its scope unit (the unit at the {@code per} level at or above its applicant
     * unit) and/or its quota year (the year it was submitted).
     *
     * @throws InvalidRequestException when the applicant unit has no unit at the {@code per} level above it, or the
     *                                 nomination was submitted in a year outside the program's years
     */
    public String totalKey(String programCode, TierDefinition tier, String nominationId) {
        QuotaScope scope = tier.quotaScope();
        if (scope.isWholeProgram()) {
            return TIER_TOTAL;
        }
        session().flush();
        Object[] nomination = session().createSelectionQuery(
                        "select n.unitId, n.submittedAt from NominationEntity n where n.id = :id", Object[].class)
                .setParameter("id", nominationId)
                .getSingleResult();
        String applicantUnitId = (String) nomination[0];
        String scopeUnitId = scope.per().map(level -> organisations.ancestorAt(applicantUnitId, level)
                .orElseThrow(() -> new InvalidRequestException("no-quota-unit", new LocalizedText(
                        "“" + tier.name().zh() + "”的名额按" + level.label().zh() + "计算，但单位 “" + applicantUnitId
                                + "” 之上没有" + level.label().zh() + "级单位",
                        "'" + tier.name().en() + "' counts its quota per " + level.label().en() + ", but unit '"
                                + applicantUnitId + "' has no " + level.label().en() + " above it")))
                .id()).orElse(null);
        Integer year = null;
        if (scope.perYear()) {
            year = ((Instant) nomination[1]).atZone(ZONE).getYear();
            ProgramDefinition program = program(programCode);
            if (year < program.startYear() || year > program.endYear()) {
                throw new InvalidRequestException("outside-program-years", new LocalizedText(
                        "“" + tier.name().zh() + "”按年度计算名额，而该申报提交于 " + year + " 年，不在培养方案的 "
                                + program.startYear() + "–" + program.endYear() + " 年之内，没有该年度的名额",
                        "'" + tier.name().en() + "' has a quota per year, and this nomination was submitted in " + year
                                + ", outside the program's years " + program.startYear() + "–" + program.endYear()
                                + "; there is no quota for that year"));
            }
        }
        return totalKey(scopeUnitId, year);
    }

    /** The key of a total row: {@code *}, then {@code @scopeUnit} and {@code #year} where they apply. */
    public static String totalKey(String scopeUnitId, Integer year) {
        return TIER_TOTAL + (scopeUnitId == null ? "" : "@" + scopeUnitId) + (year == null ? "" : "#" + year);
    }

    /** Whether the key names a total row (of the tier, a scope unit or a year) rather than a unit's own row. */
    public static boolean isTotal(String key) {
        return key.startsWith(TIER_TOTAL);
    }

    /** Sets the row's unit, scope unit and year columns from its key. */
    private static void fillKey(QuotaEntity row, String key) {
        if (!isTotal(key)) {
            row.setUnitId(key);
            row.setScopeUnitId("");
            row.setQuotaYear(0);
            return;
        }
        Matcher matcher = TOTAL_KEY.matcher(key);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a quota key: " + key);
        }
        row.setUnitId(TIER_TOTAL);
        row.setScopeUnitId(matcher.group(1) == null ? "" : matcher.group(1));
        row.setQuotaYear(matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2)));
    }

    /** The key of a row, from its columns. */
    static String keyOf(String unitId, String scopeUnitId, Integer quotaYear) {
        if (!TIER_TOTAL.equals(unitId)) {
            return unitId;
        }
        return totalKey(scopeUnitId == null || scopeUnitId.isEmpty() ? null : scopeUnitId,
                quotaYear == null || quotaYear == 0 ? null : quotaYear);
    }

    /** The row key of a unit: its id, or {@link #TIER_TOTAL} for the top unit of the tier's chain. */
    public String rowKey(TierDefinition tier, OrganisationUnit unit) {
        return isTop(tier, unit) ? TIER_TOTAL : unit.id();
    }

    /** Whether the unit sits at the top level of the tier's chain (or university chain): its quota is the tier's. */
    public static boolean isTop(TierDefinition tier, OrganisationUnit unit) {
        return chains(tier).stream().anyMatch(chain -> topLevel(chain) == unit.level());
    }

    /** The tier's chains: the main one and the university chain if it has one. */
    public static List<ReviewChain> chains(TierDefinition tier) {
        List<ReviewChain> chains = new ArrayList<>();
        chains.add(tier.reviewChain());
        tier.universityChain().ifPresent(chains::add);
        return chains;
    }

    static OrganisationLevel topLevel(ReviewChain chain) {
        return chain.steps().get(chain.steps().size() - 1).level();
    }

    /**
     * Locks (creating when missing) the rows of these keys, in lock order. Rows of units nobody allocated to
     * are created without an allocation; the tier's total is created with the tier's quota.
     */
    public Map<String, QuotaEntity> lock(String programCode, TierDefinition tier, Collection<String> keys) {
        Map<String, QuotaEntity> rows = lockRows(programCode, tier, keys);
        // Rows without an allocation keep no counter while passes go through them: bring it up to date now, under
        // the lock, for the caller that may allocate to them, cut them or show them.
        List<String> unlimited = rows.values().stream().filter(row -> !isLimited(tier, row)).map(QuotaEntity::getId).toList();
        if (!unlimited.isEmpty()) {
            Map<String, Integer> used = reportedUse(unlimited);
            rows.values().stream().filter(row -> !isLimited(tier, row))
                    .forEach(row -> row.setUsed(used.getOrDefault(row.getId(), 0)));
        }
        return rows;
    }

    /** Locks (creating when missing) the rows of these keys, in lock order, as they are stored. */
    private Map<String, QuotaEntity> lockRows(String programCode, TierDefinition tier, Collection<String> keys) {
        TreeSet<String> ordered = new TreeSet<>(LOCK_ORDER);
        ordered.addAll(keys);
        Map<String, QuotaEntity> rows = new LinkedHashMap<>();
        for (String key : ordered) {
            rows.put(key, lockRow(programCode, tier, key));
        }
        return rows;
    }

    /** Whether the row has no slot left. The tier's total follows the definition's current quota. */
    public boolean isFull(TierDefinition tier, QuotaEntity row) {
        Integer allocated = effectiveAllocated(tier, row);
        return allocated != null && row.getUsed() >= allocated;
    }

    /** Slots left, or {@code null} for a row without an allocation. */
    public Integer remaining(TierDefinition tier, QuotaEntity row) {
        Integer allocated = effectiveAllocated(tier, row);
        return allocated == null ? null : Math.max(0, allocated - row.getUsed());
    }

    private static Integer effectiveAllocated(TierDefinition tier, QuotaEntity row) {
        return TIER_TOTAL.equals(row.getUnitId()) ? Integer.valueOf(tier.quota()) : row.getAllocated();
    }

    /** Whether this nomination holds a slot of the row. */
    public boolean holds(QuotaEntity row, String nominationId) {
        return holds(row.getId(), nominationId);
    }

    private boolean holds(String quotaId, String nominationId) {
        session().flush();
        return !session().createSelectionQuery(
                        "select u.id from QuotaUseEntity u where u.quotaId = :quota and u.nominationId = :nomination",
                        String.class)
                .setParameter("quota", quotaId)
                .setParameter("nomination", nominationId)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    /**
     * Which of these nominations hold a slot of which of these rows, as {@link #holds} answers it one by one, in
     * one query per thousand nominations (a batch asks for all its items at once).
     *
     * @return for each row id, the nominations among {@code nominationIds} holding a slot of it
     */
    public Map<String, java.util.Set<String>> holders(Collection<QuotaEntity> rows, Collection<String> nominationIds) {
        Map<String, java.util.Set<String>> holders = new java.util.HashMap<>();
        if (rows.isEmpty() || nominationIds.isEmpty()) {
            return holders;
        }
        session().flush();
        List<String> rowIds = rows.stream().map(QuotaEntity::getId).distinct().toList();
        List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(nominationIds));
        for (int from = 0; from < ids.size(); from += 1000) {
            session().createSelectionQuery("select u.quotaId, u.nominationId from QuotaUseEntity u"
                            + " where u.quotaId in (:quotas) and u.nominationId in (:nominations)", Object[].class)
                    .setParameter("quotas", rowIds)
                    .setParameter("nominations", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .getResultList()
                    .forEach(row -> holders.computeIfAbsent((String) row[0], k -> new java.util.HashSet<>()).add((String) row[1]));
        }
        return holders;
    }

    /** The slots one nomination of a batch takes: the keys of the rows it does not hold yet. */
    public record Reservation(String nominationId, int stepIndex, List<String> keys) {
    }

    /**
     * Takes the slots of a whole batch at once, on rows the caller locked ({@link #lock}) and checked: each
     * limited row's counter goes up by the slots taken from it, and every slot is recorded as a use of the row by its
     * nomination, written in JDBC batches rather than one entity each. A later pass of such a nomination
     * ({@link #consumeOnPass}) finds the use and takes no second slot. Rows without an allocation only record the
     * use, as on a pass.
     *
     * @param rows the locked rows by key, as {@link #lock} returned them
     */
    public void reserve(TierDefinition tier, Map<String, QuotaEntity> rows, List<Reservation> reservations) {
        Instant now = clock.get();
        Map<String, Integer> taken = new LinkedHashMap<>();
        for (Reservation reservation : reservations) {
            for (String key : reservation.keys()) {
                taken.merge(key, 1, Integer::sum);
            }
        }
        taken.forEach((key, count) -> {
            QuotaEntity row = Objects.requireNonNull(rows.get(key), () -> "quota row " + key + " was not locked");
            if (isLimited(tier, row)) {
                row.setUsed(row.getUsed() + count);
                row.setUpdatedAt(now);
            }
        });
        session().flush();
        session().doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into tierflow_quota_use (id, quota_id,"
                    + " nomination_id, step_index, used_at) values (?, ?, ?, ?, ?)")) {
                int pending = 0;
                for (Reservation reservation : reservations) {
                    for (String key : reservation.keys()) {
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, rows.get(key).getId());
                        insert.setString(3, reservation.nominationId());
                        insert.setInt(4, reservation.stepIndex());
                        insert.setObject(5, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                        insert.addBatch();
                        if (++pending == 500) {
                            insert.executeBatch();
                            pending = 0;
                        }
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
        });
    }

    /** Gives back every slot the nomination holds (a selected candidate withdrew). */
    public void release(String nominationId) {
        session().flush();
        List<Object[]> held = session().createSelectionQuery(
                        "select q.unitId, q.programCode, q.tierCode, q.scopeUnitId, q.quotaYear"
                                + " from QuotaUseEntity u, QuotaEntity q"
                                + " where u.quotaId = q.id and u.nominationId = :nomination and u.releasedAt is null",
                        Object[].class)
                .setParameter("nomination", nominationId)
                .getResultList();
        if (held.isEmpty()) {
            return;
        }
        String programCode = (String) held.get(0)[1];
        TierDefinition tier = tier(programCode, (String) held.get(0)[2]);
        Map<String, QuotaEntity> rows = lock(programCode, tier,
                held.stream().map(r -> keyOf((String) r[0], (String) r[3], (Integer) r[4])).toList());
        Instant now = clock.get();
        for (QuotaEntity row : rows.values()) {
            List<QuotaUseEntity> uses = session().createSelectionQuery(
                            "from QuotaUseEntity u where u.quotaId = :quota and u.nominationId = :nomination"
                                    + " and u.releasedAt is null", QuotaUseEntity.class)
                    .setParameter("quota", row.getId())
                    .setParameter("nomination", nominationId)
                    .getResultList();
            for (QuotaUseEntity use : uses) {
                use.setReleasedAt(now);
            }
            // One use per row and nomination (unique): one slot back.
            if (!uses.isEmpty()) {
                row.setUsed(row.getUsed() - 1);
                row.setUpdatedAt(now);
            }
        }
    }

    /**
     * A unit's quota as it stands (no lock). In a tier with a quota per unit at a level, a unit at that level
     * answers with its own total; in a tier with a quota per year, the totals are this year's (by the engine clock).
     */
    public Quota status(String programCode, TierDefinition tier, OrganisationUnit unit) {
        QuotaScope scope = tier.quotaScope();
        Integer year = scope.perYear() ? clock.get().atZone(ZONE).getYear() : null;
        String key;
        if (scope.per().isPresent() && scope.per().get() == unit.level()) {
            key = totalKey(unit.id(), year);
        } else if (scope.per().isEmpty() && isTop(tier, unit)) {
            key = totalKey(null, year);
        } else {
            key = unit.id();
        }
        QuotaEntity row = session().find(QuotaEntity.class, rowId(programCode, tier.code(), key));
        Integer allocated = isTotal(key) ? Integer.valueOf(tier.quota()) : row == null ? null : row.getAllocated();
        int used = row == null ? 0 : allocated != null ? row.getUsed()
                : reportedUse(List.of(row.getId())).getOrDefault(row.getId(), 0);
        return toQuota(programCode, tier.code(), unit.id(), allocated, used);
    }

    /** The quota of a locked row, named after the unit asked for. */
    public Quota toQuota(TierDefinition tier, QuotaEntity row, String unitId) {
        return toQuota(row.getProgramCode(), tier.code(), unitId, effectiveAllocated(tier, row), row.getUsed());
    }

    private static Quota toQuota(String programCode, String tierCode, String unitId, Integer allocated, int used) {
        return allocated == null
                ? new Quota(programCode, tierCode, unitId, false, 0, used, 0)
                : new Quota(programCode, tierCode, unitId, true, allocated, used, Math.max(0, allocated - used));
    }

    /** The allocations the parent has made, by child unit id. */
    public Map<String, Integer> allocationsOf(String programCode, TierDefinition tier, String parentUnitId) {
        session().flush();
        Map<String, Integer> allocations = new LinkedHashMap<>();
        session().createSelectionQuery(
                        "from QuotaEntity q where q.programCode = :program and q.tierCode = :tier"
                                + " and q.parentUnitId = :parent and q.allocated is not null order by q.unitId",
                        QuotaEntity.class)
                .setParameter("program", programCode)
                .setParameter("tier", tier.code())
                .setParameter("parent", parentUnitId)
                .getResultList()
                .forEach(row -> allocations.put(row.getUnitId(), row.getAllocated()));
        return allocations;
    }

    private QuotaEntity lockRow(String programCode, TierDefinition tier, String key) {
        String id = rowId(programCode, tier.code(), key);
        for (int attempt = 0; attempt < 3; attempt++) {
            QuotaEntity row = session().find(QuotaEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (row != null) {
                if (isTotal(key) && !Objects.equals(row.getAllocated(), tier.quota())
                        && tier.quota() >= row.getUsed()) {
                    row.setAllocated(tier.quota());
                }
                return row;
            }
            insertIfAbsent(id, programCode, tier, key);
        }
        throw new IllegalStateException("quota row " + programCode + "/" + tier.code() + "/" + key + " could not be created");
    }

    /**
     * Inserts the row unless another transaction did: inside a savepoint, so a concurrent insert of the same row
     * (a unique violation) leaves this transaction usable on PostgreSQL as on H2.
     */
    private void insertIfAbsent(String id, String programCode, TierDefinition tier, String key) {
        Instant now = clock.get();
        session().doWork(connection -> {
            Savepoint savepoint = connection.setSavepoint();
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into tierflow_quota (id, program_code, tier_code, unit_id, parent_unit_id, allocated, used,"
                            + " updated_at, version, scope_unit_id, quota_year) values (?, ?, ?, ?, null, ?, 0, ?, 0, ?, ?)")) {
                QuotaEntity columns = new QuotaEntity();
                fillKey(columns, key);
                insert.setString(1, id);
                insert.setString(2, programCode);
                insert.setString(3, tier.code());
                insert.setString(4, columns.getUnitId());
                insert.setString(7, columns.getScopeUnitId());
                insert.setInt(8, columns.getQuotaYear());
                if (isTotal(key)) {
                    insert.setInt(5, tier.quota());
                } else {
                    insert.setNull(5, java.sql.Types.INTEGER);
                }
                insert.setObject(6, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                insert.executeUpdate();
                connection.releaseSavepoint(savepoint);
            } catch (SQLException e) {
                connection.rollback(savepoint);
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
            }
        });
    }

    /** The row's id: derived from its key, so every node finds the same row without a lookup. */
    static String rowId(String programCode, String tierCode, String key) {
        return UUID.nameUUIDFromBytes((programCode + '\u0000' + tierCode + '\u0000' + key)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    private QuotaExceededException exceeded(TierDefinition tier, QuotaEntity row, OrganisationUnit reviewUnit,
                                            ReviewChain chain) {
        OrganisationUnit named = reviewUnit;
        boolean scoped = row.getScopeUnitId() != null && !row.getScopeUnitId().isEmpty();
        if (TIER_TOTAL.equals(row.getUnitId())) {
            Optional<OrganisationUnit> top = scoped ? organisations.findUnit(row.getScopeUnitId())
                    : organisations.ancestorAt(reviewUnit.id(), topLevel(chain));
            named = top.orElse(reviewUnit);
        }
        LocalizedText name = TIER_TOTAL.equals(row.getUnitId()) && named == reviewUnit && !scoped
                ? new LocalizedText("全类别", "the whole tier") : named.name();
        if (TIER_TOTAL.equals(row.getUnitId()) && row.getQuotaYear() != 0) {
            name = new LocalizedText(name.zh() + " " + row.getQuotaYear() + " 年度", name.en() + ", year " + row.getQuotaYear());
        }
        return new QuotaExceededException(row.getProgramCode(), tier.code(), named.id(), name, tier.name(),
                effectiveAllocated(tier, row), row.getUsed());
    }

    private ProgramDefinition program(String programCode) {
        return programs.find(programCode).orElseThrow(() -> new InvalidRequestException("unknown-program",
                new LocalizedText("没有代码为 “" + programCode + "” 的培养方案", "no program with the code '" + programCode + "'")));
    }

    private TierDefinition tier(String programCode, String tierCode) {
        return programs.find(programCode).flatMap(p -> p.tier(tierCode)).orElseThrow(() -> new InvalidRequestException(
                "unknown-tier", new LocalizedText("培养方案 “" + programCode + "” 中没有人才类别 “" + tierCode + "”",
                        "program '" + programCode + "' has no tier '" + tierCode + "'")));
    }

    private Session session() {
        return session.get();
    }
}
