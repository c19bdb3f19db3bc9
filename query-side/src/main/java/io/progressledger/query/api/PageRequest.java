package io.progressledger.query.api;

import org.jspecify.annotations.Nullable;

/**
 * The paging parameters of a list request, parsed: the sort key of the last item already seen ({@code null} for the
 * first page), decoded by {@link Cursor} from the {@code cursor} parameter, and the page size. Controllers bound
 * {@code limit} with {@code @Min(1) @Max(MAX_LIMIT)} on the parameter, so that the API document states the very
 * bounds the code enforces; a page size out of them never gets here.
 *
 * @param <K> the list's sort key, a record
 */
public record PageRequest<K extends Record>(@Nullable K after, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    /** {@link #DEFAULT_LIMIT} as an annotation's default value. */
    public static final String DEFAULT = "" + DEFAULT_LIMIT;
    public static final int MAX_LIMIT = 500;

    public PageRequest {
        if (limit < 1) {
            throw new IllegalArgumentException("a page holds at least one item");
        }
    }

    /**
     * The request for the page after {@code cursor} (a {@code nextCursor} of the same list), of {@code limit} items.
     *
     * @throws BadRequest when the cursor was not made by this list
     */
    public static <K extends Record> PageRequest<K> of(String cursor, int limit, Class<K> keyType) {
        return new PageRequest<>(Cursor.decode(cursor, keyType), limit);
    }

    public boolean first() {
        return after == null;
    }
}
