package io.progressledger.events.personal;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
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

    /** A form no version ever wrote: a sealed value that no key opens, so readers show it unreadable. */
    private static PersonalValue unknownForm() {
        return new Sealed("", "", "");
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

    /**
     * Reads what {@link Writer} writes (and plain strings) straight off the token stream: views read two values per
     * row, so no tree is built for them. A string is plain; an object with {@code erased} is erased, else one with a
     * {@code sealed} object is sealed (a field that is not a string reads as empty); any other form (a number, an
     * array, an unknown object) reads as a sealed value that no key opens, so readers show it unreadable instead of
     * failing. The whole value is consumed, whatever it holds.
     */
    final class Reader extends ValueDeserializer<PersonalValue> {

        @Override
        public PersonalValue deserialize(JsonParser in, DeserializationContext context) {
            JsonToken token = in.currentToken();
            if (token == JsonToken.VALUE_STRING) {
                return new Plain(in.getString());
            }
            if (token == JsonToken.START_OBJECT) {
                token = in.nextToken();
            } else if (token != JsonToken.PROPERTY_NAME && token != JsonToken.END_OBJECT) {
                in.skipChildren();
                return unknownForm();
            }
            boolean erased = false;
            Sealed sealed = null;
            for (; token == JsonToken.PROPERTY_NAME; token = in.nextToken()) {
                String name = in.currentName();
                JsonToken value = in.nextToken();
                if (name.equals("erased")) {
                    erased = true;
                } else if (name.equals("sealed")) {
                    sealed = value == JsonToken.START_OBJECT ? sealedFields(in) : null; // the last one counts
                }
                in.skipChildren();
            }
            if (erased) {
                return new Redacted();
            }
            return sealed != null ? sealed : unknownForm();
        }

        /** The fields of a {@code sealed} object, the parser at its start; left at its end. */
        private static Sealed sealedFields(JsonParser in) {
            String scheme = "";
            String keyId = "";
            String ciphertext = "";
            for (JsonToken token = in.nextToken(); token == JsonToken.PROPERTY_NAME; token = in.nextToken()) {
                String name = in.currentName();
                JsonToken value = in.nextToken();
                String text = value == JsonToken.VALUE_STRING ? in.getString() : "";
                switch (name) {
                    case "scheme" -> scheme = text;
                    case "keyId" -> keyId = text;
                    case "ciphertext" -> ciphertext = text;
                    default -> {
                    }
                }
                in.skipChildren();
            }
            return new Sealed(scheme, keyId, ciphertext);
        }
    }
}
