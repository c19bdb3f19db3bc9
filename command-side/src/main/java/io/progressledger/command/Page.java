package io.progressledger.command;

import java.util.List;

/**
 * One page of a list of the command side's admin API, the one shape of every list it answers (as on the query
 * side): its items and the cursor of the next page, {@code null} on the last one.
 */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }
}
