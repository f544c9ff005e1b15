package org.tierflow.examples.scenarios;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.tierflow.core.TierFlow;
import org.tierflow.core.api.AssessmentRecord;
import org.tierflow.core.api.BatchRejectedException;
import org.tierflow.core.api.Decision;
import org.tierflow.core.api.InboxQuery;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationState;
import org.tierflow.core.api.NominationSubmission;
import org.tierflow.core.api.NotEligibleException;
import org.tierflow.core.api.OrganisationUnit;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.Objection;
import org.tierflow.core.api.ObjectionOutcome;
import org.tierflow.core.api.ObjectionResolution;
import org.tierflow.core.api.AuditFinding;
import org.tierflow.core.api.LifecyclePhase;
import org.tierflow.core.api.LifecycleStatus;
import org.tierflow.core.api.Page;
import org.tierflow.core.api.TaskBook;
import org.tierflow.core.api.program.AcceptanceDefinition;
import org.tierflow.core.api.program.CandidateKind;
import org.tierflow.core.api.program.EvaluationDefinition;
import org.tierflow.core.api.program.EvaluationParty;
import org.tierflow.core.api.program.RubricCriterion;
import org.tierflow.core.api.SpotCheck;
import org.tierflow.core.api.SpotCheckItem;
import org.tierflow.core.api.SpotCheckReport;
import org.tierflow.core.api.SpotCheckRequest;
import org.tierflow.core.api.program.SampleSize;
import org.tierflow.core.api.Publication;
import org.tierflow.core.api.PublicityEntry;
import org.tierflow.core.api.PublicityEntryStatus;
import org.tierflow.core.api.Quota;
import org.tierflow.core.api.QuotaAllocationException;
import org.tierflow.core.api.QuotaExceededException;
import org.tierflow.core.api.RankedCandidate;
import org.tierflow.core.api.ReviewTask;
import org.tierflow.core.api.TierFlowException;
import org.tierflow.core.api.Withdrawal;
import org.tierflow.core.api.HourRecord;
import org.tierflow.core.api.program.Assessment;
import org.tierflow.core.api.program.HourCategory;
import org.tierflow.core.api.program.HourRatioRule;
import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.api.program.ProgramDefinition;
import org.tierflow.core.api.program.ReviewChain;
import org.tierflow.core.api.program.TierDefinition;
import org.tierflow.core.api.program.TrainingRequirement;

/**
 * Plays one program with generated candidates through TierFlow's public API only: nomination, the review chain
 * level by level (most pass, some are returned and resubmit, some are rejected), selection in rounds at the
 * deciding level within the quota (allocated down the tree where the deciding level is below the quota's
 * owner), withdrawals with promotion from the waitlist, training hours, and credentials. Everything it does is
 * read from the program's definition; nothing here knows a program by name.
 */
final class ProgramScenario {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int PAGE = 200;
    private static final Duration ROUND_LENGTH = Duration.ofDays(30);
    /** Longer than any publicity period of five working days, holidays included. */
    private static final Duration PUBLICITY_TIME = Duration.ofDays(15);
    /** How long the scenario lets selected candidates train before their hours are looked at. */
    private static final Duration TRAINING_TIME = Duration.ofDays(180);
    private static final BigDecimal HOURS_PER_DAY = BigDecimal.valueOf(8);

    private final ScenarioWorld world;
    private final TierFlow tierFlow;
    private final ProgramDefinition program;
    private final Random random;
    private final CandidateFacts facts;
    private final List<OrganisationUnit> area;
    private final Map<String, TierOutcome> outcomes = new LinkedHashMap<>();
    private final Map<String, Candidate> candidates = new LinkedHashMap<>();
    private final Map<String, String> rounds = new HashMap<>();
    private final Set<String> allocatedTiers = new HashSet<>();
    private final Set<String> scored = new HashSet<>();
    private final Set<String> examined = new HashSet<>();
    private final Set<String> failedExams = new HashSet<>();
    private final Set<String> countedPublications = new HashSet<>();
    /** The year whose selection is being played. */
    private int currentYear;

    private record Candidate(String nominationId, TierDefinition tier, ReviewChain chain, String unitId,
                             String applicantId, int year) {
        int decidingStepIndex() {
            return chain.steps().indexOf(chain.decidingStep());
        }
    }

    ProgramScenario(ScenarioWorld world, ScenarioPlan.Entry entry, long seed) {
        this.world = world;
        this.tierFlow = world.tierFlow();
        this.program = world.programs().get(entry.program());
        this.random = new Random(seed);
        this.facts = new CandidateFacts(random);
        List<OrganisationUnit> units = new ArrayList<>(world.organisations().descendants(entry.within()));
        units.add(0, world.organisations().unit(entry.within()));
        this.area = List.copyOf(units);
    }

