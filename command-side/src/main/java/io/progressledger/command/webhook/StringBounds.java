package io.progressledger.command.webhook;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The longest each string of a sender's body may be, and which strings are identifiers, checked before anything
 * else reads the body: every length a schema check, a stored column or a view depends on is bounded here, so that no
 * check is ever run on an unbounded string (an email format check is quadratic in its length) and nothing is ever
 * stored cut. Identifiers hold no control characters (CR, LF, NUL...); no string holds NUL, which PostgreSQL's text
 * cannot store.
 */
public final class StringBounds {

    /** Sender ids: room left within the stores' 255 characters for a namespace before an aggregate's id. */
    public static final int ID = 200;
    /** Event names and slugs, kept in the delivery log. */
    public static final int EVENT_TYPE = 255;
    /** Timestamps, whatever their format. */
    public static final int TIMESTAMP = 64;

    private final List<Bound> bounds;

    private StringBounds(List<Bound> bounds) {
        this.bounds = List.copyOf(bounds);
    }

    /**
     * @param pointer a JSON Pointer, in which {@code *} stands for every item of an array
     * @param max     the most characters (UTF-16 units, so never fewer than the stores count)
     * @param id      whether control characters are refused too
     */
    private record Bound(String pointer, int max, boolean id) {
    }

    public static StringBounds of() {
        return new StringBounds(List.of());
    }

    /** An identifier at {@code pointer}: at most {@link #ID} characters, no control characters. */
    public StringBounds id(String pointer) {
        return with(new Bound(pointer, ID, true));
    }

    /** A name of something (an event, a type) at {@code pointer}: no control characters. */
    public StringBounds name(String pointer, int max) {
        return with(new Bound(pointer, max, true));
    }

    /** Free text at {@code pointer} (a person's or a trail's name, an email): at most {@code max} characters. */
    public StringBounds text(String pointer, int max) {
        return with(new Bound(pointer, max, false));
    }

    private StringBounds with(Bound bound) {
        List<Bound> all = new ArrayList<>(bounds);
        all.add(bound);
        return new StringBounds(all);
    }

    /** The strings out of bounds; a value that is not a string is left to the schema. */
    public List<FieldError> check(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        for (Bound bound : bounds) {
            check(body, bound.pointer().split("/", -1), 1, "", bound, errors);
        }
        return errors;
    }

    private static void check(JsonNode node, String[] steps, int step, String at, Bound bound, List<FieldError> errors) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return;
        }
        if (step == steps.length) {
            if (node.isString()) {
                problem(node.stringValue(), bound).ifPresent(message -> errors.add(new FieldError(at, message)));
            }
            return;
        }
        String name = steps[step];
        if (name.equals("*")) {
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    check(node.get(i), steps, step + 1, at + "/" + i, bound, errors);
                }
            }
            return;
        }
        if (node.isObject()) {
            check(node.get(name), steps, step + 1, at + "/" + name, bound, errors);
        }
    }

    private static java.util.Optional<String> problem(String value, Bound bound) {
        if (value.length() > bound.max()) {
            return java.util.Optional.of("must be at most " + bound.max() + " characters, not " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return java.util.Optional.of("must not contain NUL (U+0000)");
            }
            if (bound.id() && Character.isISOControl(c)) {
                return java.util.Optional.of("must not contain control characters (such as CR or LF); found U+"
                        + String.format("%04X", (int) c) + " at character " + (i + 1));
            }
        }
        return java.util.Optional.empty();
    }
}
