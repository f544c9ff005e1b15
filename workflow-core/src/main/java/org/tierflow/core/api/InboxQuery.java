package org.tierflow.core.api;

import org.tierflow.core.api.program.OrganisationLevel;

/**
 * Filters, paging and order for an approver's inbox. {@code null} filters match everything.
 *
 * @param programCode only this program
 * @param tierCode    only this tier
 * @param level       only reviews at this level
 * @param state       claimed or not
 * @param page        0-based page
 * @param size        page size, 1 to 500
 * @param order       sort order
 * @param nominationId only the reviews of this nomination (a link in a {@code REVIEW_WAITING} notification names the
 *                     nomination: this finds the task to claim or decide)
 */
public record InboxQuery(String programCode, String tierCode, OrganisationLevel level, TaskState state,
                         int page, int size, Order order, String nominationId) {

    /** Every nomination. */
    public InboxQuery(String programCode, String tierCode, OrganisationLevel level, TaskState state,
                      int page, int size, Order order) {
        this(programCode, tierCode, level, state, page, size, order, null);
    }

    /** The first page of 20, oldest first, everything. */
    public static InboxQuery all() {
        return new InboxQuery(null, null, null, TaskState.ANY, 0, 20, Order.OLDEST_FIRST, null);
    }

    public InboxQuery program(String code) {
        return new InboxQuery(code, tierCode, level, state, page, size, order, nominationId);
    }

    public InboxQuery tier(String code) {
        return new InboxQuery(programCode, code, level, state, page, size, order, nominationId);
    }

    public InboxQuery level(OrganisationLevel value) {
        return new InboxQuery(programCode, tierCode, value, state, page, size, order, nominationId);
    }

    public InboxQuery state(TaskState value) {
        return new InboxQuery(programCode, tierCode, level, value, page, size, order, nominationId);
    }

    public InboxQuery page(int number, int pageSize) {
        return new InboxQuery(programCode, tierCode, level, state, number, pageSize, order, nominationId);
    }

    public InboxQuery order(Order value) {
        return new InboxQuery(programCode, tierCode, level, state, page, size, value, nominationId);
    }

    /** Only the reviews of this nomination waiting for the inbox's owner (at most one per open level). */
    public InboxQuery nomination(String id) {
        return new InboxQuery(programCode, tierCode, level, state, page, size, order, id);
    }

    /** Whether a task is claimed. */
    public enum TaskState {
        ANY,
        /** Nobody has claimed it yet. */
        UNCLAIMED,
        /** Claimed by the inbox's owner. */
        CLAIMED_BY_ME
    }

    /** Order of the inbox. */
    public enum Order {
        OLDEST_FIRST,
        NEWEST_FIRST
    }
}
