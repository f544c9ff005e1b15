package org.tierflow.examples.demo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.tierflow.core.spi.OrganisationDirectory;

/**
 * The host's part of embedding TierFlow: the approver directory (here: the demo users' grants). The programs
 * and the organisation tree come from {@code application.yaml}.
 */
@Configuration(proxyBeanMethods = false)
class DemoConfiguration {

    @Bean
    DemoUsers demoUsers(@Value("${demo.users}") Resource users, OrganisationDirectory organisations) {
        return DemoUsers.load(users, organisations);
    }
}
