package io.progressledger.events.personal;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A personal field's value as the ledger stores it. Its form is typed in the JSON, never guessed from its text: a
 * sealed value is an object {@code {"sealed": {"scheme", "keyId", "ciphertext"}}}, an erased one
 * {@code {"erased": true}}, and a JSON string is plain text (only in events stored before sealing existed, and in a
 * command before the ingestion seals it). So a name that looks like a sealed value is just a name, and is sealed like
 * any other.
 */
@JsonSerialize(using = PersonalValue.Writer.class)
@JsonDeserialize(using = PersonalValue.Reader.class)
public sealed interface PersonalValue permits PersonalValue.Plain, PersonalValue.Sealed, PersonalValue.Redacted {

    /** Plain text: a value before it is sealed, a value stored before sealing existed, or a revealed value. */
    @JsonSerialize(using = PersonalValue.Writer.class)
    record Plain(String text) implements PersonalValue {

        public Plain {
            java.util.Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A value sealed with a key of its data subject (see {@link PersonalDataCipher}).
     *
     * @param scheme     how it was sealed: {@link PersonalDataCipher#SUBJECT_BOUND} today,
     *                   {@link PersonalDataCipher#LEGACY_V1} for values stored as {@code sealed:v1:} strings
     * @param keyId      the id of the key that sealed it
     * @param ciphertext nonce, ciphertext and tag, base64url
     */
    @JsonSerialize(using = PersonalValue.Writer.class)
    record Sealed(String scheme, String keyId, String ciphertext) implements PersonalValue {

        public Sealed {
            scheme = scheme == null ? "" : scheme;
            keyId = keyId == null ? "" : keyId;
            ciphertext = ciphertext == null ? "" : ciphertext;
        }
    }

    /** A value removed by an erasure. */
    @JsonSerialize(using = PersonalValue.Writer.class)
    record Redacted() implements PersonalValue {
    }

    static PersonalValue plain(String text) {
        return text == null ? null : new Plain(text);
    }

    /**
     * Reads the stored JSON of a value: a string is plain, an object says what it is. A form no version ever wrote
     * (a number, an array, an unknown object) reads as a sealed value that no key opens, so readers show it
     * unreadable instead of failing.
     */
    static PersonalValue fromJson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isString()) {
            return new Plain(node.stringValue());
        }
        if (node.isObject() && node.has("erased")) {
            return new Redacted();
        }
        JsonNode sealed = node.path("sealed");
        if (sealed.isObject()) {
            return new Sealed(text(sealed.get("scheme")), text(sealed.get("keyId")), text(sealed.get("ciphertext")));
        }
        return new Sealed("", "", "");
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : "";
    }

    /** The JSON form: a string, or an object naming the form. */
    final class Writer extends ValueSerializer<PersonalValue> {

        @Override
        public void serialize(PersonalValue value, JsonGenerator out, SerializationContext context) {
            if (value instanceof Plain plain) {
                out.writeString(plain.text());
                return;
            }
            out.writeStartObject();
            if (value instanceof Sealed sealed) {
                out.writeName("sealed");
                out.writeStartObject();
                out.writeStringProperty("scheme", sealed.scheme());
                out.writeStringProperty("keyId", sealed.keyId());
                out.writeStringProperty("ciphertext", sealed.ciphertext());
                out.writeEndObject();
            } else {
                out.writeBooleanProperty("erased", true);
            }
            out.writeEndObject();
        }
    }

    /** Reads what {@link Writer} writes (and plain strings). */
    final class Reader extends ValueDeserializer<PersonalValue> {

        @Override
        public PersonalValue deserialize(JsonParser in, DeserializationContext context) {
            return fromJson(context.readTree(in));
        }
    }
}
