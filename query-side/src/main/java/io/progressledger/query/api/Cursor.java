package io.progressledger.query.api;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The one parser of page cursors. A cursor is opaque to clients: the sort key of the last item of a page, a record
 * of the list's own (such as a block's order and id), encoded here and decoded here back into that record, so that
 * keyset paging is stable under concurrent inserts and no read service parses a cursor. Key components may be
 * {@code int}, {@code long}, {@code String} or {@code Instant}.
 */
public final class Cursor {

    private static final String SEPARATOR = "\u001f";

    private Cursor() {
    }

    /** The cursor of a page ending at this sort key. */
    public static String encode(Record key) {
        List<String> parts = new ArrayList<>();
        for (RecordComponent component : key.getClass().getRecordComponents()) {
            try {
                parts.add(String.valueOf(component.getAccessor().invoke(key)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("a cursor key's component cannot be read: " + component, e);
            }
        }
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The sort key a cursor names, or null for no cursor (the first page).
     *
     * @throws BadRequest when the cursor was not made by {@link #encode} from a key of this type
     */
    public static <K extends Record> K decode(String cursor, Class<K> keyType) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        RecordComponent[] components = keyType.getRecordComponents();
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                    .split(SEPARATOR, -1);
            if (parts.length == components.length) {
                Object[] values = new Object[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    values[i] = parse(parts[i], components[i].getType());
                }
                Constructor<K> constructor = keyType.getDeclaredConstructor(
                        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
                return constructor.newInstance(values);
            }
        } catch (IllegalArgumentException | DateTimeParseException | InvocationTargetException notAKey) {
            // reported below: not base64, a part of the wrong form, or a key its record refuses
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cursor keys are public records: " + keyType, e);
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

    private static Object parse(String value, Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return Integer.parseInt(value);
        }
        if (type == long.class || type == Long.class) {
            return Long.parseLong(value);
        }
        if (type == Instant.class) {
            return Instant.parse(value);
        }
        if (type == String.class) {
            return value;
        }
        throw new IllegalStateException("a cursor key component of type " + type + " has no cursor form");
    }
}
