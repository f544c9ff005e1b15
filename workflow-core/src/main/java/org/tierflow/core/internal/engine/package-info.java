/**
 * The glue between Flowable and TierFlow: the delegates the BPMN models call, the services behind the
 * public API, and the runtime they share. Nothing here is public API.
 */
package org.tierflow.core.internal.engine;
