package org.tierflow.core.api;

import java.time.Instant;

/**
 * A moved deadline, as audited: never changed or deleted.
 *
 * @param kind       which deadline
 * @param previousAt when it was due before
 * @param newAt      when it is due now
 * @param reason     why it moved
 * @param changedBy  who moved it
 * @param changedAt  when, by the engine's clock
 */
public record DeadlineChange(DeadlineKind kind, Instant previousAt, Instant newAt, String reason, String changedBy,
                             Instant changedAt) {
}
