package org.tierflow.spring.boot.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.flowable.engine.TaskService;
import org.flowable.task.api.TaskQuery;
import org.tierflow.bpmn.TierFlowBpmn;
import org.tierflow.core.TierFlow;
import org.tierflow.core.api.program.ProgramDefinition;

/**
 * Gauge {@value #OVERDUE_REVIEWS}: the reviews waiting for a decision longer than they should, per program (tag
 * {@code program}). A review task is <em>overdue</em> when
 * <ul>
 *   <li>it has a due date (set by a customised model or the host) and that date has passed, or</li>
 *   <li>it has none and was created more than {@code overdueAfter} ago ({@code tierflow.metrics.review-overdue-after}).</li>
 * </ul>
 * "Now" is the engine's clock. Counted in Flowable's task tables, so every node reports the same total; the counts
 * of all programs are read together at most once per {@code refreshInterval}.
 */
public class TierFlowOverdueReviewMetrics implements MeterBinder {

    /** Gauge of overdue reviews per program. */
    public static final String OVERDUE_REVIEWS = "tierflow.reviews.overdue";

    private final TierFlow tierFlow;
    private final TaskService taskService;
    private final Duration overdueAfter;
    private final Supplier<Instant> clock;
    private final ProgramCounts overdueReviews;

    /**
     * @param tierFlow        TierFlow, for its programs and whether it is started
     * @param taskService     Flowable's task service
     * @param overdueAfter    how long a review without a due date may wait
     * @param clock           the engine's clock
     * @param refreshInterval how long counts are reused
     */
    public TierFlowOverdueReviewMetrics(TierFlow tierFlow, TaskService taskService, Duration overdueAfter,
                                        Supplier<Instant> clock, Duration refreshInterval) {
        this(tierFlow, taskService, overdueAfter, clock, refreshInterval, System::nanoTime);
    }

    TierFlowOverdueReviewMetrics(TierFlow tierFlow, TaskService taskService, Duration overdueAfter,
                                 Supplier<Instant> clock, Duration refreshInterval, LongSupplier nanoClock) {
        this.tierFlow = tierFlow;
        this.taskService = taskService;
        this.overdueAfter = overdueAfter;
        this.clock = clock;
        this.overdueReviews = new ProgramCounts(tierFlow, this::countOverdue, refreshInterval.toNanos(), nanoClock);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ProgramDefinition program : tierFlow.programs().programs()) {
            String code = program.code();
            Gauge.builder(OVERDUE_REVIEWS, this, metrics -> metrics.overdueReviews(code))
                    .description("Reviews waiting past their due date, or longer than tierflow.metrics.review-overdue-after")
                    .tag("program", code)
                    .register(registry);
        }
    }

    /** Overdue reviews of the program; NaN while TierFlow is not started. */
    double overdueReviews(String programCode) {
        return overdueReviews.of(programCode);
    }

    private long countOverdue(String programCode) {
        Instant now = clock.get();
        long pastDue = reviews(programCode).taskDueBefore(Date.from(now)).count();
        long waitedTooLong = reviews(programCode).withoutTaskDueDate()
                .taskCreatedBefore(Date.from(now.minus(overdueAfter))).count();
        return pastDue + waitedTooLong;
    }

    private TaskQuery reviews(String programCode) {
        return taskService.createTaskQuery()
                .taskDefinitionKey(TierFlowBpmn.TASK_REVIEW_NOMINATION)
                .processVariableValueEquals(TierFlowBpmn.VAR_PROGRAM_CODE, programCode);
    }
}
