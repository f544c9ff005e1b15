/**
 * TierFlow's own records (JPA entities), the Hibernate bootstrap, and the per-command entity manager that
 * writes them on the engine's own connection, so a decision is one transaction.
 */
package org.tierflow.core.internal.persistence;
