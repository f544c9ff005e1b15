package org.tierflow.core.internal.panel;

import java.util.Map;

/** What a panel asks of the review engine: implemented by the engine, called inside the current transaction. */
public interface PanelSteps {

    /**
     * The panel did not recommend the nomination, so the level rejects it: the nomination becomes rejected, the
     * timeline records a rejection without an actor, with the reason and data, and the host hears of it.
     */
    void rejectedByPanel(String nominationId, int stepIndex, String unitId, String reason, Map<String, Object> data);
}
