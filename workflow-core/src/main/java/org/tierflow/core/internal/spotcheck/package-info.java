/**
 * Yearly spot checks (抽查): the population of candidates in progress and their managing units, the seeded draw,
 * the audits and the report. Depends on the engine runtime and persistence; nothing depends on it but the entry
 * point.
 */
package org.tierflow.core.internal.spotcheck;
