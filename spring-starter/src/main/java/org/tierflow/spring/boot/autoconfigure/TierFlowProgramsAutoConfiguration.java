package org.tierflow.spring.boot.autoconfigure;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.tierflow.core.api.ProgramCatalog;
import org.tierflow.core.api.program.DefinitionProblem;
import org.tierflow.core.api.program.ProgramDefinition;
import org.tierflow.core.api.program.ProgramDefinitionException;
import org.tierflow.core.ProgramDefinitionLoader;

/**
 * Loads the program definitions named by {@code tierflow.programs.locations} into a {@link ProgramCatalog}.
 */
@AutoConfiguration
@EnableConfigurationProperties(TierFlowProperties.class)
public class TierFlowProgramsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProgramCatalog tierFlowProgramCatalog(TierFlowProperties properties, ResourceLoader resourceLoader) {
        ResourcePatternResolver resolver = ResourcePatternUtils.getResourcePatternResolver(resourceLoader);
        // Files found through several patterns are loaded once.
        Map<String, Resource> resources = new LinkedHashMap<>();
        for (String location : properties.getPrograms().getLocations()) {
            for (Resource resource : resolve(resolver, location)) {
                resources.putIfAbsent(describe(resource), resource);
            }
        }
        List<ProgramDefinition> programs = new ArrayList<>();
        List<DefinitionProblem> problems = new ArrayList<>();
        resources.forEach((name, resource) -> {
            try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                programs.add(ProgramDefinitionLoader.load(name, reader));
            } catch (ProgramDefinitionException e) {
                problems.addAll(e.problems());
            } catch (IOException e) {
                throw new UncheckedIOException("无法读取培养方案文件 / cannot read program definition " + name, e);
            }
        });
        if (!problems.isEmpty()) {
            throw new ProgramDefinitionException(problems);
        }
        return ProgramCatalog.of(programs);
    }

    private static Resource[] resolve(ResourcePatternResolver resolver, String location) {
        try {
            return resolver.getResources(location);
        } catch (IOException e) {
            throw new UncheckedIOException("无法解析培养方案位置 / cannot resolve tierflow.programs.locations entry '"
                    + location + "'", e);
        }
    }

    /** A name a person can find the file by: its URL, or its description when it has none. */
    private static String describe(Resource resource) {
        try {
            return resource.getURL().toString();
        } catch (IOException e) {
            return resource.getDescription();
        }
    }
}
