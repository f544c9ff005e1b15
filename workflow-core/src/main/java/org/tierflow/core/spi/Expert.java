package org.tierflow.core.spi;

import java.util.Objects;

/**
 * One expert of the host's pool.
 *
 * @param userId the expert's user id, as the host's identity knows it
 * @param unitId the organisation unit the expert belongs to (their school, bureau or university); TierFlow uses
 *               it to keep experts away from candidates of their own school or district
 */
public record Expert(String userId, String unitId) {

    public Expert {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(unitId, "unitId");
    }
}
