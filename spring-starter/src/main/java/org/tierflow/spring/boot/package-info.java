/**
 * What a Spring Boot host uses besides TierFlow's own API and SPI: {@link org.tierflow.spring.boot.OrganisationDecisionHandler}
 * to register a decision handler for one organisation unit as a bean, and
 * {@link org.tierflow.spring.boot.TierFlowNominationEvent}, the Spring application event TierFlow publishes for
 * every nomination event after its transaction committed.
 */
package org.tierflow.spring.boot;
