/**
 * Extension points a host implements: the organisation tree, who may act for an organisation, decision
 * and eligibility policy, listeners, the notifier. TierFlow calls these; ready-made implementations for
 * examples, tests and small hosts live in {@code org.tierflow.core.support}.
 *
 * <p>Types here depend only on the public API ({@code org.tierflow.core.api}), never on internals.
 */
package org.tierflow.core.spi;
