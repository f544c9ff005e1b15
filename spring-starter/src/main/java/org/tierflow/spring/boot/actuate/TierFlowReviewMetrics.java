package org.tierflow.spring.boot.actuate;

import java.time.Duration;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.flowable.engine.TaskService;
import org.tierflow.bpmn.TierFlowBpmn;
import org.tierflow.core.TierFlow;
import org.tierflow.core.api.program.ProgramDefinition;

/**
 * Gauge {@value #OPEN_REVIEWS}: the reviews waiting for a decision, per program (tag {@code program}), counted in
 * Flowable's task tables, so every node reports the same total. The counts of all programs are read together at
 * most once per {@code refreshInterval}, however often the registry polls.
 */
public class TierFlowReviewMetrics implements MeterBinder {

    /** Gauge of open reviews per program. */
    public static final String OPEN_REVIEWS = "tierflow.reviews.open";

    private final TierFlow tierFlow;

    private final ProgramCounts openReviews;

    /**
     * @param tierFlow        TierFlow, for its programs and whether it is started
     * @param taskService     Flowable's task service
     * @param refreshInterval how long counts are reused
     */
    public TierFlowReviewMetrics(TierFlow tierFlow, TaskService taskService, Duration refreshInterval) {
        this(tierFlow, taskService, refreshInterval, System::nanoTime);
    }

    TierFlowReviewMetrics(TierFlow tierFlow, TaskService taskService, Duration refreshInterval, LongSupplier nanoClock) {
        this.tierFlow = tierFlow;
        this.openReviews = new ProgramCounts(tierFlow, programCode -> taskService.createTaskQuery()
                .taskDefinitionKey(TierFlowBpmn.TASK_REVIEW_NOMINATION)
                .processVariableValueEquals(TierFlowBpmn.VAR_PROGRAM_CODE, programCode)
                .count(), refreshInterval.toNanos(), nanoClock);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ProgramDefinition program : tierFlow.programs().programs()) {
            String code = program.code();
            Gauge.builder(OPEN_REVIEWS, this, metrics -> metrics.openReviews(code))
                    .description("Reviews waiting for an approver's decision")
                    .tag("program", code)
                    .register(registry);
        }
    }

    /** Open reviews of the program; NaN while TierFlow is not started. */
    double openReviews(String programCode) {
        return openReviews.of(programCode);
    }
}
