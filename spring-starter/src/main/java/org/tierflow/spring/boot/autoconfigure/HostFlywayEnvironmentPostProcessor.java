package org.tierflow.spring.boot.autoconfigure;

import java.io.IOException;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.StringUtils;

/**
 * Keeps Spring Boot's own Flyway auto-configuration off in hosts that have no Flyway migrations of their own.
 *
 * <p>TierFlow migrates its tables itself (history table {@code tierflow_schema_history}), but its {@code flyway-core}
 * dependency switches on Boot's {@code FlywayAutoConfiguration}, which then runs on the host's database with no
 * migrations: it logs "No migrations found" and creates an empty {@code flyway_schema_history}. This sets
 * {@code spring.flyway.enabled=false}, at the lowest precedence, only when the host set no
 * {@code spring.flyway.enabled} itself and none of its {@code spring.flyway.locations} (default
 * {@code classpath:db/migration}) holds anything. A host with migrations, a non-classpath location or a
 * {@code {vendor}} placeholder is left alone.
 */
public class HostFlywayEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "tierflowHostFlywayBackOff";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.flyway.enabled")) {
            return;
        }
        String locations = environment.getProperty("spring.flyway.locations", "classpath:db/migration");
        ClassLoader classLoader = application == null ? null : application.getClassLoader();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
        for (String location : StringUtils.commaDelimitedListToStringArray(locations)) {
            String trimmed = location.trim();
            if (!trimmed.startsWith("classpath:") || trimmed.contains("{")) {
                return;
            }
            String path = trimmed.substring("classpath:".length()).replaceAll("^/+", "").replaceAll("/+$", "");
            try {
                for (Resource resource : resolver.getResources("classpath*:" + path + "/**")) {
                    if (resource.isReadable()) {
                        return;
                    }
                }
            } catch (IOException e) {
                return;
            }
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME,
                Map.of("spring.flyway.enabled", "false")));
    }
}
