package org.tierflow.spring.boot.web;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tierflow.core.api.NotAuthorizedException;
import org.tierflow.core.api.program.LocalizedText;
import org.tierflow.core.support.InMemoryApproverDirectory;

/**
 * A Spring MVC portal with TierFlow's REST API on: the seed programs, the Ningxia tree (properties of the tests),
 * one approver per unit up the Jinfeng school's chain (two at the school), and a controller of the host's own.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class RestApiHostApplication {

    static final String PROGRAM = "ningxia-internet-plus-education-2020";
    /** School recommends, district screens, city decides, the region is informed. */
    static final String TIER = "teaching-talent";
    /** National 2.0: the school decides alone; training hours; the district issues the credential. */
    static final String NATIONAL = "national-ability-2-0-2019";
    static final String NATIONAL_TIER = "teacher";

    static final String SCHOOL = "nx-yinchuan-jinfeng-yuehai-primary";
    static final String DISTRICT = "nx-yinchuan-jinfeng";
    static final String CITY = "nx-yinchuan";
    static final String OTHER_CITY = "nx-shizuishan";
    static final String REGION = "nx";

    static final String PRINCIPAL = "principal-yuehai";
    static final String VICE_PRINCIPAL = "vice-principal-yuehai";
    static final String DISTRICT_REVIEWER = "reviewer-jinfeng";
    static final String CITY_REVIEWER = "reviewer-yinchuan";
    static final String REGION_REVIEWER = "reviewer-nx";

    @Bean
    InMemoryApproverDirectory approvers() {
        return InMemoryApproverDirectory.builder()
                .grant(SCHOOL, PRINCIPAL, VICE_PRINCIPAL)
                .grant(DISTRICT, DISTRICT_REVIEWER)
                .grant(CITY, CITY_REVIEWER)
                .grant(REGION, REGION_REVIEWER)
                .build();
    }

    /** The host's own endpoint (in TierFlow's package, even), whose errors TierFlow must leave to the host. */
    @RestController
    static class HostController {

        @GetMapping("/host/refusal")
        String refusal() {
            throw new NotAuthorizedException(new LocalizedText("主机自己的拒绝", "the host's own refusal"));
        }
    }
}
