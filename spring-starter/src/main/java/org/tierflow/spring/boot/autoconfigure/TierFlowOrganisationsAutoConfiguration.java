package org.tierflow.spring.boot.autoconfigure;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.tierflow.core.spi.OrganisationDirectory;
import org.tierflow.core.support.InMemoryOrganisationDirectory;

/**
 * An in-memory organisation tree read from {@code tierflow.organisations.location}, for hosts that do not
 * declare their own {@link OrganisationDirectory}.
 */
@AutoConfiguration
@EnableConfigurationProperties(TierFlowProperties.class)
@ConditionalOnProperty(prefix = "tierflow.organisations", name = "location")
public class TierFlowOrganisationsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(OrganisationDirectory.class)
    InMemoryOrganisationDirectory tierFlowOrganisationDirectory(TierFlowProperties properties, ResourceLoader resourceLoader) {
        String location = properties.getOrganisations().getLocation();
        Resource resource = resourceLoader.getResource(location);
        if (!resource.exists()) {
            throw new IllegalStateException("找不到 tierflow.organisations.location 指定的组织机构文件：" + location
                    + " / the organisation tree named by tierflow.organisations.location does not exist: " + location);
        }
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            return InMemoryOrganisationDirectory.fromYaml(location, reader);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取组织机构文件 / cannot read the organisation tree " + location, e);
        }
    }
}
