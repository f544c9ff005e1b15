package org.tierflow.core.spi;

import java.util.Map;

import org.tierflow.core.api.Decision;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.program.ReviewStep;

/**
 * What a {@link DecisionHandler} sees: the decision about to be taken (or just taken), the step and the
 * nomination as it stood before.
 */
public interface DecisionContext {

    /** The nomination, as it stood before the decision. */
    Nomination nomination();

    /** The chain step deciding. */
    ReviewStep step();

    /** The unit deciding. */
    String unitId();

    /** Who decides. */
    String actorId();

    /** The decision. */
    Decision decision();

    /** Data added by handlers so far; kept with the decision in the timeline. */
    Map<String, Object> addedData();

    /** Adds data kept with the decision (only before the decision). */
    void addData(String key, Object value);
}
