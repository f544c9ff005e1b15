package org.tierflow.core.internal.engine;

import java.util.List;
import java.util.Map;

import org.tierflow.core.api.NominationState;
import org.tierflow.core.api.TimelineEntryType;
import org.tierflow.core.api.program.ReviewStep;
import org.tierflow.core.internal.panel.PanelSteps;
import org.tierflow.core.internal.persistence.NominationEntity;
import org.tierflow.core.spi.NominationEventType;
import org.tierflow.core.spi.NotificationKind;

/** The engine's side of expert panels: a panel that does not recommend makes its level reject the nomination. */
public final class PanelDecisions implements PanelSteps {

    private final TierFlowRuntime runtime;
    private final Events events;
    private final Notifications notifications;

    public PanelDecisions(TierFlowRuntime runtime) {
        this.runtime = runtime;
        this.events = new Events(runtime);
        this.notifications = new Notifications(runtime);
    }

    @Override
    public void rejectedByPanel(String nominationId, int stepIndex, String unitId, String reason,
                                Map<String, Object> data) {
        NominationEntity nomination = runtime.nomination(nominationId);
        ReviewStep step = runtime.chainOf(nomination).steps().get(stepIndex);
        nomination.setState(NominationState.REJECTED);
        nomination.setUpdatedAt(runtime.now());
        runtime.records().append(nominationId, TimelineEntryType.REJECTED, stepIndex, step.level(), step.action(),
                unitId, null, reason, List.of(), data, runtime.now());
        events.publish(NominationEventType.REJECTED, nomination, step.level(), unitId, null, reason);
        notifications.toApplicant(NotificationKind.REJECTED, nomination, reason);
    }
}
