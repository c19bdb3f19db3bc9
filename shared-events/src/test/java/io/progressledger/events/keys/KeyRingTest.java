package io.progressledger.events.keys;

import io.progressledger.events.audit.EventSignature;
import io.progressledger.events.personal.DataKeyWrapping;
import io.progressledger.events.personal.PersonalDataCipher;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keys from configuration: refused when missing or weak, rotatable, never shown. */
class KeyRingTest {

    private static final String K1 = "9VQoGh3PtqvrZR6SX1MACv4pc6bqwnAy6jf7n+hXeCo=";
    private static final String K2 = "ciesrhnFsvr5Oxw9rvikEDP0h8Jje47wrdka6CUn/WI=";

    @Test
    void missing_short_weak_or_published_keys_are_refused_without_showing_them() {
        assertThatThrownBy(() -> ring(Map.of(), "k1")).hasMessageContaining("is required");
        assertThatThrownBy(() -> ring(Map.of("k1", K1), "k2")).hasMessageContaining("not one of the configured ids");
        assertThatThrownBy(() -> ring(Map.of("k1", "c2hvcnQ="), "k1")).hasMessageContaining("must be 32 bytes");
        assertThatThrownBy(() -> ring(Map.of("k1", "not base64!"), "k1")).hasMessageContaining("not base64");
        String weak = Base64.getEncoder().encodeToString("change-me-change-me-change-me-ch".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> ring(Map.of("k1", weak), "k1")).hasMessageContaining("too weak").message()
                .doesNotContain(weak);
        String development = DataKeyWrapping.DEVELOPMENT_KEKS.iterator().next();
        assertThatThrownBy(() -> KeyRing.of("p", Map.of("dev", development), "dev", DataKeyWrapping.DEVELOPMENT_KEKS,
                false)).hasMessageContaining("published development key").message().doesNotContain(development);
        assertThat(KeyRing.of("p", Map.of("dev", development), "dev", DataKeyWrapping.DEVELOPMENT_KEKS, true)
                .currentId()).isEqualTo("dev");
        assertThat(ring(Map.of("k1", K1), "k1").toString()).doesNotContain(K1);
    }

    @Test
    void a_rotated_kek_still_unwraps_what_the_previous_one_wrapped_and_rewraps_with_the_new_one() {
        byte[] dataKey = PersonalDataCipher.newKey();
        DataKeyWrapping before = new DataKeyWrapping(ring(Map.of("k1", K1), "k1"));
        DataKeyWrapping.Wrapped wrapped = before.wrap("learner:1:2", "key-1", dataKey);
        DataKeyWrapping after = new DataKeyWrapping(ring(Map.of("k1", K1, "k2", K2), "k2"));

        assertThat(after.unwrap("learner:1:2", "key-1", wrapped.kekId(), wrapped.bytes())).isEqualTo(dataKey);
        assertThat(after.needsRewrap(wrapped.kekId())).isTrue();
        assertThat(after.wrap("learner:1:2", "key-1", dataKey).kekId()).isEqualTo("k2");
        assertThatThrownBy(() -> after.unwrap("learner:1:3", "key-1", wrapped.kekId(), wrapped.bytes()))
                .as("moved to another learner").isInstanceOf(IllegalArgumentException.class);
        DataKeyWrapping retired = new DataKeyWrapping(ring(Map.of("k2", K2), "k2"));
        assertThatThrownBy(() -> retired.unwrap("learner:1:2", "key-1", wrapped.kekId(), wrapped.bytes()))
                .hasMessageContaining("not configured");
    }

    @Test
    void a_signature_verifies_only_with_its_key_and_its_content() {
        KeyRing keys = ring(Map.of("k1", K1), "k1");
        String content = EventSignature.content(7, "e", "Trail", "trail:1:2:3", 0, "T", "3", "2024-01-01T00:00:00Z",
                EventSignature.sha256(new byte[]{1}), new byte[]{2});
        String signature = EventSignature.sign(keys.current(), content);

        assertThat(EventSignature.verifies(keys, "k1", content, signature)).isTrue();
        assertThat(EventSignature.verifies(keys, "k1", "8" + content.substring(1), signature)).isFalse();
        assertThat(EventSignature.verifies(keys, "k2", content, signature)).isFalse();
        assertThat(EventSignature.verifies(ring(Map.of("k1", K2), "k1"), "k1", content, signature)).isFalse();
    }

    private static KeyRing ring(Map<String, String> keys, String current) {
        return KeyRing.of("p", keys, current, Set.of(), false);
    }
}
