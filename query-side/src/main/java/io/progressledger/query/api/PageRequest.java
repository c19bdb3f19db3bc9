package io.progressledger.query.api;

/**
 * The paging parameters of a list request: {@code cursor} (from a previous page's {@code nextCursor}) and
 * {@code limit} (default 50, at most 500).
 */
public record PageRequest(String cursor, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public static PageRequest of(String cursor, Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new BadRequest("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(cursor == null || cursor.isBlank() ? null : cursor, size);
    }

    public boolean first() {
        return cursor == null;
    }
}
