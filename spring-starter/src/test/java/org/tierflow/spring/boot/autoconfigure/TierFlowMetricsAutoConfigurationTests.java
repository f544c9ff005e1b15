package org.tierflow.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.tierflow.core.api.Decision;
import org.tierflow.core.api.Nomination;
import org.tierflow.core.api.NominationService;
import org.tierflow.core.api.ReviewService;
import org.tierflow.core.spi.ApproverDirectory;
import org.tierflow.spring.boot.actuate.TierFlowNominationMetrics;
import org.tierflow.spring.boot.actuate.TierFlowReviewMetrics;
import org.tierflow.spring.boot.actuate.TierFlowOverdueReviewMetrics;
import org.tierflow.spring.boot.actuate.TierFlowQuotaMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.flowable.common.engine.impl.runtime.Clock;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.TaskService;
import org.tierflow.bpmn.TierFlowBpmn;
import org.tierflow.core.api.SelectionService;

class TierFlowMetricsAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = Ningxia.engineContextRunner()
            .withPropertyValues(Ningxia.PROPERTIES)
            .withBean(ApproverDirectory.class, Ningxia::approvers);

    @Test
    void countsNominationEventsTimesDecisionsAndGaugesOpenReviews() {
        contextRunner.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class)).run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            NominationService nominations = context.getBean(NominationService.class);
            ReviewService reviews = context.getBean(ReviewService.class);

            Nomination first = nominations.submit(Ningxia.submission());
            nominations.submit(Ningxia.submission());
            assertThat(registry.get(TierFlowReviewMetrics.OPEN_REVIEWS).tag("program", Ningxia.PROGRAM).gauge().value())
                    .isEqualTo(2);
            assertThat(registry.get(TierFlowReviewMetrics.OPEN_REVIEWS).tag("program", "qingdao-135-plan-2023")
                    .gauge().value()).isZero();

            Ningxia.pass(reviews, first, Ningxia.PRINCIPAL);
            reviews.decide(Ningxia.reviewOf(reviews, first.id(), Ningxia.DISTRICT_REVIEWER).taskId(),
                    Ningxia.DISTRICT_REVIEWER, Decision.reject("名额已满 / no place left"));

            assertThat(registry.get(TierFlowNominationMetrics.NOMINATIONS)
                    .tags("program", Ningxia.PROGRAM, "tier", Ningxia.TIER, "level", "SCHOOL", "event", "SUBMITTED")
                    .counter().count()).isEqualTo(2);
            assertThat(registry.get(TierFlowNominationMetrics.NOMINATIONS).tags("level", "SCHOOL", "event", "PASSED_LEVEL")
                    .counter().count()).isEqualTo(1);
            assertThat(registry.get(TierFlowNominationMetrics.NOMINATIONS).tags("level", "DISTRICT", "event", "REJECTED")
                    .counter().count()).isEqualTo(1);
            assertThat(registry.get(TierFlowNominationMetrics.DECISIONS).tags("level", "SCHOOL", "event", "PASSED_LEVEL")
                    .timer().count()).isEqualTo(1);
            assertThat(registry.get(TierFlowNominationMetrics.DECISIONS).tags("level", "DISTRICT", "event", "REJECTED")
                    .timer().count()).isEqualTo(1);
        });
    }

    @Test
    void gaugesReviewsOverdueByTheirDueDateOrAfterTheConfiguredWait() {
        contextRunner.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                        CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
                .withPropertyValues("tierflow.metrics.review-overdue-after=3d", "tierflow.metrics.refresh-interval=0s")
                .run(context -> {
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    NominationService nominations = context.getBean(NominationService.class);
                    TaskService tasks = context.getBean(TaskService.class);
                    Clock clock = context.getBean(ProcessEngine.class).getProcessEngineConfiguration().getClock();
                    try {
                        Instant start = Instant.parse("2021-03-01T02:00:00Z");
                        clock.setCurrentTime(Date.from(start));
                        Nomination first = nominations.submit(Ningxia.submission());
                        nominations.submit(Ningxia.submission());
                        assertThat(overdue(registry)).isZero();

                        clock.setCurrentTime(Date.from(start.plus(Duration.ofDays(3)).plusSeconds(60)));
                        assertThat(overdue(registry)).as("both waited longer than 3 days").isEqualTo(2);

                        String firstTask = tasks.createTaskQuery().processInstanceBusinessKey(first.id())
                                .taskDefinitionKey(TierFlowBpmn.TASK_REVIEW_NOMINATION).singleResult().getId();
                        tasks.setDueDate(firstTask, Date.from(start.plus(Duration.ofDays(10))));
                        assertThat(overdue(registry)).as("a due date still to come wins over the wait").isEqualTo(1);
                        tasks.setDueDate(firstTask, Date.from(start.plus(Duration.ofDays(1))));
                        assertThat(overdue(registry)).as("a due date that has passed").isEqualTo(2);
                        assertThat(registry.get(TierFlowOverdueReviewMetrics.OVERDUE_REVIEWS)
                                .tag("program", "qingdao-135-plan-2023").gauge().value()).isZero();
                    } finally {
                        clock.reset();
                    }
                });
    }

    @Test
    void gaugesQuotaAllocatedAndUsedPerProgramTierAndUnit() {
        contextRunner.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                        CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
                .withPropertyValues("tierflow.metrics.refresh-interval=0s")
                .run(context -> {
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    NominationService nominations = context.getBean(NominationService.class);
                    ReviewService reviews = context.getBean(ReviewService.class);
                    SelectionService selection = context.getBean(SelectionService.class);

                    assertThat(registry.get(TierFlowQuotaMetrics.ALLOCATED)
                            .tags("program", Ningxia.PROGRAM, "tier", Ningxia.TIER, "unit", "*").gauge().value())
                            .isEqualTo(1000);
                    assertThat(quotaUsed(registry, "*")).isZero();

                    selection.allocate(Ningxia.PROGRAM, Ningxia.TIER, Ningxia.REGION, Map.of(Ningxia.CITY, 50),
                            Ningxia.REGION_REVIEWER);
                    selection.allocate(Ningxia.PROGRAM, Ningxia.TIER, Ningxia.CITY, Map.of(Ningxia.DISTRICT, 5),
                            Ningxia.CITY_REVIEWER);
                    Nomination nomination = nominations.submit(Ningxia.submission());
                    Ningxia.pass(reviews, nomination, Ningxia.PRINCIPAL);
                    Ningxia.pass(reviews, nomination, Ningxia.DISTRICT_REVIEWER);
                    Ningxia.pass(reviews, nomination, Ningxia.CITY_REVIEWER);
                    context.getBean(TierFlowQuotaMetrics.class).refresh();

                    assertThat(quotaUsed(registry, "*")).isEqualTo(1);
                    assertThat(registry.get(TierFlowQuotaMetrics.ALLOCATED).tags("tier", Ningxia.TIER,
                            "unit", Ningxia.DISTRICT).gauge().value()).isEqualTo(5);
                    assertThat(quotaUsed(registry, Ningxia.DISTRICT)).isEqualTo(1);
                    assertThat(registry.get(TierFlowQuotaMetrics.ALLOCATED).tags("tier", Ningxia.TIER,
                            "unit", Ningxia.CITY).gauge().value()).isEqualTo(50);
                });
    }

    private static double overdue(MeterRegistry registry) {
        return registry.get(TierFlowOverdueReviewMetrics.OVERDUE_REVIEWS).tag("program", Ningxia.PROGRAM).gauge().value();
    }

    private static double quotaUsed(MeterRegistry registry, String unit) {
        return registry.get(TierFlowQuotaMetrics.USED)
                .tags("program", Ningxia.PROGRAM, "tier", Ningxia.TIER, "unit", unit).gauge().value();
    }

    @Test
    void noMetricsWithoutARegistry() {
        contextRunner.run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(TierFlowNominationMetrics.class)
                .doesNotHaveBean(TierFlowReviewMetrics.class)
                .doesNotHaveBean(TierFlowOverdueReviewMetrics.class)
                .doesNotHaveBean(TierFlowQuotaMetrics.class));
    }

    @Test
    void noMetricsWithoutMicrometer() {
        contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(TierFlowNominationMetrics.class));
    }
}
