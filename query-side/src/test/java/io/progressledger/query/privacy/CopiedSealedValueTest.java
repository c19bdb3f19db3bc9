package io.progressledger.query.privacy;

import io.progressledger.events.keys.KeyRing;
import io.progressledger.events.personal.DataKeyWrapping;
import io.progressledger.events.personal.PersonalDataCipher;
import io.progressledger.events.personal.PersonalValue;
import io.progressledger.events.trail.Course;
import io.progressledger.events.trail.TrailCompleted;
import io.progressledger.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sealed value is bound to its learner: copied into another learner's event (by someone who can write the
 * database), it reads {@code [unreadable]}, never the first learner's name; keys are read wrapped with the configured
 * key-encryption key.
 */
class CopiedSealedValueTest extends QuerySideTest {

    private static final long INSTITUTION = 51;
    private static final DataKeyWrapping WRAPPING = new DataKeyWrapping(KeyRing.of("keks", Map.of("test1",
            "9VQoGh3PtqvrZR6SX1MACv4pc6bqwnAy6jf7n+hXeCo="), "test1", Set.of(), false));

    @Test
    void a_value_sealed_for_one_learner_does_not_open_in_anothers_event() {
        long owner = uniqueId();
        long other = uniqueId();
        String ownerKey = storeKey(owner);
        storeKey(other);
        PersonalValue.Sealed ownersName = PersonalDataCipher.seal(ownerKey, keyOf(ownerKey),
                learner(owner), "userName", "Owner Name");

        append("Trail", "trail:" + INSTITUTION + ":" + owner + ":1", completion(owner, ownersName));
        long copied = append("Trail", "trail:" + INSTITUTION + ":" + other + ":1", completion(other, ownersName));

        JsonNode others = get("/api/learners/" + INSTITUTION + "/" + other + "/trails?minPosition=" + copied).json();
        assertThat(others.path("items").get(0).path("userName").asString()).isEqualTo("[unreadable]");
        JsonNode owners = get("/api/learners/" + INSTITUTION + "/" + owner + "/trails").json();
        assertThat(owners.path("items").get(0).path("userName").asString()).isEqualTo("Owner Name");
    }

    private TrailCompleted completion(long user, PersonalValue name) {
        return new TrailCompleted(INSTITUTION, user, name, null, 1, "Trail", Instant.parse("2024-01-01T00:00:00Z"), 1,
                List.of(new Course(1, "C")), provenance("toolzz"));
    }

    private final Map<String, byte[]> keys = new java.util.HashMap<>();

    /** A learner's key, stored wrapped as the command side stores it; its id. */
    private String storeKey(long user) {
        String keyId = UUID.randomUUID().toString();
        byte[] key = PersonalDataCipher.newKey();
        keys.put(keyId, key);
        DataKeyWrapping.Wrapped wrapped = WRAPPING.wrap(learner(user), keyId, key);
        eventStoreTable().sql("INSERT INTO personal_data_key (key_id, subject, key_material, kek_id, created_at) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(keyId, learner(user), wrapped.bytes(), wrapped.kekId(), OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        return keyId;
    }

    private byte[] keyOf(String keyId) {
        return keys.get(keyId);
    }

    private static String learner(long user) {
        return "learner:" + INSTITUTION + ":" + user;
    }
}
