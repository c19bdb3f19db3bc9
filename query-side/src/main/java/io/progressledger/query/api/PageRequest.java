package io.progressledger.query.api;

/**
 * The paging parameters of a list request: {@code cursor} (from a previous page's {@code nextCursor}) and
 * {@code limit}. Controllers bound {@code limit} with {@code @Min(1) @Max(MAX_LIMIT)} on the parameter, so that the
 * API document states the very bounds the code enforces; a page size out of them never gets here.
 */
public record PageRequest(String cursor, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    /** {@link #DEFAULT_LIMIT} as an annotation's default value. */
    public static final String DEFAULT = "" + DEFAULT_LIMIT;
    public static final int MAX_LIMIT = 500;

    public PageRequest {
        if (limit < 1) {
            throw new IllegalArgumentException("a page holds at least one item");
        }
        cursor = cursor == null || cursor.isBlank() ? null : cursor;
    }

    public static PageRequest of(String cursor, int limit) {
        return new PageRequest(cursor, limit);
    }

    public boolean first() {
        return cursor == null;
    }
}
