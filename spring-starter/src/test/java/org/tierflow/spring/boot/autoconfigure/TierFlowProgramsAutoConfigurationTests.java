package org.tierflow.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.tierflow.core.api.ProgramCatalog;
import org.tierflow.core.api.program.ProgramDefinitionException;
import org.tierflow.core.spi.OrganisationDirectory;
import org.tierflow.core.support.InMemoryOrganisationDirectory;

class TierFlowProgramsAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TierFlowProgramsAutoConfiguration.class,
                    TierFlowOrganisationsAutoConfiguration.class));

    @Test
    void loadsNoProgramWhenTheHostHasNoneInTheDefaultLocation() {
        contextRunner.run(context -> assertThat(context.getBean(ProgramCatalog.class).programs()).isEmpty());
    }

    @Test
    void loadsTheSeedProgramsFromConfiguredLocations() {
        contextRunner.withPropertyValues("tierflow.programs.locations=classpath*:org/tierflow/programs/*.yaml")
                .run(context -> assertThat(context.getBean(ProgramCatalog.class).programs())
                        .extracting(p -> p.code())
                        .containsExactly("national-ability-2-0-2019", "ningxia-internet-plus-education-2020",
                                "qingdao-135-plan-2023", "qingdao-digital-talent-2023", "west-coast-ai-pilot-2022"));
    }

    @Test
    void aFileFoundByTwoPatternsIsLoadedOnce() {
        contextRunner.withPropertyValues(
                        "tierflow.programs.locations[0]=classpath*:org/tierflow/programs/*.yaml",
                        "tierflow.programs.locations[1]=classpath:org/tierflow/programs/ningxia-internet-plus-education-2020.yaml")
                .run(context -> assertThat(context.getBean(ProgramCatalog.class).programs()).hasSize(5));
    }

    @Test
    void anInvalidDefinitionStopsTheStartWithEveryProblemNamed() {
        contextRunner.withPropertyValues("tierflow.programs.locations=classpath:broken/negative-quota.yaml")
                .run(context -> {
                    assertThat(context).hasFailed();
                    Throwable failure = context.getStartupFailure();
                    ProgramDefinitionException cause = findCause(failure, ProgramDefinitionException.class);
                    assertThat(cause.problems()).anySatisfy(p -> {
                        assertThat(p.source()).endsWith("negative-quota.yaml");
                        assertThat(p.line()).isEqualTo(10);
                        assertThat(p.field()).isEqualTo("tiers[0].quota");
                    });
                    FailureAnalysis analysis = new ProgramDefinitionFailureAnalyzer().analyze(failure);
                    assertThat(analysis.getDescription()).contains("negative-quota.yaml").contains("tiers[0].quota");
                    assertThat(analysis.getAction()).contains("tierflow.programs.locations");
                });
    }

    @Test
    void backsOffWhenTheHostDefinesItsOwnCatalog() {
        ProgramCatalog own = ProgramCatalog.of(List.of());
        contextRunner.withPropertyValues("tierflow.programs.locations=classpath*:org/tierflow/programs/*.yaml")
                .withBean(ProgramCatalog.class, () -> own)
                .run(context -> assertThat(context.getBean(ProgramCatalog.class)).isSameAs(own));
    }

    @Test
    void readsTheOrganisationTreeFromItsLocation() {
        contextRunner.withPropertyValues("tierflow.organisations.location=classpath:org/tierflow/organisations/ningxia.yaml")
                .run(context -> assertThat(context.getBean(OrganisationDirectory.class).findUnit("nx")).isPresent());
    }

    @Test
    void hasNoOrganisationTreeUnlessALocationIsSet() {
        contextRunner.run(context -> assertThat(context).doesNotHaveBean(OrganisationDirectory.class));
    }

    @Test
    void theHostsOwnOrganisationDirectoryWins() {
        OrganisationDirectory own = InMemoryOrganisationDirectory.of(List.of());
        contextRunner.withPropertyValues("tierflow.organisations.location=classpath:org/tierflow/organisations/ningxia.yaml")
                .withBean(OrganisationDirectory.class, () -> own)
                .run(context -> assertThat(context.getBean(OrganisationDirectory.class)).isSameAs(own));
    }

    @Test
    void aMissingOrganisationTreeFileNamesTheProperty() {
        contextRunner.withPropertyValues("tierflow.organisations.location=classpath:nowhere.yaml")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("tierflow.organisations.location").hasMessageContaining("nowhere.yaml"));
    }

    private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + failure);
    }
}
