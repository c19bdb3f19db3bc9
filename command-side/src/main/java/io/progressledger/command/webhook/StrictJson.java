package io.progressledger.command.webhook;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.regex.Pattern;

/**
 * Reads webhook bodies strictly: one JSON document, no duplicate keys, bounded nesting, and no coercion when mapped
 * to records (a string is never a number). A malformed body is reported with its line and column.
 */
public final class StrictJson {

    /** Deeper than any sender payload needs; deep nesting is a parser attack, not a webhook. */
    public static final int MAX_NESTING_DEPTH = 32;

    public static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .recyclerPool(JsonRecyclerPools.threadLocalPool()) // as the application's mapper: JsonBuffers
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("^Unrecognized token '.*?'(?=: was expecting)",
            Pattern.DOTALL);

    private StrictJson() {
    }

    /** A body that is not one well-formed JSON document. */
    public static final class Malformed extends RuntimeException {

        private final int line;
        private final int column;

        Malformed(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    public static JsonNode parse(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            int line = at == null ? -1 : at.getLineNr();
            int column = at == null ? -1 : at.getColumnNr();
            throw new Malformed(describe(e), line, column);
        }
    }

    /** The parser's explanation in the sender's terms: no parser internals (class names, features) in an answer. */
    private static String describe(JacksonException e) {
        if (e instanceof StreamConstraintsException) {
            return "the document is nested deeper than " + MAX_NESTING_DEPTH + " levels";
        }
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.startsWith("Trailing token")) {
            return "unexpected content after the end of the JSON document";
        }
        int newline = message.indexOf('\n');
        message = newline < 0 ? message : message.substring(0, newline);
        int marker = message.indexOf(" (start marker at");
        message = marker < 0 ? message : message.substring(0, marker);
        // The parser quotes the offending bare word, which may be a learner's name or email: never echoed back.
        message = UNRECOGNIZED_TOKEN.matcher(message).replaceFirst("Unrecognized token (a bare word)");
        return message.isBlank() || message.contains("tools.jackson") ? "not well-formed JSON" : message;
    }
}
