package org.tierflow.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.tierflow.bpmn.TierFlowBpmn;
import org.tierflow.core.TierFlow;
import org.tierflow.core.api.ProgramCatalog;
import org.tierflow.core.spi.ApproverDirectory;
import org.tierflow.core.support.InMemoryOrganisationDirectory;
import org.tierflow.spring.boot.actuate.TierFlowHealthIndicator;

class TierFlowHealthContributorAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = Ningxia.engineContextRunner()
            .withPropertyValues(Ningxia.PROPERTIES);

    @Test
    @SuppressWarnings("unchecked")
    void upWithProgramsEngineAndModelsOnceStarted() {
        contextRunner.withBean(ApproverDirectory.class, Ningxia::approvers).run(context -> {
            assertThat(context).hasBean("tierFlowHealthIndicator");
            Health health = context.getBean("tierFlowHealthIndicator", HealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("programs", 5).containsEntry("engine", "default");
            assertThat((Map<String, Object>) health.getDetails().get("models"))
                    .containsOnlyKeys(TierFlowBpmn.NOMINATION_PROCESS, TierFlowBpmn.LEVEL_REVIEW_PROCESS,
                            TierFlowBpmn.PUBLICITY_PROCESS, TierFlowBpmn.LIFECYCLE_PROCESS, TierFlowBpmn.TASK_BOOK_PROCESS,
                            TierFlowBpmn.IMPLEMENTATION_PROCESS, TierFlowBpmn.ACCEPTANCE_PROCESS,
                            TierFlowBpmn.EVALUATION_PROCESS, TierFlowBpmn.PHASE_PROCESS);
        });
    }

    @Test
    void downWhenTierFlowIsNotStarted() {
        // The host declares its own TierFlow and has not started it.
        contextRunner.withBean(ApproverDirectory.class, Ningxia::approvers)
                .withBean(TierFlow.class, () -> TierFlow.builder().programs(ProgramCatalog.of(List.of()))
                        .organisations(InMemoryOrganisationDirectory.of(List.of()))
                        .approvers(Ningxia.approvers()).build())
                .run(context -> {
                    Health health = context.getBean(TierFlowHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails().get("reason").toString()).contains("not been started");
                });
    }

    @Test
    void noIndicatorWithoutTierFlow() {
        contextRunner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(TierFlowHealthIndicator.class));
    }

    @Test
    void noIndicatorWhenSwitchedOff() {
        contextRunner.withBean(ApproverDirectory.class, Ningxia::approvers)
                .withPropertyValues("management.health.tierflow.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(TierFlowHealthIndicator.class));
    }

    @Test
    void noIndicatorWithoutActuator() {
        contextRunner.withBean(ApproverDirectory.class, Ningxia::approvers)
                .withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).hasNotFailed()
                        .hasSingleBean(TierFlow.class)
                        .doesNotHaveBean(TierFlowHealthIndicator.class));
    }
}
