package io.progressledger.query.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * An opaque page cursor: the sort key of the last item of a page. Keyset paging is stable under concurrent inserts
 * (no item is repeated or skipped because rows were added before it).
 */
public final class Cursor {

    private static final String SEPARATOR = "\u001f";

    private Cursor() {
    }

    public static String encode(Object... sortKey) {
        List<String> parts = java.util.Arrays.stream(sortKey).map(String::valueOf).toList();
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws BadRequest when the cursor was not made by {@link #encode} with {@code size} parts */
    public static String[] decode(String cursor, int size) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                    .split(SEPARATOR, -1);
            if (parts.length == size) {
                return parts;
            }
        } catch (IllegalArgumentException notBase64) {
            // reported below
        }
        throw new BadRequest("cursor", "not a cursor returned by this API");
    }

    /** The cursor of a list paged by global position (the audit feed): the position itself, in decimal. */
    public static String position(long globalPosition) {
        return Long.toString(globalPosition);
    }

    /**
     * Where a list paged by global position starts: after {@code after}, or after the position {@code cursor}
     * (a {@code nextCursor} of that list) names; 0, the beginning, when neither is given.
     *
     * @throws BadRequest when the cursor is not such a position, or names another position than {@code after}
     */
    public static long position(Long after, String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return after == null ? 0 : after;
        }
        long position;
        try {
            position = Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new BadRequest("cursor", "not a cursor returned by this API");
        }
        if (position < 0) {
            throw new BadRequest("cursor", "not a cursor returned by this API");
        }
        if (after != null && after != position) {
            throw new BadRequest("cursor", "names another position than after; send one of them");
        }
        return position;
    }
}
