/**
 * The public API of TierFlow: services and the records they take and return.
 *
 * <p>Hosts compile against this package (and {@code org.tierflow.core.api.program} for program definitions)
 * and implement the extension points in {@code org.tierflow.core.spi}. Everything under
 * {@code org.tierflow.core.internal} may change in any release.
 */
package org.tierflow.core.api;
