package org.tierflow.core.internal.engine;

import static org.tierflow.bpmn.TierFlowBpmn.LEVEL_REVIEW_PROCESS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.tierflow.core.api.OrganisationUnit;
import org.tierflow.core.spi.OrganisationDirectory;

/**
 * Which level-review process a review runs: organisation units may use a process of their own instead of
 * {@code tierflowLevelReviewProcess} (a district adding an interview before the decision, say). As for decision
 * handlers, the unit nearest up the tree from the reviewing unit wins.
 */
final class LevelReviewVariants {

    private final OrganisationDirectory organisations;
    /** Unit id → key of the level-review process reviews at that unit and below it run. */
    private final Map<String, String> byUnit;

    LevelReviewVariants(OrganisationDirectory organisations, Map<String, String> byUnit) {
        this.organisations = organisations;
        this.byUnit = Map.copyOf(byUnit);
    }

    /** The process key for a review at {@code unitId}: the nearest registered unit's, or TierFlow's. */
    String processFor(String unitId) {
        if (!byUnit.isEmpty()) {
            for (OrganisationUnit unit : organisations.pathToRoot(unitId)) {
                String key = byUnit.get(unit.id());
                if (key != null) {
                    return key;
                }
            }
        }
        return LEVEL_REVIEW_PROCESS;
    }

    /** Every level-review process key reviews may run in: TierFlow's and the units' own, sorted. */
    Set<String> keys() {
        Set<String> keys = new TreeSet<>(byUnit.values());
        keys.add(LEVEL_REVIEW_PROCESS);
        return keys;
    }

    /**
     * Checks that every unit with a process of its own is in the organisation directory.
     *
     * @throws IllegalStateException naming each unknown unit and its process
     */
    void checkUnits() {
        List<String> unknown = new ArrayList<>();
        byUnit.forEach((unitId, key) -> {
            if (organisations.findUnit(unitId).isEmpty()) {
                unknown.add(unitId + " → " + key);
            }
        });
        if (!unknown.isEmpty()) {
            unknown.sort(null);
            throw new IllegalStateException("为以下组织单位登记了本级审核流程，但组织机构目录中没有这些单位：" + unknown
                    + " / a level-review process is registered for units the organisation directory does not know: "
                    + unknown);
        }
    }
}
