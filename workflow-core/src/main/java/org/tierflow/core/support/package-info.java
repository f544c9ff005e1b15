/**
 * Ready-made implementations of SPIs for examples, tests and small hosts, such as
 * {@link org.tierflow.core.support.InMemoryOrganisationDirectory}. They use only the public API and SPI,
 * exactly as a host's own implementation would.
 */
package org.tierflow.core.support;
