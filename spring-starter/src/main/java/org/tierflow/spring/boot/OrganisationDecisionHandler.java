package org.tierflow.spring.boot;

import java.util.Objects;

import org.tierflow.core.spi.DecisionHandler;

/**
 * A decision handler for one organisation unit and every unit below it that has none of its own, declared as a
 * bean. The starter hands each such bean to {@code TierFlow.Builder#decisionHandler(String, DecisionHandler)};
 * a bean of type {@link DecisionHandler} itself is the global handler, used where no unit up the tree has one.
 *
 * <pre>{@code
 * @Bean
 * OrganisationDecisionHandler xingqingInterviewsFirst() {
 *     return new OrganisationDecisionHandler("nx-yinchuan-xingqing", new InterviewFirst());
 * }
 * }</pre>
 *
 * @param unitId  the organisation unit, as the host's {@code OrganisationDirectory} knows it
 * @param handler its handler
 */
public record OrganisationDecisionHandler(String unitId, DecisionHandler handler) {

    public OrganisationDecisionHandler {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(handler, "handler");
        if (unitId.isBlank()) {
            throw new IllegalArgumentException("unitId must not be blank");
        }
    }
}
