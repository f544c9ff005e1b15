package org.tierflow.core.internal.panel;

import static org.tierflow.bpmn.TierFlowBpmn.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.hibernate.Session;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationState;
import org.tierflow.core.api.OrganisationUnit;
import org.tierflow.core.api.program.ExpertPanel;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.ReviewStep;
import org.tierflow.core.api.program.TierDefinition;
import org.tierflow.core.internal.panel.PanelAssignmentEntity.Status;
import org.tierflow.core.internal.selection.StepScoreEntity;
import org.tierflow.core.spi.Expert;
import org.tierflow.core.spi.ExpertQuery;

/**
 * The panel's part of the level review: {@code tierflowAssignPanel} assigns the experts,
 * {@code tierflowPanelQuorum.reached(execution)} is the scoring task's completion condition, and
 * {@code tierflowConcludePanel} records what the panel decided.
 *
 * <p>Assignment: the host's {@link org.tierflow.core.spi.ExpertDirectory} lists the experts for the step; an
 * expert is recused (never assigned) when they are the applicant, when the tree does not know their unit, or when
 * their unit lies within the candidate's <em>home unit</em> as seen from the panel: the unit on the candidate's
 * path to the root directly below the unit running the panel (for a city panel the candidate's district, for a
 * region panel their city, for a district panel their school; the candidate's own unit when it runs the panel).
 * Of the others, the experts with the fewest open assignments (any panel) are chosen, then the fewest
 * assignments ever, then by user id, so the choice is deterministic.
 */
public final class PanelEngine {

    /** The actor of the step score a panel records. */
    public static final String PANEL_ACTOR = "tierflow:panel";

    private final PanelContext context;

    public PanelEngine(PanelContext context) {
        this.context = context;
    }

    /** Bean name → object, as the level review model names them. */
    public Map<Object, Object> byBeanName() {
        Map<Object, Object> beans = new LinkedHashMap<>();
        beans.put(DELEGATE_ASSIGN_PANEL, (JavaDelegate) this::assign);
        beans.put(DELEGATE_CONCLUDE_PANEL, (JavaDelegate) this::conclude);
        beans.put(PANEL_QUORUM_BEAN, new PanelQuorumCondition(this));
        return beans;
    }

    // ------------------------------------------------------------------------------------------------ assign

    private void assign(DelegateExecution execution) {
        Nomination nomination = context.nominations().get((String) execution.getVariable(VAR_NOMINATION_ID));
        int stepIndex = ((Number) execution.getVariable(VAR_STEP_INDEX)).intValue();
        ReviewStep step = step(nomination, stepIndex);
        ExpertPanel panel = step.panel().orElseThrow(() -> new IllegalStateException(
                "step " + stepIndex + " of nomination " + nomination.id() + " has no panel"));
        String reviewUnitId = (String) execution.getVariable(VAR_REVIEW_UNIT_ID);
        List<Expert> chosen = choose(nomination, stepIndex, step, panel, reviewUnitId);

        String run = execution.getProcessInstanceId();
        Integer lastRun = session().createSelectionQuery(
                        "select max(a.runNo) from PanelAssignmentEntity a where a.nominationId = :id", Integer.class)
                .setParameter("id", nomination.id()).getSingleResult();
        int runNo = lastRun == null ? 1 : lastRun + 1;
        for (Expert expert : chosen) {
            PanelAssignmentEntity assignment = new PanelAssignmentEntity();
            assignment.setId(UUID.randomUUID().toString());
            assignment.setPanelRunId(run);
            assignment.setRunNo(runNo);
            assignment.setNominationId(nomination.id());
            assignment.setStepIndex(stepIndex);
            assignment.setProgramCode(nomination.programCode());
            assignment.setTierCode(nomination.tierCode());
            assignment.setReviewUnitId(reviewUnitId);
            assignment.setReviewLevel(step.level().name());
            assignment.setExpertId(expert.userId());
            assignment.setExpertUnitId(expert.unitId());
            assignment.setStatus(Status.ASSIGNED);
            assignment.setAssignedAt(context.clock().get());
            session().persist(assignment);
        }
        // Visible to the next assignment in the same command (a batch passing several nominations at once).
        session().flush();
        execution.setVariable(VAR_PANEL_EXPERTS, new ArrayList<>(chosen.stream().map(Expert::userId).toList()));
        execution.setVariable(VAR_PANEL_OUTCOME, null);
    }

