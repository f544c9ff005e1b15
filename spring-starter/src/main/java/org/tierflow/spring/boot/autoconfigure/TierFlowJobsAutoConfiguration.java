package org.tierflow.spring.boot.autoconfigure;

import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * {@code tierflow.jobs.enabled=false}: this node runs no timers and no asynchronous jobs, because Flowable's async
 * executor is not activated on it. Other nodes on the same database run them. Contributes only an
 * {@link EngineConfigurationConfigurer}, which runs after Flowable applied its own {@code flowable.*} properties.
 */
@AutoConfiguration
@ConditionalOnClass(SpringProcessEngineConfiguration.class)
@ConditionalOnBooleanProperty(name = "tierflow.jobs.enabled", havingValue = false)
public class TierFlowJobsAutoConfiguration {

    @Bean
    EngineConfigurationConfigurer<SpringProcessEngineConfiguration> tierFlowJobsConfigurer() {
        return configuration -> configuration.setAsyncExecutorActivate(false);
    }
}