    ProgramOutcome play(int candidatesPerTier) {
        for (TierDefinition tier : program.tiers()) {
            outcomes.put(tier.code(), new TierOutcome(tier.code(), tier.name().zh() + " / " + tier.name().en()));
        }
        // A program with a quota per year selects in yearly rounds: every year of the program has its own
        // candidates, rounds, publicity and quota for those tiers. Other programs and tiers select once, in the
        // first year.
        boolean yearly = program.tiers().stream().anyMatch(tier -> tier.quotaScope().perYear());
        int lastYear = yearly ? program.endYear() : program.startYear();
        for (int year = program.startYear(); year <= lastYear; year++) {
            // Inside the program's years (a quota per year has no quota outside them): early in the year.
            world.setNow(LocalDate.of(year, 3, 1).atTime(9, 0).atZone(CHINA).toInstant());
            currentYear = year;
            rounds.clear();
            for (TierDefinition tier : program.tiers()) {
                // Tiers with one quota for the whole program (and schools, which apply once) select in the first year.
                if (year == program.startYear() || tier.quotaScope().perYear()) {
                    nominate(tier, candidatesPerTier);
                }
            }
            review();
            withdrawSome();
            review();
            world.advance(ROUND_LENGTH.plusDays(1));
            publicity();
            closeRounds();
            countQuotas(yearly ? lastYear - program.startYear() + 1 : 1);
        }
        List<Candidate> selected = candidates.values().stream()
                .filter(candidate -> state(candidate) == NominationState.SELECTED).toList();
        selected.forEach(this::signTaskBook);
        world.advance(TRAINING_TIME);
        selected.forEach(this::train);
        selected.forEach(this::runPhases);
        List<String> spotChecks = spotChecks();
        accept(selected);
        evaluate(selected);
        selected.forEach(this::credential);
        count();
        return new ProgramOutcome(program.code(), program.name().zh() + " / " + program.name().en(),
                List.copyOf(outcomes.values()), spotChecks);
    }

    // --- nomination -------------------------------------------------------------------------------------------

    private void nominate(TierDefinition tier, int count) {
        TierOutcome outcome = outcomes.get(tier.code());
        List<OrganisationUnit> schools = entryUnits(tier.reviewChain());
        List<OrganisationUnit> universities = tier.universityChain().map(this::entryUnits).orElse(List.of());
        if (schools.isEmpty() && universities.isEmpty()) {
            outcome.note("no unit at the entry level " + tier.reviewChain().entryLevel() + " in the area");
            return;
        }
        List<OrganisationUnit> schoolsLeft = new ArrayList<>(schools);
        for (int i = 1; i <= count; i++) {
            boolean university = !universities.isEmpty() && (schools.isEmpty() || random.nextInt(100) < 15);
            boolean schoolCandidate = tier.candidateKind() == CandidateKind.SCHOOL;
            if (schoolCandidate && schoolsLeft.isEmpty()) {
                outcome.note("every school in the area has applied (one nomination per school)");
                return;
            }
            OrganisationUnit unit = pick(schoolCandidate ? schoolsLeft : university ? universities : schools);
            schoolsLeft.remove(unit);
            // A school or a project is submitted by an approver of the applying unit, not by a person for themself.
            String applicant = tier.candidateKind() == CandidateKind.PERSON
                    ? tier.code() + "-candidate-" + (currentYear == program.startYear() ? "" : currentYear + "-") + i
                    : ScenarioWorld.reviewerOf(unit.id());
            String title = tier.candidateKind() == CandidateKind.PROJECT
                    ? tier.name().zh() + " " + (currentYear == program.startYear() ? "" : currentYear + "-") + i : null;
            boolean meantToBeEligible = random.nextInt(100) < 90;
            outcome.generated++;
            try {
                Nomination nomination = tierFlow.nominations().submit(new NominationSubmission(program.code(), tier.code(),
                        applicant, unit.id(), meantToBeEligible ? facts.eligible(tier) : facts.arbitrary(tier),
                        List.of("申报表-" + i + ".pdf"), title));
                candidates.put(nomination.id(), new Candidate(nomination.id(), tier, tier.chainFor(unit.level()),
                        unit.id(), applicant, currentYear));
            } catch (NotEligibleException e) {
                outcome.ineligible++;
            }
        }
    }

    // --- review -----------------------------------------------------------------------------------------------

    /** Sweeps the inboxes bottom-up and selects in rounds until nothing moves any more. */
    private void review() {
        boolean moved = true;
        while (moved) {
            Map<String, List<ReviewTask>> waitingForSelection = new LinkedHashMap<>();
            moved = sweep(waitingForSelection);
            for (List<ReviewTask> group : waitingForSelection.values()) {
                moved |= selectInRound(group);
            }
        }
    }

