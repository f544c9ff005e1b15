package org.tierflow.spring.boot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.tierflow.core.TierFlow;
import org.tierflow.core.api.OrganisationUnit;
import org.tierflow.core.api.ProgramCatalog;
import org.tierflow.core.spi.OrganisationDirectory;
import org.tierflow.spring.boot.autoconfigure.TierFlowWebAutoConfiguration;

/** When TierFlow's REST API is mapped, and that it is not unless asked for. */
class TierFlowWebAutoConfigurationTests {

    private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    HttpMessageConvertersAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
                    WebMvcAutoConfiguration.class, TierFlowWebAutoConfiguration.class))
            .withUserConfiguration(HostWithTierFlow.class);

    @Test
    void offByDefault() {
        contextRunner.run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(TierFlowProblemHandler.class)
                    .doesNotHaveBean(NominationController.class);
            assertThat(tierFlowPatterns(context)).as("TierFlow endpoints mapped").isEmpty();
        });
    }

    @Test
    void offWhenDisabled() {
        contextRunner.withPropertyValues("tierflow.web.enabled=false")
                .run(context -> assertThat(tierFlowPatterns(context)).isEmpty());
    }

    @Test
    void onWhenEnabledUnderTheBasePath() {
        contextRunner.withPropertyValues("tierflow.web.enabled=true").run(context -> {
            assertThat(context).hasSingleBean(TierFlowProblemHandler.class).hasSingleBean(CredentialController.class);
            assertThat(tierFlowPatterns(context)).isNotEmpty().allMatch(pattern -> pattern.startsWith("/tierflow/api/"))
                    .contains("/tierflow/api/nominations", "/tierflow/api/credentials/{number}");
        });
    }

    @Test
    void theBasePathIsAProperty() {
        contextRunner.withPropertyValues("tierflow.web.enabled=true", "tierflow.web.base-path=/portal/talent")
                .run(context -> assertThat(tierFlowPatterns(context)).isNotEmpty()
                        .allMatch(pattern -> pattern.startsWith("/portal/talent/")));
    }

    @Test
    void offWithoutTierFlow() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(TierFlowWebAutoConfiguration.class))
                .withPropertyValues("tierflow.web.enabled=true")
                .run(context -> assertThat(context).doesNotHaveBean(TierFlowProblemHandler.class));
    }

    @Test
    void offWithoutSpringMvc() {
        contextRunner.withPropertyValues("tierflow.web.enabled=true")
                .withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
                .run(context -> assertThat(context).doesNotHaveBean(TierFlowProblemHandler.class));
    }

    @Test
    void offInAnApplicationThatIsNoWebApplication() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(TierFlowWebAutoConfiguration.class))
                .withUserConfiguration(HostWithTierFlow.class)
                .withPropertyValues("tierflow.web.enabled=true")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(TierFlowProblemHandler.class));
    }

    private static List<String> tierFlowPatterns(ApplicationContext context) {
        return context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods()
                .entrySet().stream()
                .filter(e -> e.getValue().getBeanType().getPackageName().equals(TierFlowProblemHandler.class.getPackageName()))
                .flatMap(e -> e.getKey().getPatternValues().stream())
                .toList();
    }

    /** A host with a TierFlow bean (not started: the web layer only needs the bean). */
    @Configuration(proxyBeanMethods = false)
    static class HostWithTierFlow {

        @Bean
        TierFlow tierFlow() {
            OrganisationDirectory noUnits = new OrganisationDirectory() {
                @Override
                public Optional<OrganisationUnit> findUnit(String id) {
                    return Optional.empty();
                }

                @Override
                public List<OrganisationUnit> children(String id) {
                    return List.of();
                }
            };
            return TierFlow.builder().programs(ProgramCatalog.of(List.of())).organisations(noUnits)
                    .approvers(query -> List.of()).build();
        }
    }
}
