package org.tierflow.core.spi;

import java.util.List;

/**
 * The host's answer to "who may act for this organisation at this step" (organisation + role → users).
 * TierFlow asks it when a review task is created (to fill the inbox) and again whenever someone claims,
 * decides or delegates, so the host's directory stays the single source of truth.
 */
public interface ApproverDirectory {

    /** User ids of everyone who may act; empty when nobody may (TierFlow then applies its empty-approver policy). */
    List<String> approvers(ApproverQuery query);

    /** Whether this user may act. Override when asking the whole list is expensive. */
    default boolean mayAct(String userId, ApproverQuery query) {
        return approvers(query).contains(userId);
    }

    /**
     * Whether this user may file an objection (异议) against a candidate that the unit of {@code publishingUnit}
     * published (公示). By default anyone identified may: publicity is public and objections are filed under one's
     * real name. Override to restrict it, for example to the staff of the units below the publishing unit.
     *
     * @param publishingUnit the unit and level that published, with the action {@code DECIDE}
     */
    default boolean mayObject(String userId, ApproverQuery publishingUnit) {
        return userId != null && !userId.isBlank();
    }
}
