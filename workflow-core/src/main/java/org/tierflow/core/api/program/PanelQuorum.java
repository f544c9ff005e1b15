package org.tierflow.core.api.program;

/**
 * When an expert panel has decided (会签规则). Each expert's submission carries a vote: recommend (推荐) or not.
 * <ul>
 *   <li>{@link Mode#ALL} (会签): every assigned expert submits; the panel recommends only when every vote
 *       recommends. Nothing is decided early.</li>
 *   <li>{@link Mode#ANY} (或签): the first submission decides with its own vote and score; the other experts'
 *       tasks are cancelled.</li>
 *   <li>{@link Mode#RATIO} ({@code k of n}): the panel recommends as soon as {@code required} votes recommend, and
 *       does not recommend as soon as so many votes are against that {@code required} can no longer be reached;
 *       the remaining tasks are then cancelled.</li>
 * </ul>
 *
 * @param mode     the rule
 * @param required for {@link Mode#RATIO}, how many recommending votes carry the panel (1 to the panel size);
 *                 for {@link Mode#ALL} the panel size, for {@link Mode#ANY} 1
 */
public record PanelQuorum(Mode mode, int required) {

    /** The quorum rules. */
    public enum Mode {
        ALL,
        ANY,
        RATIO
    }

    public PanelQuorum {
        if (mode == null) {
            throw new IllegalArgumentException("mode is required");
        }
        if (required < 1) {
            throw new IllegalArgumentException("required must be at least 1, got " + required);
        }
    }

    /** Every expert of a panel of {@code experts}. */
    public static PanelQuorum all(int experts) {
        return new PanelQuorum(Mode.ALL, experts);
    }

    /** The first expert to submit. */
    public static PanelQuorum any() {
        return new PanelQuorum(Mode.ANY, 1);
    }

    /** {@code required} recommending votes of the panel. */
    public static PanelQuorum ratio(int required) {
        return new PanelQuorum(Mode.RATIO, required);
    }

    /** As written in a definition file: {@code ALL}, {@code ANY} or {@code 3 of 5}. */
    public String describe(int experts) {
        return mode == Mode.RATIO ? required + " of " + experts : mode.name();
    }
}
