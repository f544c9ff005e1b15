/**
 * The training-hour ledger of selected candidates and its check against the tier's training requirement.
 * Nothing here is public API; see {@code org.tierflow.core.api.TrainingService}.
 */
package org.tierflow.core.internal.training;
