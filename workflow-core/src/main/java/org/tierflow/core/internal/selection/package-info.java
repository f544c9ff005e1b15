/**
 * Selection under quota: quota allocation down the organisation tree and its enforcement on every pass,
 * selection rounds, ranking, all-or-nothing batches and the waitlist. Depends on no other internal package:
 * the engine calls {@link org.tierflow.core.internal.selection.QuotaLedger} when a level passes a nomination,
 * persistence registers the entities, and {@code TierFlow} wires the rest through
 * {@link org.tierflow.core.internal.selection.SelectionContext}.
 */
package org.tierflow.core.internal.selection;
