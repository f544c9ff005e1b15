package org.tierflow.core.internal.engine;

import org.tierflow.core.api.program.OrganisationLevel;
import org.tierflow.core.internal.persistence.NominationEntity;
import org.tierflow.core.spi.NominationEvent;
import org.tierflow.core.spi.NominationEventType;

/** Builds host events from a nomination and hands them to the runtime for after-commit delivery. */
final class Events {

    private final TierFlowRuntime runtime;

    Events(TierFlowRuntime runtime) {
        this.runtime = runtime;
    }

    void publish(NominationEventType type, NominationEntity nomination, OrganisationLevel level, String unitId,
                 String actorId, String comment) {
        runtime.publishAfterCommit(new NominationEvent(type, nomination.getId(), nomination.getProgramCode(),
                nomination.getTierCode(), nomination.getApplicantId(), level, unitId, actorId, nomination.getState(),
                comment, runtime.now()));
    }
}
