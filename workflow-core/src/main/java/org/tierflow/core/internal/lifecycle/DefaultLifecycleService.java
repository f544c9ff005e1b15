package org.tierflow.core.internal.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.tierflow.core.api.DeadlineChange;
import org.tierflow.core.api.DeadlineKind;
import org.tierflow.core.api.InvalidRequestException;
import org.tierflow.core.api.LifecyclePhase;
import org.tierflow.core.api.LifecycleService;
import org.tierflow.core.api.LifecycleStatus;
import org.tierflow.core.api.PhaseStatus;
import org.tierflow.core.api.program.AcceptanceDefinition;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.api.program.TierDefinition;
import org.tierflow.core.internal.persistence.DeadlineChangeEntity;
import org.tierflow.core.internal.persistence.LifecycleEntity;

/** {@link LifecycleService} on TierFlow's tables. */
final class DefaultLifecycleService implements LifecycleService {

    private final LifecycleSupport support;
    private final PhaseSteps phases;

    DefaultLifecycleService(LifecycleSupport support, PhaseSteps phases) {
        this.support = support;
        this.phases = phases;
    }

    @Override
    public List<PhaseStatus> phases(String nominationId) {
        return support.runtime.inTransaction(() -> phases.list(nominationId));
    }

    @Override
    public PhaseStatus decidePhase(String nominationId, String actorId, boolean passed, String comment) {
        return support.runtime.inTransaction(() -> phases.decide(nominationId, actorId, passed, comment));
    }

    @Override
    public PhaseStatus movePhaseDue(String nominationId, String actorId, Instant newDue, String reason) {
        String why = LifecycleSupport.reason(reason, PhaseSteps.MOVE_DUE);
        if (newDue == null) {
            throw new InvalidRequestException("missing-field", new LocalizedText(
                    "缺少字段 newDue（新的决定期限）", "the field newDue is missing"));
        }
        return support.runtime.inTransaction(() -> phases.moveDue(nominationId, actorId, newDue, why));
    }

    @Override
    public Optional<LifecycleStatus> get(String nominationId) {
        return support.runtime.inTransaction(() -> support.findLifecycle(nominationId)
                .map(lifecycle -> toStatus(lifecycle, support.tier(support.nomination(nominationId)))));
    }

    @Override
    public List<DeadlineChange> deadlineChanges(String nominationId) {
        return support.runtime.inTransaction(() -> {
            support.nomination(nominationId);
            return support.session().createSelectionQuery(
                            "from DeadlineChangeEntity c where c.nominationId = :id order by c.changedAt, c.id",
                            DeadlineChangeEntity.class)
                    .setParameter("id", nominationId).getResultList().stream()
                    .map(c -> new DeadlineChange(DeadlineKind.valueOf(c.getDeadlineKind()), c.getPreviousAt(), c.getNewAt(),
                            c.getReason(), c.getChangedBy(), c.getChangedAt()))
                    .toList();
        });
    }

    LifecycleStatus toStatus(LifecycleEntity lifecycle, TierDefinition tier) {
        return new LifecycleStatus(lifecycle.getNominationId(), lifecycle.getProgramCode(), lifecycle.getTierCode(),
                LifecyclePhase.valueOf(lifecycle.getPhase()), lifecycle.getStartedAt(),
                lifecycle.getWorkingPeriodStartsAt(), lifecycle.getWorkingPeriodEndsAt(), lifecycle.getExtensionsUsed(),
                tier.acceptance().map(AcceptanceDefinition::maxExtensions).orElse(0), lifecycle.getAcceptancePassed(),
                lifecycle.getEvaluationScore(), lifecycle.getEvaluationQualified());
    }
}
