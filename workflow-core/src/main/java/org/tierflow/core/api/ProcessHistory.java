package org.tierflow.core.api;

/**
 * How much of Flowable's history the engine writes for TierFlow's own processes (nomination, level review,
 * publicity and the life cycle after selection) — not for the host's processes, and not for a host's level review
 * under a key of its own. TierFlow's records (the timeline, quota uses, life cycle, credentials) do not depend on
 * it: they are written whatever the level.
 *
 * <p>The default, {@link #TASK}, keeps every process instance and every user task of TierFlow's processes in
 * Flowable's history (when each review task opened and ended: task history, the starter's decision metrics, diagrams of
 * ended nominations) and leaves out their variables and activities, which repeat what TierFlow records itself and
 * are most of the rows a nomination writes. A model that declares its own {@code <flowable:historyLevel>} keeps
 * it. See {@code docs/reference/performance.md}.
 */
public enum ProcessHistory {
    /** Whatever the engine's history level is ({@code history-level} of the engine configuration). */
    ENGINE(null),
    /** No history for TierFlow's processes (the starter's decision-latency timer then has nothing to read). */
    NONE("none"),
    /** Process instances only (no task history: the decision-latency timer has nothing to read). */
    INSTANCE("instance"),
    /** Process instances and user tasks (the default). */
    TASK("task"),
    /** Process instances, tasks, activities and the variables' last values. */
    ACTIVITY("activity"),
    /** As {@link #ACTIVITY}, plus identity links (who could act on a task). */
    AUDIT("audit"),
    /** As {@link #AUDIT}, plus every variable update. */
    FULL("full");

    private final String flowableKey;

    ProcessHistory(String flowableKey) {
        this.flowableKey = flowableKey;
    }

    /** The level's name in Flowable ({@code <flowable:historyLevel>}), {@code null} for {@link #ENGINE}. */
    public String flowableKey() {
        return flowableKey;
    }
}
