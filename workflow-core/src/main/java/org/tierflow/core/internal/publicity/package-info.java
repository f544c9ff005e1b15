/**
 * Publicity (公示) of selected candidates: publications, objections, the working-day period and its timer,
 * and the export of the list. Depends on the selection package (quota release and waitlist promotion), never
 * on the engine or persistence packages: it gets what it needs through {@link
 * org.tierflow.core.internal.publicity.PublicityContext}.
 */
package org.tierflow.core.internal.publicity;
