package org.tierflow.spring.boot.web;

import java.util.List;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.tierflow.core.spi.Expert;
import org.tierflow.core.spi.ExpertDirectory;
import org.tierflow.core.support.InMemoryApproverDirectory;

/**
 * The REST host of {@link RestApiHostApplication} with an expert pool (专家库): five experts from outside the
 * applicant's city for every panel step, so panels run.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class PanelRestApiHostApplication {

    static final List<String> EXPERTS = List.of("expert-1", "expert-2", "expert-3", "expert-4", "expert-5");

    @Bean
    InMemoryApproverDirectory approvers() {
        return InMemoryApproverDirectory.builder()
                .grant(RestApiHostApplication.SCHOOL, RestApiHostApplication.PRINCIPAL)
                .grant(RestApiHostApplication.DISTRICT, RestApiHostApplication.DISTRICT_REVIEWER)
                .grant(RestApiHostApplication.CITY, RestApiHostApplication.CITY_REVIEWER)
                .grant(RestApiHostApplication.REGION, RestApiHostApplication.REGION_REVIEWER)
                .build();
    }

    @Bean
    ExpertDirectory experts() {
        List<Expert> pool = EXPERTS.stream().map(id -> new Expert(id, RestApiHostApplication.OTHER_CITY)).toList();
        return query -> pool;
    }
}
