package org.tierflow.spring.boot.actuate;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.flowable.engine.HistoryService;
import org.flowable.task.api.history.HistoricTaskInstance;
import org.tierflow.bpmn.TierFlowBpmn;
import org.tierflow.core.spi.NominationEvent;
import org.tierflow.core.spi.NominationEventType;
import org.tierflow.core.spi.NominationListener;

/**
 * Counts nomination events and times decisions, told after each commit (so rolled-back changes are never
 * counted):
 * <ul>
 *   <li>{@value #NOMINATIONS}: a counter per program, tier, level and event type;</li>
 *   <li>{@value #DECISIONS}: a timer per program, tier, level and event type of how long a review waited at a level
 *       before an approver decided it (from the review task's creation to its completion, read from Flowable's
 *       history; nothing is recorded when the history level keeps no tasks or TierFlow decided by policy).</li>
 * </ul>
 * Keeps no state of its own, so every node counts what it did and the sums across nodes are right.
 */
public class TierFlowNominationMetrics implements NominationListener {

    /** Counter of nomination events. */
    public static final String NOMINATIONS = "tierflow.nominations";

    /** Timer of the time a review waited for a person's decision. */
    public static final String DECISIONS = "tierflow.decisions";

    private static final Set<NominationEventType> DECISION_EVENTS = Set.of(
            NominationEventType.PASSED_LEVEL, NominationEventType.RETURNED, NominationEventType.REJECTED);

    private final MeterRegistry registry;

    private final HistoryService history;

    /**
     * @param registry where to record
     * @param history  Flowable's history, to read how long the decided review waited; {@code null} to record no timer
     */
    public TierFlowNominationMetrics(MeterRegistry registry, HistoryService history) {
        this.registry = registry;
        this.history = history;
    }

    @Override
    public void onEvent(NominationEvent event) {
        Tags tags = Tags.of("program", event.programCode(), "tier", event.tierCode(),
                "level", event.level() == null ? "none" : event.level().name(), "event", event.type().name());
        Counter.builder(NOMINATIONS)
                .description("Nomination events (submitted, passed a level, returned, rejected, ...)")
                .tags(tags)
                .register(registry)
                .increment();
        if (history != null && event.actorId() != null && DECISION_EVENTS.contains(event.type())) {
            decisionLatency(event.nominationId()).ifPresent(latency -> Timer.builder(DECISIONS)
                    .description("Time a review waited at a level until an approver decided it")
                    .tags(tags)
                    .register(registry)
                    .record(latency));
        }
    }

    /** How long the review just decided had waited: the nomination's review task that ended last. */
    private Optional<Duration> decisionLatency(String nominationId) {
        List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery()
                .processInstanceBusinessKey(nominationId)
                .taskDefinitionKey(TierFlowBpmn.TASK_REVIEW_NOMINATION)
                .finished()
                .orderByHistoricTaskInstanceEndTime().desc()
                .listPage(0, 1);
        if (tasks.isEmpty() || tasks.get(0).getDurationInMillis() == null) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(tasks.get(0).getDurationInMillis()));
    }

    @Override
    public String toString() {
        return "TierFlow's nomination metrics";
    }
}
