package io.progressledger.events.personal;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sealing with the JDK's AES-GCM: only the key opens a value, and only as the learner's field it was sealed for; the
 * stored form says what a value is, whatever its text looks like.
 */
class PersonalDataCipherTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LEARNER = PersonalData.learner(12345, 678);

    private final byte[] key = PersonalDataCipher.newKey();

    @Test
    void a_sealed_value_names_its_key_hides_the_text_and_opens_with_the_key() {
        PersonalValue.Sealed sealed = PersonalDataCipher.seal("key-1", key, LEARNER, "userEmail", "aluno@toolzz.com");

        assertThat(sealed.keyId()).isEqualTo("key-1");
        assertThat(sealed.scheme()).isEqualTo(PersonalDataCipher.SUBJECT_BOUND);
        assertThat(JSON.writeValueAsString(sealed)).startsWith("{\"sealed\":{").doesNotContain("aluno");
        assertThat(PersonalDataCipher.open(key, LEARNER, "userEmail", sealed)).isEqualTo("aluno@toolzz.com");
        assertThat(PersonalDataCipher.seal("key-1", key, LEARNER, "userEmail", "aluno@toolzz.com"))
                .as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(key).hasSize(32);
    }

    @Test
    void another_learner_key_or_field_or_an_altered_value_does_not_open() {
        PersonalValue.Sealed sealed = PersonalDataCipher.seal("key-1", key, LEARNER, "userEmail", "aluno@toolzz.com");
        byte[] bytes = Base64.getUrlDecoder().decode(sealed.ciphertext());
        bytes[bytes.length - 1] ^= 1;
        var altered = new PersonalValue.Sealed(sealed.scheme(), sealed.keyId(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));

        assertThatThrownBy(() -> PersonalDataCipher.open(PersonalDataCipher.newKey(), LEARNER, "userEmail", sealed))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PersonalDataCipher.open(key, PersonalData.learner(12345, 679), "userEmail", sealed))
                .as("copied to another learner").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PersonalDataCipher.open(key, LEARNER, "userName", sealed))
                .as("moved to another field").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PersonalDataCipher.open(key, LEARNER, "userEmail",
                new PersonalValue.Sealed(sealed.scheme(), "key-2", sealed.ciphertext())))
                .as("relabelled with another key id").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PersonalDataCipher.open(key, LEARNER, "userEmail", altered))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PersonalDataCipher.open(key, LEARNER, "userEmail",
                new PersonalValue.Sealed(sealed.scheme(), "key-1", "not base64 !")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PersonalDataCipher.open(key, LEARNER, "userEmail",
                new PersonalValue.Sealed("rot13", "key-1", sealed.ciphertext())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_value_sealed_as_a_sealed_v1_string_still_opens_with_its_key() {
        byte[] legacy = PersonalDataCipher.encrypt(key, "key-1|userName".getBytes(StandardCharsets.UTF_8),
                "Aluno".getBytes(StandardCharsets.UTF_8));
        String stored = "sealed:v1:key-1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(legacy);

        PersonalValue read = PersonalData.fromLegacyText(stored);

        assertThat(read).isInstanceOfSatisfying(PersonalValue.Sealed.class, sealed -> {
            assertThat(sealed.keyId()).isEqualTo("key-1");
            assertThat(PersonalDataCipher.open(key, LEARNER, "userName", sealed)).isEqualTo("Aluno");
        });
    }

    @Test
    void legacy_strings_read_as_what_they_meant_and_imitations_never_open() {
        assertThat(PersonalData.fromLegacyText("Aluno")).isEqualTo(new PersonalValue.Plain("Aluno"));
        assertThat(PersonalData.fromLegacyText("[erased]")).isEqualTo(new PersonalValue.Redacted());
        assertThat(PersonalData.fromLegacyText(null)).isNull();
        assertThat(PersonalData.fromLegacyText("sealed:v1:")).isInstanceOf(PersonalValue.Sealed.class);
        PersonalValue imitation = PersonalData.fromLegacyText("sealed:v1:x:John Smith");
        assertThat(imitation).isInstanceOf(PersonalValue.Sealed.class);
        assertThatThrownBy(() -> PersonalDataCipher.open(key, LEARNER, "userName", (PersonalValue.Sealed) imitation))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_stored_form_is_typed_a_string_is_always_plain_text() {
        assertThat(JSON.readValue("\"sealed:v1:k:abc\"", PersonalValue.class))
                .isEqualTo(new PersonalValue.Plain("sealed:v1:k:abc"));
        assertThat(JSON.writeValueAsString(new PersonalValue.Plain("sealed:v1:k:abc"))).isEqualTo("\"sealed:v1:k:abc\"");
        assertThat(JSON.writeValueAsString(new PersonalValue.Redacted())).isEqualTo("{\"erased\":true}");
        assertThat(JSON.readValue("{\"erased\":true}", PersonalValue.class)).isEqualTo(new PersonalValue.Redacted());
        var sealed = new PersonalValue.Sealed(PersonalDataCipher.SUBJECT_BOUND, "k", "abc");
        assertThat(JSON.readValue(JSON.writeValueAsString(sealed), PersonalValue.class)).isEqualTo(sealed);
        assertThat(JSON.readValue("42", PersonalValue.class)).as("a form never written reads as a value no key opens")
                .isInstanceOf(PersonalValue.Sealed.class);
        assertThat(JSON.readValue("{\"other\":1}", PersonalValue.class)).isInstanceOf(PersonalValue.Sealed.class);
    }

    @Test
    void bytes_are_bound_to_their_purpose() {
        byte[] body = "{\"email\":\"aluno@toolzz.com\"}".getBytes(StandardCharsets.UTF_8);
        byte[] purpose = "delivery-body|d1".getBytes(StandardCharsets.UTF_8);

        byte[] sealed = PersonalDataCipher.encrypt(key, purpose, body);

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("aluno");
        assertThat(PersonalDataCipher.decrypt(key, purpose, sealed)).isEqualTo(body);
        assertThatThrownBy(() -> PersonalDataCipher.decrypt(key, "delivery-body|d2".getBytes(StandardCharsets.UTF_8),
                sealed)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_learner_is_named_by_institution_and_user() {
        assertThat(PersonalData.learner(12345, 678)).isEqualTo("learner:12345:678");
    }
}