    private boolean sweep(Map<String, List<ReviewTask>> waitingForSelection) {
        boolean moved = false;
        List<OrganisationUnit> reviewing = new ArrayList<>(area);
        reviewing.addAll(world.organisations().ancestors(area.get(0).id()));
        reviewing.sort(Comparator.comparingInt(unit -> unit.level().rank()));
        for (OrganisationUnit unit : reviewing) {
            String reviewer = ScenarioWorld.reviewerOf(unit.id());
            for (ReviewTask task : inbox(reviewer)) {
                Candidate candidate = candidates.get(task.nominationId());
                if (task.stepIndex() == candidate.decidingStepIndex()) {
                    waitingForSelection.computeIfAbsent(candidate.tier().code() + "|" + task.unitId() + "|" + task.level(),
                            key -> new ArrayList<>()).add(task);
                } else {
                    decideOnTheWay(candidate, task, reviewer);
                    moved = true;
                }
            }
        }
        return moved;
    }

    private List<ReviewTask> inbox(String reviewer) {
        List<ReviewTask> tasks = new ArrayList<>();
        InboxQuery query = InboxQuery.all().program(program.code());
        for (int page = 0; ; page++) {
            Page<ReviewTask> items = tierFlow.reviews().inbox(reviewer, query.page(page, PAGE));
            tasks.addAll(items.items());
            if (page + 1 >= items.totalPages()) {
                return tasks;
            }
        }
    }

    /** A level below the deciding one: most pass, a few are returned once and corrected, a few are turned down. */
    private void decideOnTheWay(Candidate candidate, ReviewTask task, String reviewer) {
        TierOutcome outcome = outcomes.get(candidate.tier().code());
        int roll = random.nextInt(100);
        if (roll < 4 && task.stepIndex() < candidate.decidingStepIndex()) {
            tierFlow.reviews().decide(task.taskId(), reviewer, Decision.returnToApplicant("请补充佐证材料 / please add evidence"));
            tierFlow.nominations().resubmit(candidate.nominationId(), candidate.applicantId(), Map.of(),
                    "已补充 / evidence added");
            outcome.returnedAndResubmitted++;
        } else if (roll < 10 && task.stepIndex() < candidate.decidingStepIndex()) {
            tierFlow.reviews().decide(task.taskId(), reviewer, Decision.reject("条件不突出 / not strong enough"));
            outcome.rejectedOnTheWay++;
        } else {
            try {
                tierFlow.reviews().decide(task.taskId(), reviewer, Decision.pass("同意推荐 / recommended"));
            } catch (QuotaExceededException full) {
                tierFlow.reviews().decide(task.taskId(), reviewer, Decision.reject("名额已满 / quota full"));
                outcome.note("quota full at " + full.unitId());
            }
        }
    }

    /**
     * The deciding level selects the best-ranked candidates that fit the quota in one batch; the others stay on
     * the round's list as its waitlist (递补). Returns whether anyone was selected.
     */
    private boolean selectInRound(List<ReviewTask> group) {
        ReviewTask first = group.get(0);
        Candidate sample = candidates.get(first.nominationId());
        TierDefinition tier = sample.tier();
        TierOutcome outcome = outcomes.get(tier.code());
        String reviewer = ScenarioWorld.reviewerOf(first.unitId());
        allocateOnce(tier, sample.chain());
        String roundId = rounds.computeIfAbsent(tier.code() + "|" + first.unitId() + "|" + first.level(), key -> {
            outcome.rounds++;
            return tierFlow.selection().openRound(program.code(), tier.code(), first.unitId(), first.level(),
                    world.now(), world.now().plus(ROUND_LENGTH), reviewer).id();
        });
        for (ReviewTask task : group) {
            sitExams(candidates.get(task.nominationId()));
            if (scored.add(task.nominationId())) {
                BigDecimal score = BigDecimal.valueOf(6000 + random.nextInt(4000), 2);
                tierFlow.selection().recordScore(task.nominationId(), task.stepIndex(), score, reviewer);
            }
        }
        List<RankedCandidate> ranked = tierFlow.selection().rankedCandidates(roundId, reviewer);
        int fits = Math.min(ranked.size(), remaining(tier, sample.chain(), first.unitId()));
        if (fits == 0) {
            return false;
        }
        List<String> chosen = ranked.stream().map(RankedCandidate::nominationId)
                .filter(id -> !failedExams.contains(id)).limit(fits).toList();
        if (chosen.isEmpty()) {
            return false;
        }
        try {
            tierFlow.selection().selectBatch(roundId, reviewer, chosen, "按名额择优遴选 / selected on merit within the quota", false);
        } catch (BatchRejectedException e) {
            throw new IllegalStateException("batch refused in " + program.code() + "/" + tier.code() + ": " + e.problems(), e);
        }
        return true;
    }

