package org.tierflow.core.api;

/**
 * A unit's quota in one tier.
 *
 * @param programCode the program
 * @param tierCode    the tier
 * @param unitId      the unit
 * @param limited     whether the unit has a quota: the tier's top unit always has (the tier's quota); other
 *                    units once their parent allocated to them
 * @param allocated   how many it may pass on; 0 when not {@code limited}
 * @param used        how many it has passed on (withdrawn candidates give their slot back)
 * @param remaining   {@code allocated - used}; 0 when not {@code limited}
 */
public record Quota(String programCode, String tierCode, String unitId, boolean limited, int allocated, int used,
                    int remaining) {
}
