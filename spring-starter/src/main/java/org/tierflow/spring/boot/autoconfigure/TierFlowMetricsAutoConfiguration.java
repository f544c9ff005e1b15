package org.tierflow.spring.boot.autoconfigure;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.flowable.engine.HistoryService;
import org.flowable.engine.TaskService;
import org.springframework.beans.factory.ObjectProvider;
import org.flowable.spring.boot.ProcessEngineServicesAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.tierflow.core.TierFlow;
import org.tierflow.spring.boot.actuate.TierFlowNominationMetrics;
import org.tierflow.spring.boot.actuate.TierFlowReviewMetrics;

/**
 * Micrometer meters of TierFlow when the host has a {@link MeterRegistry}: {@code tierflow.nominations},
 * {@code tierflow.decisions} and {@code tierflow.reviews.open}.
 */
@AutoConfiguration(after = {TierFlowEngineAutoConfiguration.class, ProcessEngineServicesAutoConfiguration.class}, afterName = {
        "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({MeterRegistry.class, TierFlow.class})
public class TierFlowMetricsAutoConfiguration {

    /** How long the open-review counts are reused between polls of the registry. */
    static final Duration OPEN_REVIEWS_REFRESH = Duration.ofSeconds(30);

    @Bean
    @ConditionalOnMissingBean
    TierFlowNominationMetrics tierFlowNominationMetrics(MeterRegistry registry, ObjectProvider<HistoryService> history) {
        return new TierFlowNominationMetrics(registry, history.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(TaskService.class)
    TierFlowReviewMetrics tierFlowReviewMetrics(TierFlow tierFlow, TaskService taskService) {
        return new TierFlowReviewMetrics(tierFlow, taskService, OPEN_REVIEWS_REFRESH);
    }
}
