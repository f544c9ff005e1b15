package org.tierflow.examples.customhandler;

import java.math.BigDecimal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tierflow.core.spi.ApproverDirectory;
import org.tierflow.core.support.InMemoryApproverDirectory;
import org.tierflow.spring.boot.OrganisationDecisionHandler;

/**
 * The host's beans: who reviews where, and Huangdao's decision handler. The district's own level review needs no
 * bean: it is a model file named in {@code application.yaml}.
 */
@Configuration(proxyBeanMethods = false)
class HuangdaoConfiguration {

    static final String HUANGDAO = "qd-huangdao";
    static final String HUANGDAO_SCHOOL = "qd-huangdao-no1-senior-high";
    static final String SHINAN = "qd-shinan";
    static final String SHINAN_SCHOOL = "qd-shinan-experimental-primary";
    static final String CITY = "qd";

    /** A real portal asks its own user and role tables; a fixed list keeps the example small. */
    @Bean
    ApproverDirectory approvers() {
        return InMemoryApproverDirectory.builder()
                .grant(HUANGDAO_SCHOOL, "principal-huangdao")
                .grant(HUANGDAO, "reviewer-huangdao")
                .grant(SHINAN_SCHOOL, "principal-shinan")
                .grant(SHINAN, "reviewer-shinan")
                .grant(CITY, "reviewer-qingdao")
                .build();
    }

    /** Huangdao's rule, for decisions at the district (and, by the tree, below it); everyone else has none. */
    @Bean
    OrganisationDecisionHandler huangdaoTeachingObservation(
            @Value("${huangdao.teaching-observation.pass-mark:80}") BigDecimal passMark) {
        return new OrganisationDecisionHandler(HUANGDAO, new TeachingObservationRequired(passMark));
    }
}
