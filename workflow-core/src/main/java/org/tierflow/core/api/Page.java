package org.tierflow.core.api;

import java.util.List;

/**
 * One page of results.
 *
 * @param items the items on this page
 * @param page  0-based page number
 * @param size  requested page size
 * @param total how many items match in all
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }

    /** How many pages there are. */
    public long totalPages() {
        return size == 0 ? 0 : (total + size - 1) / size;
    }
}
