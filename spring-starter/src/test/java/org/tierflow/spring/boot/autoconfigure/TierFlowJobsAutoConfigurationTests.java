package org.tierflow.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.flowable.engine.ProcessEngine;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.tierflow.core.TierFlow;
import org.tierflow.core.spi.ApproverDirectory;

class TierFlowJobsAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = Ningxia.engineContextRunner()
            .withPropertyValues(Ningxia.PROPERTIES)
            .withBean(ApproverDirectory.class, Ningxia::approvers);

    @Test
    void aNodeRunsFlowablesAsyncExecutorByDefault() {
        contextRunner.run(context -> {
            assertThat(context).doesNotHaveBean("tierFlowJobsConfigurer");
            assertThat(context.getBean(SpringProcessEngineConfiguration.class).isAsyncExecutorActivate()).isTrue();
            assertThat(context.getBean(ProcessEngine.class).getProcessEngineConfiguration().getAsyncExecutor().isActive())
                    .isTrue();
        });
    }

    @Test
    void aNodeWithJobsDisabledRunsNoTimersButStillServesTierFlow() {
        contextRunner.withPropertyValues("tierflow.jobs.enabled=false").run(context -> {
            assertThat(context).hasBean("tierFlowJobsConfigurer");
            assertThat(context.getBean(SpringProcessEngineConfiguration.class).isAsyncExecutorActivate()).isFalse();
            assertThat(context.getBean(ProcessEngine.class).getProcessEngineConfiguration().getAsyncExecutor().isActive())
                    .isFalse();
            assertThat(context.getBean(TierFlow.class).isStarted()).isTrue();
        });
    }

    @Test
    void tierFlowsSwitchWinsOverFlowablesProperty() {
        contextRunner.withPropertyValues("tierflow.jobs.enabled=false", "flowable.async-executor-activate=true")
                .run(context -> assertThat(context.getBean(SpringProcessEngineConfiguration.class)
                        .isAsyncExecutorActivate()).isFalse());
    }
}