    /**
     * After the rounds close, each deciding unit publishes its selection (公示). A few candidates draw an objection;
     * the unit upholds about half (the candidate is removed and the next on the waitlist moves up, with a
     * publicity of their own) and dismisses the rest. When the period is over every publication is closed,
     * confirming whoever has no open objection.
     */
    private void publicity() {
        for (String round : rounds.keySet()) {
            String[] key = round.split("\\|");
            TierOutcome outcome = outcomes.get(key[0]);
            String reviewer = ScenarioWorld.reviewerOf(key[1]);
            Publication publication;
            try {
                publication = tierFlow.publicity().publish(program.code(), key[0], key[1], reviewer);
            } catch (InvalidRequestException nothing) {
                outcome.note("nothing to publish at a deciding unit (" + nothing.code() + ")");
                continue;
            }
            outcome.published += publication.entries().size();
            for (PublicityEntry entry : publication.entries()) {
                if (random.nextInt(100) >= 3) {
                    continue;
                }
                Objection objection = tierFlow.publicity().fileObjection(publication.id(), entry.nominationId(),
                        "citizen-" + random.nextInt(1000), "申报材料与事实不符 / the application misstates facts");
                outcome.objections++;
                boolean upheld = random.nextBoolean();
                ObjectionResolution resolution = tierFlow.publicity().resolveObjection(objection.id(), reviewer,
                        upheld ? ObjectionOutcome.UPHELD : ObjectionOutcome.DISMISSED,
                        upheld ? "经核实异议成立 / verified: the objection holds" : "经核实异议不成立 / verified: unfounded");
                if (upheld) {
                    outcome.objectionsUpheld++;
                    resolution.promoted().ifPresent(promoted -> outcome.promotedFromWaitlist++);
                }
            }
        }
        world.advance(PUBLICITY_TIME);
        for (TierDefinition tier : program.tiers()) {
            for (Publication publication : tierFlow.publicity().publications(program.code(), tier.code())) {
                if (!countedPublications.add(publication.id())) {
                    continue;
                }
                if (publication.closedAt() == null) {
                    publication = tierFlow.publicity().close(publication.id(), ScenarioWorld.reviewerOf(publication.unitId()));
                }
                outcomes.get(tier.code()).confirmed += (int) publication.entries().stream()
                        .filter(entry -> entry.status() == PublicityEntryStatus.CONFIRMED).count();
            }
        }
    }

    /**
     * Candidates waiting for the decision sit the tier's exams (the host's exam platform reports the results): most
     * pass, some fail one. Those without passing results cannot be selected, so they are left out of the batch.
     */
    private void sitExams(Candidate candidate) {
        TierDefinition tier = candidate.tier();
        if (tier.assessments().isEmpty() || !examined.add(candidate.nominationId())) {
            return;
        }
        TierOutcome outcome = outcomes.get(tier.code());
        boolean passesAll = true;
        for (Assessment assessment : tier.assessments()) {
            boolean passes = random.nextInt(100) < 90;
            BigDecimal range = passes ? assessment.maxScore().subtract(assessment.passMark()) : assessment.passMark();
            BigDecimal score = (passes ? assessment.passMark() : BigDecimal.ZERO)
                    .add(range.multiply(BigDecimal.valueOf(random.nextInt(100), 2))).setScale(2, RoundingMode.DOWN);
            if (!passes && score.compareTo(assessment.passMark()) >= 0) {
                score = assessment.passMark().subtract(BigDecimal.ONE).max(BigDecimal.ZERO);
            }
            tierFlow.assessments().record(new AssessmentRecord(candidate.nominationId(), assessment.code(), score,
                    LocalDate.ofInstant(world.now(), ZoneId.of("Asia/Shanghai")), "scenario-exam-platform",
                    candidate.nominationId() + "/" + assessment.code()));
            passesAll &= passes;
        }
        outcome.examsTaken++;
        if (!passesAll) {
            outcome.examsFailed++;
            failedExams.add(candidate.nominationId());
        }
    }

    /**
     * Where the program declares yearly spot checks (抽查), each auditing unit draws a tenth of the candidates in
     * progress and of their managing units with a recorded seed, and audits every sampled item: most are in
     * order, a few show issues. Returns one line per draw for the summary.
     */
    private List<String> spotChecks() {
        if (program.spotChecks().isEmpty()) {
            return List.of();
        }
        OrganisationLevel level = program.spotChecks().get().level();
        List<OrganisationUnit> auditors = new ArrayList<>(world.organisations().ancestors(area.get(0).id()));
        auditors.addAll(area);
        List<String> lines = new ArrayList<>();
        int year = LocalDate.ofInstant(world.now(), ZoneId.of("Asia/Shanghai")).getYear();
        for (OrganisationUnit auditor : auditors.stream().filter(unit -> unit.level() == level).toList()) {
            String actor = ScenarioWorld.reviewerOf(auditor.id());
            SpotCheck draw = tierFlow.spotChecks().draw(new SpotCheckRequest(program.code(), auditor.id(), year,
                    random.nextLong(), SampleSize.percent(10), SampleSize.percent(10), actor));
            for (SpotCheckItem item : draw.items()) {
                boolean issues = random.nextInt(100) < 10;
                tierFlow.spotChecks().complete(item.id(), actor, issues ? AuditFinding.ISSUES : AuditFinding.OK,
                        issues ? "培训档案不完整 / the training file is incomplete" : null);
            }
            SpotCheckReport report = tierFlow.spotChecks().report(draw.id(), actor);
            lines.add("spot check " + year + " by " + auditor.id() + " (seed " + draw.seed() + "): "
                    + report.candidatesSampled() + " of " + draw.candidatePopulation() + " candidates in progress and "
                    + report.unitsSampled() + " of " + draw.unitPopulation() + " managing units audited; "
                    + report.ok() + " in order, " + report.issues() + " with issues");
        }
        return lines;
    }

