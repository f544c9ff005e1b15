package org.tierflow.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Core brings Flyway, which switches on Spring Boot's Flyway auto-configuration in every host; without migrations of
 * its own a host would get "No migrations found" and an empty flyway_schema_history. The starter turns Boot's Flyway
 * off only for such hosts.
 */
class HostFlywayEnvironmentPostProcessorTests {

    private final HostFlywayEnvironmentPostProcessor postProcessor = new HostFlywayEnvironmentPostProcessor();

    @Test
    void aHostWithoutMigrationsGetsBootsFlywayOff() {
        StandardEnvironment environment = new StandardEnvironment();
        postProcessor.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.flyway.enabled")).isEqualTo("false");
    }

    @Test
    void aHostThatSaysWhatItWantsIsLeftAlone() {
        StandardEnvironment environment = new StandardEnvironment();
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(environment, "spring.flyway.enabled=true");
        postProcessor.postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.flyway.enabled")).isEqualTo("true");
    }

    @Test
    void aHostWithMigrationsOrLocationsTheStarterCannotSeeIsLeftAlone() {
        for (String locations : List.of("classpath:broken", "filesystem:/srv/migrations",
                "classpath:db/migration/{vendor}")) {
            StandardEnvironment environment = new StandardEnvironment();
            TestPropertySourceUtils.addInlinedPropertiesToEnvironment(environment, "spring.flyway.locations=" + locations);
            postProcessor.postProcessEnvironment(environment, new SpringApplication());
            assertThat(environment.getProperty("spring.flyway.enabled")).as(locations).isNull();
        }
    }

    @Test
    void aWholeHostApplicationKeepsOnlyTierFlowsSchemaHistory() throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(HostPortalApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.datasource.url=jdbc:h2:mem:host-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "tierflow.programs.locations=classpath*:org/tierflow/programs/*.yaml",
                        "tierflow.organisations.location=classpath:org/tierflow/organisations/ningxia.yaml")
                .run()) {
            assertThat(context.containsBean("flyway")).isFalse();
            List<String> histories = new ArrayList<>();
            try (Connection connection = context.getBean(DataSource.class).getConnection();
                 ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (tables.next()) {
                    String name = tables.getString(3).toLowerCase();
                    if (name.endsWith("schema_history")) {
                        histories.add(name);
                    }
                }
            }
            assertThat(histories).containsExactly("tierflow_schema_history");
        }
    }
}