    private List<Expert> choose(Nomination nomination, int stepIndex, ReviewStep step, ExpertPanel panel,
                                String reviewUnitId) {
        ExpertQuery query = new ExpertQuery(nomination.programCode(), nomination.tierCode(), reviewUnitId,
                step.level(), stepIndex);
        List<Expert> pool = context.experts() == null ? List.of() : context.experts().experts(query);
        OrganisationUnit home = homeUnit(nomination.unitId(), reviewUnitId);
        Map<String, Expert> eligible = new LinkedHashMap<>();
        List<String> recused = new ArrayList<>();
        for (Expert expert : pool) {
            if (eligible.containsKey(expert.userId()) || recused.contains(expert.userId())) {
                continue;
            }
            if (conflicted(expert, nomination, home)) {
                recused.add(expert.userId());
            } else {
                eligible.put(expert.userId(), expert);
            }
        }
        if (eligible.size() < panel.experts()) {
            throw notEnoughExperts(nomination, step, reviewUnitId, panel.experts(), eligible.size(), pool.size(),
                    recused, home);
        }
        Map<String, long[]> load = load(eligible.keySet());
        List<String> ordered = new ArrayList<>(eligible.keySet());
        ordered.sort(Comparator.<String>comparingLong(id -> load.get(id)[0])
                .thenComparingLong(id -> load.get(id)[1])
                .thenComparing(Comparator.naturalOrder()));
        return ordered.subList(0, panel.experts()).stream().map(eligible::get).toList();
    }

    /** The candidate's unit directly below the unit running the panel (or the candidate's own unit). */
    private OrganisationUnit homeUnit(String candidateUnitId, String reviewUnitId) {
        List<OrganisationUnit> path = context.organisations().pathToRoot(candidateUnitId);
        for (int i = 1; i < path.size(); i++) {
            if (path.get(i).id().equals(reviewUnitId)) {
                return path.get(i - 1);
            }
        }
        return path.get(0);
    }

    private boolean conflicted(Expert expert, Nomination nomination, OrganisationUnit home) {
        if (expert.userId().equals(nomination.applicantId())) {
            return true;
        }
        if (context.organisations().findUnit(expert.unitId()).isEmpty()) {
            return true;
        }
        return context.organisations().isWithin(expert.unitId(), home.id());
    }

    /** Expert id → {open assignments, assignments ever}. Open: still ASSIGNED on a nomination still in review. */
    private Map<String, long[]> load(java.util.Collection<String> expertIds) {
        Map<String, long[]> load = new HashMap<>();
        expertIds.forEach(id -> load.put(id, new long[2]));
        List<Object[]> open = session().createSelectionQuery(
                        "select a.expertId, count(a) from PanelAssignmentEntity a, NominationEntity n"
                                + " where n.id = a.nominationId and a.status = :assigned and n.state = :inReview"
                                + " and a.expertId in (:ids) group by a.expertId", Object[].class)
                .setParameter("assigned", Status.ASSIGNED)
                .setParameter("inReview", NominationState.IN_REVIEW)
                .setParameter("ids", expertIds)
                .getResultList();
        open.forEach(row -> load.get((String) row[0])[0] = ((Number) row[1]).longValue());
        List<Object[]> ever = session().createSelectionQuery(
                        "select a.expertId, count(a) from PanelAssignmentEntity a where a.expertId in (:ids)"
                                + " group by a.expertId", Object[].class)
                .setParameter("ids", expertIds)
                .getResultList();
        ever.forEach(row -> load.get((String) row[0])[1] = ((Number) row[1]).longValue());
        return load;
    }

    private InvalidRequestException notEnoughExperts(Nomination nomination, ReviewStep step, String reviewUnitId,
                                                     int needed, int eligible, int listed, List<String> recused,
                                                     OrganisationUnit home) {
        String who = recused.isEmpty() ? "" : String.join(", ", recused);
        return new InvalidRequestException("not-enough-experts", new LocalizedText(
                "“" + step.name().zh() + "”（单位 " + reviewUnitId + "）的专家组需要 " + needed + " 位专家，但只有 " + eligible
                        + " 位可以评审申报 " + nomination.id() + "：专家库（ExpertDirectory）提供 " + listed + " 位"
                        + (recused.isEmpty() ? "" : "，其中 " + recused.size() + " 位因来自申报人所在的 " + home.id()
                        + " 或是申报人本人而回避（" + who + "）") + "。请在专家库中为该级增加专家",
                "the panel of '" + step.name().en() + "' (unit " + reviewUnitId + ") needs " + needed
                        + " experts, but only " + eligible + " may score nomination " + nomination.id()
                        + ": the expert directory lists " + listed
                        + (recused.isEmpty() ? "" : ", of whom " + recused.size() + " are recused because they"
                        + " belong to the candidate's own " + home.id() + " or are the applicant (" + who + ")")
                        + ". Add experts for this level to the expert directory"));
    }

    // ------------------------------------------------------------------------------------------------ quorum

    /** Whether the panel of this level review has decided; the completion condition of the scoring task. */
    boolean reached(DelegateExecution execution) {
        Nomination nomination = context.nominations().get((String) execution.getVariable(VAR_NOMINATION_ID));
        int stepIndex = ((Number) execution.getVariable(VAR_STEP_INDEX)).intValue();
        ExpertPanel panel = step(nomination, stepIndex).panel().orElseThrow();
        return tally(execution.getProcessInstanceId(), panel).decision().isPresent();
    }