    /** When the rounds end, whoever is still on a waitlist is turned down. */
    private void closeRounds() {
        for (Map.Entry<String, String> round : rounds.entrySet()) {
            String unitId = round.getKey().split("\\|")[1];
            String reviewer = ScenarioWorld.reviewerOf(unitId);
            for (RankedCandidate waiting : tierFlow.selection().rankedCandidates(round.getValue(), reviewer)) {
                tierFlow.reviews().decide(waiting.taskId(), reviewer, Decision.reject("名额已满，未入选 / not selected: the quota is full"));
            }
        }
    }

    /** Where the deciding level sits below the quota's owner, the owner shares it out by how many wait at each. */
    private void allocateOnce(TierDefinition tier, ReviewChain chain) {
        if (!allocatedTiers.add(tier.code())) {
            return;
        }
        int deciding = chain.steps().indexOf(chain.decidingStep());
        int top = chain.steps().size() - 1;
        if (deciding == top) {
            return;
        }
        if (deciding != top - 1) {
            outcomes.get(tier.code()).note("no allocation: the deciding level is more than one level below the quota's owner");
            return;
        }
        OrganisationLevel decidingLevel = chain.decidingStep().level();
        OrganisationLevel topLevel = chain.steps().get(top).level();
        Map<String, Map<String, Integer>> waitingByOwner = new LinkedHashMap<>();
        for (Candidate candidate : candidates.values()) {
            if (candidate.tier() == tier && state(candidate) == NominationState.IN_REVIEW) {
                world.organisations().ancestorAt(candidate.unitId(), decidingLevel).ifPresent(unit -> {
                    String owner = world.organisations().ancestorAt(unit.id(), topLevel).orElseThrow().id();
                    waitingByOwner.computeIfAbsent(owner, k -> new LinkedHashMap<>()).merge(unit.id(), 1, Integer::sum);
                });
            }
        }
        waitingByOwner.forEach((owner, waiting) -> {
            int quota = tierFlow.selection().quota(program.code(), tier.code(), owner).allocated();
            try {
                tierFlow.selection().allocate(program.code(), tier.code(), owner, shares(quota, waiting),
                        ScenarioWorld.reviewerOf(owner));
            } catch (QuotaAllocationException e) {
                outcomes.get(tier.code()).note("allocation refused: " + e.problems());
            }
        });
    }

    /** Largest-remainder shares of the quota in proportion to the candidates waiting, never more than wait. */
    static Map<String, Integer> shares(int quota, Map<String, Integer> waiting) {
        int total = waiting.values().stream().mapToInt(Integer::intValue).sum();
        Map<String, Integer> shares = new LinkedHashMap<>();
        Map<String, Double> remainders = new HashMap<>();
        int given = 0;
        for (Map.Entry<String, Integer> unit : waiting.entrySet()) {
            double exact = total == 0 ? 0 : (double) quota * unit.getValue() / total;
            int share = Math.min((int) Math.floor(exact), unit.getValue());
            shares.put(unit.getKey(), share);
            remainders.put(unit.getKey(), exact - share);
            given += share;
        }
        List<String> byRemainder = new ArrayList<>(waiting.keySet());
        byRemainder.sort(Comparator.comparing((String unit) -> remainders.get(unit)).reversed().thenComparing(unit -> unit));
        for (String unit : byRemainder) {
            if (given >= quota) {
                break;
            }
            if (shares.get(unit) < waiting.get(unit)) {
                shares.merge(unit, 1, Integer::sum);
                given++;
            }
        }
        return shares;
    }

    private int remaining(TierDefinition tier, ReviewChain chain, String decidingUnit) {
        OrganisationLevel topLevel = chain.steps().get(chain.steps().size() - 1).level();
        String owner = world.organisations().ancestorAt(decidingUnit, topLevel).orElseThrow().id();
        Quota total = tierFlow.selection().quota(program.code(), tier.code(), owner);
        int remaining = total.limited() ? total.remaining() : Integer.MAX_VALUE;
        if (!owner.equals(decidingUnit)) {
            Quota own = tierFlow.selection().quota(program.code(), tier.code(), decidingUnit);
            if (own.limited()) {
                remaining = Math.min(remaining, own.remaining());
            }
        }
        return remaining;
    }

    // --- after selection --------------------------------------------------------------------------------------

    /** A few selected candidates give up their place; the next on the round's list moves up. */
    private void withdrawSome() {
        for (Candidate candidate : candidates.values()) {
            if (candidate.year() == currentYear && state(candidate) == NominationState.SELECTED && random.nextInt(100) < 3) {
                Withdrawal withdrawal = tierFlow.selection().withdrawSelected(candidate.nominationId(),
                        candidate.applicantId(), "个人原因放弃 / gave up for personal reasons");
                TierOutcome outcome = outcomes.get(candidate.tier().code());
                outcome.withdrawals++;
                if (withdrawal.promoted().isPresent()) {
                    outcome.promotedFromWaitlist++;
                }
            }
        }
    }

