/**
 * Expert panels: assignment of experts with recusal and balancing, blind score sheets, the quorum that decides
 * when the panel has decided (evaluated as the completion condition of the multi-instance scoring task), and
 * aggregation into the nomination's score at the step. Depends only on {@code internal.selection} (the step
 * score it writes); the engine implements {@link org.tierflow.core.internal.panel.PanelSteps}, persistence
 * registers the entities, and {@code TierFlow} wires the rest through
 * {@link org.tierflow.core.internal.panel.PanelContext}.
 */
package org.tierflow.core.internal.panel;
