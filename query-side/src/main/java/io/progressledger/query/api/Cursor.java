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
}