    // --- life cycle after selection --------------------------------------------------------------------------

    /** The candidate signs the task book and its authority countersigns; now and then it was signed on paper. */
    private void signTaskBook(Candidate candidate) {
        if (phase(candidate) != LifecyclePhase.TASK_BOOK) {
            return;
        }
        TaskBook book = tierFlow.taskBooks().get(candidate.nominationId());
        String authority = ScenarioWorld.reviewerOf(book.authorityUnitId());
        if (random.nextInt(100) < 3) {
            tierFlow.taskBooks().recordSignedElsewhere(candidate.nominationId(), authority,
                    "纸质任务书已签订 / signed on paper at the bureau");
            outcomes.get(candidate.tier().code()).taskBooksSignedElsewhere++;
        } else {
            tierFlow.taskBooks().sign(candidate.nominationId(), candidate.applicantId());
            tierFlow.taskBooks().countersign(candidate.nominationId(), authority);
        }
        outcomes.get(candidate.tier().code()).taskBooksSigned++;
    }

    /**
     * At the end of the working period each candidate reports, the acceptance chain reviews, and the accepting
     * level scores on site: most pass; a failure extends the working period by the definition's extension, after
     * which the candidate is accepted again (or, past the last extension, ends without credential).
     */
    /** Every phase of a tier with phases passes, decided by the approver at its level when it is due. */
    private void runPhases(Candidate candidate) {
        for (var phase : tierFlow.lifecycle().phases(candidate.nominationId())) {
            var open = tierFlow.lifecycle().phases(candidate.nominationId()).get(phase.index());
            if (open.state() != org.tierflow.core.api.PhaseStatus.State.OPEN) {
                return;
            }
            String actor = ScenarioWorld.reviewerOf(world.organisations().ancestorAt(candidate.unitId(), open.decidedBy())
                    .orElseThrow().id());
            tierFlow.lifecycle().decidePhase(candidate.nominationId(), actor, true, "通过 / passed");
        }
    }

    private void accept(List<Candidate> selected) {
        for (int attempt = 0; attempt < 4; attempt++) {
            Instant due = selected.stream().map(this::status).flatMap(Optional::stream)
                    .filter(status -> status.phase() == LifecyclePhase.IMPLEMENTATION
                            || status.phase() == LifecyclePhase.EXTENSION)
                    .map(LifecycleStatus::workingPeriodEndsAt).filter(Objects::nonNull).max(Comparator.naturalOrder())
                    .orElse(null);
            if (due == null) {
                return;
            }
            if (due.isAfter(world.now())) {
                world.advance(Duration.between(world.now(), due).plusDays(1));
            }
            world.runDueTimers();
            for (Candidate candidate : selected) {
                // After an extension the phase stays EXTENSION until the rectification report is in.
                Optional<LifecycleStatus> status = status(candidate);
                boolean reportDue = status.map(LifecycleStatus::phase).orElse(null) == LifecyclePhase.ACCEPTANCE
                        || status.filter(s -> s.phase() == LifecyclePhase.EXTENSION)
                                .filter(s -> !s.workingPeriodEndsAt().isAfter(world.now())).isPresent();
                if (reportDue) {
                    acceptOnce(candidate);
                }
            }
        }
    }

    private void acceptOnce(Candidate candidate) {
        TierOutcome outcome = outcomes.get(candidate.tier().code());
        AcceptanceDefinition acceptance = candidate.tier().acceptance().orElseThrow();
        ReviewChain chain = candidate.chain().entryLevel() == OrganisationLevel.UNIVERSITY
                ? acceptance.universityChain().orElse(acceptance.chain()) : acceptance.chain();
        boolean rectifying = !tierFlow.acceptance().rounds(candidate.nominationId()).isEmpty()
                && status(candidate).map(LifecycleStatus::extensionsUsed).orElse(0) > 0;
        tierFlow.acceptance().submitReport(candidate.nominationId(), candidate.applicantId(), rectifying
                ? "整改报告 / rectification report" : "总结报告 / final report");
        boolean passes = random.nextInt(100) < (rectifying ? 70 : 85);
        for (int step = 0; step < chain.steps().size(); step++) {
            OrganisationLevel level = chain.steps().get(step).level();
            String actor = ScenarioWorld.reviewerOf(world.organisations().ancestorAt(candidate.unitId(), level)
                    .orElseThrow().id());
            if (step < chain.steps().size() - 1) {
                tierFlow.acceptance().review(candidate.nominationId(), actor, true, "同意提交验收 / forwarded");
            } else {
                if (acceptance.onSite()) {
                    tierFlow.acceptance().scheduleOnSite(candidate.nominationId(), actor,
                            LocalDate.ofInstant(world.now(), CHINA), List.of("专家甲 / expert A", "专家乙 / expert B"));
                }
                BigDecimal score = BigDecimal.valueOf(passes ? 70 + random.nextInt(30) : 40 + random.nextInt(15));
                tierFlow.acceptance().decide(candidate.nominationId(), actor, score, passes,
                        passes ? "验收合格 / accepted" : "未达到任务书目标 / task-book goals not met");
            }
        }
        if (passes) {
            outcome.acceptancePassed++;
        } else if (phase(candidate) == LifecyclePhase.EXTENSION) {
            outcome.extensionsGranted++;
        } else {
            outcome.endedWithoutCredential++;
        }
    }

