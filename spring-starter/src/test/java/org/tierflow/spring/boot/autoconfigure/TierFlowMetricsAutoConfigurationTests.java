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
    void noMetricsWithoutARegistry() {
        contextRunner.run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(TierFlowNominationMetrics.class)
                .doesNotHaveBean(TierFlowReviewMetrics.class));
    }

    @Test
    void noMetricsWithoutMicrometer() {
        contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(TierFlowNominationMetrics.class));
    }
}
