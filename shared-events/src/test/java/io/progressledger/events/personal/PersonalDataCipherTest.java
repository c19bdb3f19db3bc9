package io.progressledger.events.personal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sealing with the JDK's AES-GCM: only the key opens a value, and only as the field it was sealed for. */
class PersonalDataCipherTest {

    private final byte[] key = PersonalDataCipher.newKey();

    @Test
    void a_sealed_value_names_its_key_hides_the_text_and_opens_with_the_key() {
        String sealed = PersonalDataCipher.seal("key-1", key, "userEmail", "aluno@toolzz.com");

        assertThat(sealed).startsWith("sealed:v1:key-1:").doesNotContain("aluno");
        assertThat(PersonalData.isSealed(sealed)).isTrue();
        assertThat(PersonalData.keyIdOf(sealed)).isEqualTo("key-1");
        assertThat(PersonalDataCipher.open(key, "userEmail", sealed)).isEqualTo("aluno@toolzz.com");
        assertThat(PersonalDataCipher.seal("key-1", key, "userEmail", "aluno@toolzz.com"))
                .as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(key).hasSize(32);
    }

    @Test
    void another_key_another_field_or_an_altered_value_does_not_open() {
        String sealed = PersonalDataCipher.seal("key-1", key, "userEmail", "aluno@toolzz.com");
        String payload = sealed.substring(sealed.lastIndexOf(':') + 1);
        byte[] bytes = Base64.getUrlDecoder().decode(payload);
        bytes[bytes.length - 1] ^= 1;
        String altered = sealed.substring(0, sealed.lastIndexOf(':') + 1)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertThatThrownBy(() -> PersonalDataCipher.open(PersonalDataCipher.newKey(), "userEmail", sealed))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PersonalDataCipher.open(key, "userName", sealed))
                .as("moved to another field").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PersonalDataCipher.open(key, "userEmail", altered))
                .isInstanceOf(IllegalArgumentException.class);
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
    void plain_and_erased_values_are_not_sealed() {
        assertThat(PersonalData.isSealed("Aluno")).isFalse();
        assertThat(PersonalData.isSealed(PersonalData.ERASED)).isFalse();
        assertThat(PersonalData.isSealed(null)).isFalse();
        assertThat(PersonalData.learner(12345, 678)).isEqualTo("learner:12345:678");
    }
}