    /** Where the tier has a comprehensive evaluation, every party scores; most candidates qualify. */
    private void evaluate(List<Candidate> selected) {
        Instant due = selected.stream().map(this::status).flatMap(Optional::stream)
                .filter(status -> status.phase() == LifecyclePhase.IMPLEMENTATION)
                .map(LifecycleStatus::workingPeriodEndsAt).filter(Objects::nonNull).max(Comparator.naturalOrder())
                .orElse(null);
        if (due != null && due.isAfter(world.now())) {
            world.advance(Duration.between(world.now(), due).plusDays(1));
        }
        world.runDueTimers();
        for (Candidate candidate : selected) {
            if (phase(candidate) != LifecyclePhase.EVALUATION) {
                continue;
            }
            EvaluationDefinition evaluation = candidate.tier().evaluation().orElseThrow();
            boolean good = random.nextInt(100) < 90;
            List<OrganisationUnit> path = world.organisations().pathToRoot(candidate.unitId());
            int party = 0;
            for (EvaluationParty scoring : evaluation.parties()) {
                String scorer = scoring.code().equals("self") ? candidate.applicantId()
                        : ScenarioWorld.reviewerOf(path.get(party++ % path.size()).id());
                Map<String, BigDecimal> scores = new LinkedHashMap<>();
                for (RubricCriterion criterion : evaluation.criteria()) {
                    int share = good ? 70 + random.nextInt(28) : 20 + random.nextInt(30);
                    scores.put(criterion.code(), criterion.maxScore().multiply(BigDecimal.valueOf(share, 2))
                            .setScale(1, RoundingMode.DOWN));
                }
                tierFlow.evaluations().score(candidate.nominationId(), scoring.code(), scorer, scores);
            }
            TierOutcome outcome = outcomes.get(candidate.tier().code());
            if (status(candidate).map(LifecycleStatus::evaluationQualified).orElse(false)) {
                outcome.evaluationQualified++;
            } else {
                outcome.endedWithoutCredential++;
            }
        }
    }

    private Optional<LifecycleStatus> status(Candidate candidate) {
        return tierFlow.lifecycle().get(candidate.nominationId());
    }

    private LifecyclePhase phase(Candidate candidate) {
        return status(candidate).map(LifecycleStatus::phase).orElse(null);
    }

    /** Most candidates do what the requirement asks (in the categories and shares it names); some fall short. */
    private void train(Candidate candidate) {
        if (candidate.tier().training().isEmpty()) {
            return;
        }
        TrainingRequirement requirement = candidate.tier().training().get();
        TierOutcome outcome = outcomes.get(candidate.tier().code());
        outcome.trainingRequired++;
        Map<String, BigDecimal> hours = hoursMeeting(requirement);
        BigDecimal effort = random.nextInt(100) < 85 ? BigDecimal.ONE : new BigDecimal("0.6");
        // One record per day and at most a working day's hours each, from the day the candidate was selected.
        LocalDate day = tierFlow.training().progress(candidate.nominationId()).windowStart();
        for (Map.Entry<String, BigDecimal> category : hours.entrySet()) {
            BigDecimal left = category.getValue().multiply(effort).setScale(1, RoundingMode.UP);
            for (int part = 1; left.signum() > 0; part++, day = day.plusDays(1)) {
                BigDecimal recorded = left.min(HOURS_PER_DAY);
                tierFlow.training().record(new HourRecord(candidate.nominationId(),
                        candidate.nominationId() + "/" + category.getKey() + "/" + part, category.getKey(), recorded,
                        day, "scenario-platform", "模拟培训记录 / simulated training record"));
                left = left.subtract(recorded);
            }
        }
        if (tierFlow.training().progress(candidate.nominationId()).met()) {
            outcome.trainingMet++;
        }
    }

