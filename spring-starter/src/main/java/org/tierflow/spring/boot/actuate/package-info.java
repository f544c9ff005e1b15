/**
 * TierFlow for operations: an Actuator health indicator and Micrometer meters. Each part is active only when the
 * host runs Actuator, respectively Micrometer; the auto-configuration creates them, a host may reuse them.
 */
package org.tierflow.spring.boot.actuate;