    /** The votes of a run so far. */
    private Tally tally(String run, ExpertPanel panel) {
        long assigned = session().createSelectionQuery(
                        "select count(a) from PanelAssignmentEntity a where a.panelRunId = :run", Long.class)
                .setParameter("run", run).getSingleResult();
        List<PanelSubmissionEntity> submissions = submissions(run);
        int recommending = (int) submissions.stream().filter(PanelSubmissionEntity::isRecommend).count();
        Optional<Boolean> first = submissions.stream().findFirst().map(PanelSubmissionEntity::isRecommend);
        return new Tally(panel, (int) assigned, submissions, recommending, first);
    }

    private record Tally(ExpertPanel panel, int assigned, List<PanelSubmissionEntity> submissions, int recommending,
                         Optional<Boolean> first) {
        Optional<Boolean> decision() {
            return Scoring.decision(panel.quorum(), assigned, recommending, submissions.size() - recommending, first);
        }
    }

    List<PanelSubmissionEntity> submissions(String run) {
        return session().createSelectionQuery(
                        "from PanelSubmissionEntity s where s.panelRunId = :run order by s.seq", PanelSubmissionEntity.class)
                .setParameter("run", run).getResultList();
    }

    // ------------------------------------------------------------------------------------------------ conclude

    private void conclude(DelegateExecution execution) {
        Nomination nomination = context.nominations().get((String) execution.getVariable(VAR_NOMINATION_ID));
        int stepIndex = ((Number) execution.getVariable(VAR_STEP_INDEX)).intValue();
        ExpertPanel panel = step(nomination, stepIndex).panel().orElseThrow();
        String run = execution.getProcessInstanceId();
        Tally tally = tally(run, panel);
        boolean recommended = tally.decision().orElse(false);
        // ANY: only the first sheet counts, even if a second expert's submission raced in before the cancellation.
        List<PanelSubmissionEntity> counted = panel.quorum().mode() == org.tierflow.core.api.program.PanelQuorum.Mode.ANY
                ? tally.submissions().subList(0, 1) : tally.submissions();
        BigDecimal score = Scoring.aggregate(panel.aggregation(),
                counted.stream().map(PanelSubmissionEntity::getTotal).toList());
        int recommending = (int) counted.stream().filter(PanelSubmissionEntity::isRecommend).count();

        PanelResultEntity result = new PanelResultEntity();
        result.setPanelRunId(run);
        result.setNominationId(nomination.id());
        result.setStepIndex(stepIndex);
        result.setQuorum(panel.quorum().describe(panel.experts()));
        result.setAggregation(panel.aggregation().name());
        result.setRecommended(recommended);
        result.setScore(score);
        result.setAssigned(tally.assigned());
        result.setSubmitted(counted.size());
        result.setRecommending(recommending);
        result.setDecidedAt(context.clock().get());
        session().persist(result);

        for (PanelAssignmentEntity assignment : session().createSelectionQuery(
                        "from PanelAssignmentEntity a where a.panelRunId = :run and a.status = :assigned",
                        PanelAssignmentEntity.class)
                .setParameter("run", run).setParameter("assigned", Status.ASSIGNED).getResultList()) {
            assignment.setStatus(Status.CANCELLED);
            assignment.setEndedAt(context.clock().get());
        }
        recordStepScore(nomination.id(), stepIndex, score);

        execution.setVariable(VAR_PANEL_OUTCOME, recommended ? PANEL_RECOMMENDED : PANEL_NOT_RECOMMENDED);
        if (!recommended) {
            String unitId = (String) execution.getVariable(VAR_REVIEW_UNIT_ID);
            LocalizedText why = new LocalizedText(
                    "专家组未推荐（表决规则 " + result.getQuorum() + "，" + counted.size() + " 位专家提交，" + recommending
                            + " 位推荐，得分 " + score.toPlainString() + "）",
                    "not recommended by the expert panel (quorum " + result.getQuorum() + ", " + counted.size()
                            + " submitted, " + recommending + " recommended, score " + score.toPlainString() + ")");
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("panelScore", score.toPlainString());
            data.put("panelSubmitted", counted.size());
            data.put("panelRecommending", recommending);
            context.steps().rejectedByPanel(nomination.id(), stepIndex, unitId, why.toString(), data);
            execution.setVariable(VAR_LEVEL_OUTCOME, OUTCOME_REJECT);
        }
    }

    /** The panel's score becomes the nomination's score at the step, as a score recorded for ranking. */
    private void recordStepScore(String nominationId, int stepIndex, BigDecimal score) {
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
        entity.setActorId(PANEL_ACTOR);
        entity.setCreatedAt(context.clock().get());
        session().persist(entity);
    }

    // ------------------------------------------------------------------------------------------------ shared

    ReviewStep step(Nomination nomination, int stepIndex) {
        TierDefinition tier = context.programs().find(nomination.programCode())
                .flatMap(program -> program.tier(nomination.tierCode()))
                .orElseThrow(() -> new IllegalStateException("no tier " + nomination.tierCode() + " in "
                        + nomination.programCode()));
        OrganisationUnit unit = context.organisations().unit(nomination.unitId());
        return tier.chainFor(unit.level()).steps().get(stepIndex);
    }

    private Session session() {
        return context.session().get();
    }
}