    /** Hours per category that meet every minimum, the total and every share rule of the requirement. */
    static Map<String, BigDecimal> hoursMeeting(TrainingRequirement requirement) {
        Map<String, BigDecimal> hours = new LinkedHashMap<>();
        for (HourCategory category : requirement.categories()) {
            hours.put(category.code(), category.minHours());
        }
        String topUp = requirement.ratios().isEmpty() ? requirement.categories().get(0).code()
                : requirement.ratios().get(0).category();
        BigDecimal sum = hours.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (requirement.totalMinHours().compareTo(sum) > 0) {
            hours.merge(topUp, requirement.totalMinHours().subtract(sum), BigDecimal::add);
        }
        for (HourRatioRule rule : requirement.ratios()) {
            BigDecimal total = hours.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal share = rule.minPercent().movePointLeft(2);
            BigDecimal own = hours.getOrDefault(rule.category(), BigDecimal.ZERO);
            BigDecimal lacking = share.multiply(total).subtract(own);
            if (lacking.signum() > 0) {
                // (own + x) / (total + x) >= share  <=>  x >= (share * total - own) / (1 - share)
                BigDecimal x = lacking.divide(BigDecimal.ONE.subtract(share), 1, RoundingMode.UP);
                hours.merge(rule.category(), x, BigDecimal::add);
            }
        }
        return hours;
    }

    private void credential(Candidate candidate) {
        TierDefinition tier = candidate.tier();
        if (tier.credential().isEmpty() || phase(candidate) == LifecyclePhase.ENDED_WITHOUT_CREDENTIAL) {
            return;
        }
        TierOutcome outcome = outcomes.get(tier.code());
        if (tier.training().isPresent() && !tierFlow.training().progress(candidate.nominationId()).met()) {
            return;
        }
        OrganisationLevel issuingLevel = tier.credential().get()
                .issuingLevelFor(world.organisations().unit(candidate.unitId()).level());
        String issuer = world.organisations().ancestorAt(candidate.unitId(), issuingLevel).map(OrganisationUnit::id)
                .orElse(null);
        if (issuer == null) {
            outcome.note("credential not issued: no " + issuingLevel + " above a " + world.organisations().unit(candidate.unitId()).level()
                    + " candidate to issue it");
            return;
        }
        try {
            tierFlow.credentials().issue(candidate.nominationId(), ScenarioWorld.reviewerOf(issuer));
            outcome.credentialsIssued++;
        } catch (TierFlowException refused) {
            outcome.note("credential refused (" + refused.code() + ")");
        }
    }

    // --- summary ----------------------------------------------------------------------------------------------

    private void count() {
        for (Candidate candidate : candidates.values()) {
            outcomes.get(candidate.tier().code()).states.merge(state(candidate), 1, Integer::sum);
        }
    }

    /**
     * The quotas as selection left them, read while the engine's clock is still in the year of the selection (a
     * quota per year is that year's).
     */
    private void countQuotas(int years) {
        for (TierDefinition tier : program.tiers()) {
            TierOutcome outcome = outcomes.get(tier.code());
            String timesYears = years > 1 ? " × " + years + " years" : "";
            if (tier.quotaScope().per().isPresent()) {
                // A quota per unit at a level: each unit its own; the sum over the units candidates came from.
                OrganisationLevel per = tier.quotaScope().per().get();
                Set<String> units = new java.util.TreeSet<>();
                candidates.values().stream().filter(candidate -> candidate.tier() == tier && candidate.year() == currentYear)
                        .forEach(candidate -> world.organisations().ancestorAt(candidate.unitId(), per)
                                .ifPresent(unit -> units.add(unit.id())));
                for (String unit : units) {
                    Quota quota = tierFlow.selection().quota(program.code(), tier.code(), unit);
                    outcome.quotaTotal += quota.allocated();
                    outcome.quotaUsed += quota.used();
                }
                outcome.quotaScope = " (" + tier.quota() + " per " + per + " × " + units.size()
                        + (tier.quotaScope().perYear() ? ", a year" + timesYears : "") + ")";
                continue;
            }
            if (tier.quotaScope().perYear()) {
                outcome.quotaScope = " (a year" + timesYears + ")";
            }
            candidates.values().stream().filter(candidate -> candidate.tier() == tier && candidate.year() == currentYear)
                    .findFirst().ifPresent(candidate -> {
                // The tier's total is one quota, shared by every unit at the top of its chain; a quota per year is
                // this year's, added to the years before.
                OrganisationLevel top = candidate.chain().steps().get(candidate.chain().steps().size() - 1).level();
                String owner = world.organisations().ancestorAt(candidate.unitId(), top).orElseThrow().id();
                Quota quota = tierFlow.selection().quota(program.code(), tier.code(), owner);
                outcome.quotaTotal = (tier.quotaScope().perYear() ? outcome.quotaTotal : 0) + quota.allocated();
                outcome.quotaUsed = (tier.quotaScope().perYear() ? outcome.quotaUsed : 0) + quota.used();
            });
        }
    }

    private NominationState state(Candidate candidate) {
        return tierFlow.nominations().get(candidate.nominationId()).state();
    }

    /** Units where the chain's candidates enter, with a unit at every level of the chain above them. */
    private List<OrganisationUnit> entryUnits(ReviewChain chain) {
        return area.stream()
                .filter(unit -> unit.level() == chain.entryLevel())
                .filter(unit -> chain.steps().stream()
                        .allMatch(step -> world.organisations().ancestorAt(unit.id(), step.level()).isPresent()))
                .toList();
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
