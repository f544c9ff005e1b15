package org.tierflow.core.spi;

import java.util.List;

/**
 * The host's pool of experts (专家库) for expert panels: who may score candidates of one tier at one chain step,
 * each with the organisation unit they belong to. TierFlow asks it when a nomination reaches a step with a panel
 * (to assign experts, leaving out those with a conflict of interest) and again whenever an expert submits
 * scores, so the host's directory stays the single source of truth. Implementations must be safe to call from
 * several threads.
 */
@FunctionalInterface
public interface ExpertDirectory {

    /** The experts who may score at this step; empty when there are none. */
    List<Expert> experts(ExpertQuery query);

    /** Whether this user is one of the experts for the query. Override when listing them all is expensive. */
    default boolean isExpert(String userId, ExpertQuery query) {
        return userId != null && experts(query).stream().anyMatch(expert -> expert.userId().equals(userId));
    }
}
