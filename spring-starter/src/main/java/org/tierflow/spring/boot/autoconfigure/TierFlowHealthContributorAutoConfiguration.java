package org.tierflow.spring.boot.autoconfigure;

import org.flowable.engine.ProcessEngine;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.flowable.spring.boot.ProcessEngineServicesAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.tierflow.core.TierFlow;
import org.tierflow.spring.boot.actuate.TierFlowHealthIndicator;

/**
 * Health indicator "tierFlow" when the host runs Actuator; off with {@code management.health.tierflow.enabled=false}.
 */
@AutoConfiguration(after = {TierFlowEngineAutoConfiguration.class, ProcessEngineServicesAutoConfiguration.class})
@ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean({TierFlow.class, ProcessEngine.class})
@ConditionalOnEnabledHealthIndicator("tierflow")
public class TierFlowHealthContributorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "tierFlowHealthIndicator")
    TierFlowHealthIndicator tierFlowHealthIndicator(TierFlow tierFlow, ProcessEngine processEngine) {
        return new TierFlowHealthIndicator(tierFlow, processEngine);
    }
}
