package io.progressledger.events.personal;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The stored form of a personal value, read from the token stream: every form, and the stream left where it ends. */
class PersonalValueTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PersonalValue UNOPENABLE = new PersonalValue.Sealed("", "", "");

    /** A value inside a record, with fields after it: reading the value must consume all of it and nothing more. */
    record Row(String before, PersonalValue name, String after) {
    }

    private static PersonalValue read(String stored) {
        return JSON.readValue(stored, PersonalValue.class);
    }

    @Test
    void each_form_written_reads_back_as_itself() {
        for (PersonalValue value : new PersonalValue[]{new PersonalValue.Plain("Ana"),
                new PersonalValue.Plain("sealed:v1:k:abc"), new PersonalValue.Plain("{\"erased\":true}"),
                new PersonalValue.Sealed(PersonalDataCipher.SUBJECT_BOUND, "k-1", "bm9uY2U"),
                new PersonalValue.Redacted()}) {
            assertThat(read(JSON.writeValueAsString(value))).isEqualTo(value);
            Row row = new Row("b", value, "a");
            assertThat(JSON.readValue(JSON.writeValueAsString(row), Row.class)).isEqualTo(row);
        }
    }

    @Test
    void an_erased_mark_wins_wherever_it_stands_in_the_object() {
        assertThat(read("{\"sealed\":{\"scheme\":\"s\",\"keyId\":\"k\",\"ciphertext\":\"c\"},\"erased\":{\"x\":[1]}}"))
                .isEqualTo(new PersonalValue.Redacted());
        assertThat(read("{\"erased\":false}")).isEqualTo(new PersonalValue.Redacted());
    }

    @Test
    void sealed_fields_that_are_not_strings_read_as_empty_and_unknown_fields_are_skipped() {
        assertThat(read("{\"x\":{\"keyId\":\"no\"},\"sealed\":{\"scheme\":7,\"extra\":{\"a\":[1,{}]},\"keyId\":\"k\","
                + "\"ciphertext\":[\"c\"]}}")).isEqualTo(new PersonalValue.Sealed("", "k", ""));
        assertThat(read("{\"sealed\":{\"keyId\":\"first\"},\"sealed\":{\"keyId\":\"last\"}}"))
                .as("as a tree reads duplicates: the last counts").isEqualTo(new PersonalValue.Sealed("", "last", ""));
        assertThat(read("{\"sealed\":{\"keyId\":\"k\"},\"sealed\":\"not an object\"}")).isEqualTo(UNOPENABLE);
    }

    @Test
    void a_form_never_written_reads_as_a_value_no_key_opens_and_is_consumed_whole() {
        for (String odd : new String[]{"42", "true", "[1,[2],{\"sealed\":{}}]", "{}", "{\"other\":{\"sealed\":1}}",
                "{\"sealed\":null}"}) {
            assertThat(read(odd)).as(odd).isEqualTo(UNOPENABLE);
            assertThat(JSON.readValue("{\"before\":\"b\",\"name\":" + odd + ",\"after\":\"a\"}", Row.class))
                    .as(odd).isEqualTo(new Row("b", UNOPENABLE, "a"));
        }
        assertThat(read("null")).isNull();
    }
}
