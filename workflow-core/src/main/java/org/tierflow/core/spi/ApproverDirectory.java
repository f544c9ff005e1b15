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
}
