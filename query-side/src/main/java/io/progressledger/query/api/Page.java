package io.progressledger.query.api;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, the one shape of every list the query API answers: its items and the cursor of the next page,
 * {@code null} on the last one.
 */
public record Page<T>(List<T> items, @Nullable String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    /** A list that is always whole: one page, no next. */
    public static <T> Page<T> whole(List<T> items) {
        return new Page<>(items, null);
    }

    /**
     * The page out of {@code rows} fetched with one row more than the page's limit: that extra row, when present,
     * says there is a next page, whose cursor is the sort key of the page's last item.
     */
    public static <T, K extends Record> Page<T> of(List<T> rows, PageRequest<K> request, Function<T, K> keyOf) {
        return of(rows, request.limit(), last -> Cursor.encode(keyOf.apply(last)));
    }

    /** As above, for a list whose cursor is not a sort key record (the audit feed's global position). */
    public static <T> Page<T> of(List<T> rows, int limit, Function<T, String> cursorOf) {
        boolean more = rows.size() > limit;
        List<T> items = more ? rows.subList(0, limit) : rows;
        return new Page<>(items, more ? cursorOf.apply(items.get(items.size() - 1)) : null);
    }
}
