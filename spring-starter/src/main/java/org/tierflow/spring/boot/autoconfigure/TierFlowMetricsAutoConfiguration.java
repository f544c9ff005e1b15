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
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.flowable.engine.ProcessEngine;
import org.tierflow.spring.boot.actuate.TierFlowOverdueReviewMetrics;
import org.tierflow.spring.boot.actuate.TierFlowQuotaMetrics;
import org.tierflow.core.TierFlow;
import org.tierflow.spring.boot.actuate.TierFlowNominationMetrics;
import org.tierflow.spring.boot.actuate.TierFlowReviewMetrics;

/**
 * Micrometer meters of TierFlow when the host has a {@link MeterRegistry}: {@code tierflow.nominations},
 * {@code tierflow.decisions}, {@code tierflow.reviews.open}, {@code tierflow.reviews.overdue},
 * {@code tierflow.quota.allocated} and {@code tierflow.quota.used} (settings: {@code tierflow.metrics.*}).
 */
@AutoConfiguration(after = {TierFlowEngineAutoConfiguration.class, ProcessEngineServicesAutoConfiguration.class}, afterName = {
        "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({MeterRegistry.class, TierFlow.class})
@EnableConfigurationProperties(TierFlowMetricsProperties.class)
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

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean({TaskService.class, ProcessEngine.class})
    TierFlowOverdueReviewMetrics tierFlowOverdueReviewMetrics(TierFlow tierFlow, TaskService taskService,
                                                              ProcessEngine engine, TierFlowMetricsProperties properties) {
        return new TierFlowOverdueReviewMetrics(tierFlow, taskService, properties.getReviewOverdueAfter(),
                () -> engine.getProcessEngineConfiguration().getClock().getCurrentTime().toInstant(),
                properties.getRefreshInterval());
    }

    @Bean
    @ConditionalOnMissingBean
    TierFlowQuotaMetrics tierFlowQuotaMetrics(TierFlow tierFlow, TierFlowMetricsProperties properties) {
        return new TierFlowQuotaMetrics(tierFlow, properties.getRefreshInterval());
    }
}
