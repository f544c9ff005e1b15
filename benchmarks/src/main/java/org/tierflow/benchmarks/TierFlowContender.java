package org.tierflow.benchmarks;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flowable.engine.ProcessEngine;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.task.api.Task;
import org.tierflow.core.TierFlow;
import org.tierflow.core.api.Decision;
import org.tierflow.core.api.InboxQuery;
import org.tierflow.core.api.NominationSubmission;

/** TierFlow through its public API: {@code nominations().submit}, {@code reviews().decide}. */
public final class TierFlowContender implements ChainContender {

    public final ProcessEngine engine;
    public final TierFlow tierFlow;
    private final NationalTree tree;

    private final String name;
    private boolean inboxLookup;

    public TierFlowContender(DataSource dataSource, NationalTree tree) {
        this(dataSource, tree, false);
    }

    /**
     * @param engineDefaults undo the engine settings TierFlow applies in {@code configure} (the relationship
     *                       counts), to measure what they buy
     */
    public TierFlowContender(DataSource dataSource, NationalTree tree, boolean engineDefaults) {
        this.tree = tree;
        this.name = engineDefaults ? "TierFlow, engine defaults" : "TierFlow";
        this.tierFlow = TierFlow.builder()
                .programs(Engines.programs())
                .organisations(tree.organisations)
                .approvers(tree.approvers)
                .build();
        StandaloneProcessEngineConfiguration configuration = Engines.flowableConfiguration(dataSource);
        configuration.setEngineName("tierflow-" + java.util.UUID.randomUUID());
        tierFlow.configure(configuration);
        if (engineDefaults) {
            configuration.getPerformanceSettings().setEnableExecutionRelationshipCounts(false);
            configuration.getPerformanceSettings().setEnableTaskRelationshipCounts(false);
        }
        this.engine = configuration.buildProcessEngine();
        tierFlow.start(engine);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void walkOne(String schoolId, int sequence) {
        String nominationId = submit(Engines.TIER, schoolId, sequence);
        List<String> units = tree.chainUnits(schoolId);
        for (int level = 0; level < 4; level++) {
            pass(nominationId, units.get(level));
        }
    }

    /** Submits a nomination; returns its id. */
    public String submit(String tierCode, String schoolId, int sequence) {
        return tierFlow.nominations().submit(new NominationSubmission(Engines.PROGRAM, tierCode,
                "applicant-" + sequence, schoolId, Map.of(), List.of())).id();
    }

    /**
     * Find the open review through TierFlow, as a host does when an approver follows the link of a
     * {@code REVIEW_WAITING} notification: the approver's inbox filtered by the nomination (an index lookup in
     * {@code tierflow_inbox}, whatever the number of open reviews). Without it (scenario a, where every contender
     * uses the same lookup) the engine's task query by business key, which H2 answers by scanning every open task
     * (docs/reference/performance.md, "Growth (target d)").
     */
    public TierFlowContender inboxLookup() {
        this.inboxLookup = true;
        return this;
    }

    /** The approver of the unit passes the nomination's open review. */
    public void pass(String nominationId, String unitId) {
        String approver = NationalTree.approverOf(unitId);
        String taskId = inboxLookup ? tierFlow.reviews().inbox(approver, InboxQuery.all().nomination(nominationId).page(0, 1))
                .items().get(0).taskId() : taskOf(nominationId);
        tierFlow.reviews().decide(taskId, approver, Decision.pass(null));
    }

    /** The open review task of a nomination (the level review inherits the nomination's business key). */
    public String taskOf(String nominationId) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(nominationId).singleResult();
        return task.getId();
    }

    @Override
    public void close() {
        engine.close();
    }
}
