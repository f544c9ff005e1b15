package org.tierflow.spring.boot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.tierflow.core.api.ProcessHistory;

/**
 * Customised BPMN models and the level-review processes organisation units use, under {@code tierflow.bpmn.*}.
 * Immutable: bound once through the constructor. The reference is {@code docs/reference/properties.md}; the
 * contract every model is checked against is {@code docs/reference/bpmn-contract.md}.
 */
@ConfigurationProperties("tierflow.bpmn")
public class TierFlowBpmnProperties {

    /**
     * Resource patterns of customised BPMN models (files ending in .bpmn20.xml) deployed with TierFlow's: a
     * designer's version of tierflowNominationProcess or tierflowLevelReviewProcess (it replaces the shipped one),
     * or an organisation unit's own level review under a key of its own. Every model is checked against TierFlow's
     * BPMN contract at start-up; a broken one stops the start with every violation listed. A location that
     * matches no file stops the start too.
     */
    private final List<String> models;

    /**
     * Organisation unit id to the key of the level-review process reviews at that unit, and at every unit below
     * it without one of its own, run instead of tierflowLevelReviewProcess (the nearest unit up the tree wins).
     * The process must come from one of tierflow.bpmn.models; tierflowLevelReviewProcess gives a unit below such
     * a unit the shipped review back.
     */
    private final Map<String, String> levelReviewProcesses;

    /**
     * How much of Flowable's history TierFlow's own processes write (nomination, level review, publicity, the life
     * cycle after selection): task (process instances and user tasks, not their variables and activities, which
     * repeat TierFlow's own records), engine (the engine's history level), none, instance, activity, audit or full.
     * A model that declares its own flowable:historyLevel keeps it; the host's processes are not touched.
     */
    private final ProcessHistory history;

    public TierFlowBpmnProperties(@DefaultValue List<String> models, @DefaultValue Map<String, String> levelReviewProcesses,
                                  @DefaultValue("task") ProcessHistory history) {
        this.models = List.copyOf(models);
        this.levelReviewProcesses = new LinkedHashMap<>(levelReviewProcesses);
        this.history = history;
    }

    public ProcessHistory getHistory() {
        return history;
    }

    public List<String> getModels() {
        return models;
    }

    public Map<String, String> getLevelReviewProcesses() {
        return Map.copyOf(levelReviewProcesses);
    }
}
