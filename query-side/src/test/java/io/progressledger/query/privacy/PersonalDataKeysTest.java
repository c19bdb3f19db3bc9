package io.progressledger.query.privacy;

import io.progressledger.events.keys.KeyRing;
import io.progressledger.events.personal.DataKeyWrapping;
import io.progressledger.events.personal.PersonalDataCipher;
import io.progressledger.query.eventstore.EventStoreConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys are read from their table on every call (an erasure shows on the very next read); only the unwrapping of a
 * row seen before is remembered, and only for that exact row.
 */
class PersonalDataKeysTest {

    private static final Map<String, String> KEK_VALUES = Map.of(
            "kek1", "9VQoGh3PtqvrZR6SX1MACv4pc6bqwnAy6jf7n+hXeCo=",
            "kek2", "ciesrhnFsvr5Oxw9rvikEDP0h8Jje47wrdka6CUn/WI=");
    private static final KeyRing KEKS = KeyRing.of("keks", KEK_VALUES, "kek1", Set.of(), false);
    /** The same KEKs, kek2 now current: what the command side rewraps with after a rotation. */
    private static final KeyRing KEKS_AFTER_ROTATION = KeyRing.of("keks", KEK_VALUES, "kek2", Set.of(), false);

    private final DataKeyWrapping wrapping = new DataKeyWrapping(KEKS);
    private final JdbcClient table;
    private final PersonalDataKeys keys;

    PersonalDataKeysTest() {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        table = JdbcClient.create(database);
        table.sql("CREATE TABLE personal_data_key (key_id VARCHAR(36) PRIMARY KEY, subject VARCHAR(255), "
                + "kek_id VARCHAR(64), key_material VARBINARY(1024))").update();
        keys = new PersonalDataKeys(new EventStoreConnection(database, null), wrapping);
    }

    @Test
    void a_key_read_twice_is_unwrapped_once_and_reads_the_same() {
        byte[] key = store("key-1", "learner:1:2");

        byte[] first = keys.byIds(List.of("key-1")).get("key-1");
        byte[] second = keys.byIds(List.of("key-1")).get("key-1");

        assertThat(first).isEqualTo(key);
        assertThat(second).isSameAs(first);
        assertThat(keys.remembered()).isEqualTo(1);
    }

    @Test
    void an_erased_key_is_absent_from_the_next_read_although_its_unwrapping_was_remembered() {
        store("key-2", "learner:1:3");
        assertThat(keys.byIds(List.of("key-2"))).containsKey("key-2");

        table.sql("DELETE FROM personal_data_key WHERE key_id = ?").param("key-2").update();

        assertThat(keys.byIds(List.of("key-2"))).isEmpty();
    }

    @Test
    void a_remembered_key_moved_to_another_subject_does_not_open_there() {
        store("key-3", "learner:1:4");
        assertThat(keys.byIds(List.of("key-3")).get("key-3")).isNotEmpty();

        table.sql("UPDATE personal_data_key SET subject = ? WHERE key_id = ?").params("learner:9:9", "key-3").update();

        assertThat(keys.byIds(List.of("key-3")).get("key-3")).isSameAs(PersonalDataKeys.UNOPENABLE);
    }

    @Test
    void a_key_rewrapped_with_another_kek_still_reads_as_the_same_key() {
        byte[] key = store("key-4", "learner:1:5");
        keys.byIds(List.of("key-4"));
        DataKeyWrapping.Wrapped rewrapped = new DataKeyWrapping(KEKS_AFTER_ROTATION).wrap("learner:1:5", "key-4", key);

        table.sql("UPDATE personal_data_key SET kek_id = ?, key_material = ? WHERE key_id = ?")
                .params(rewrapped.kekId(), rewrapped.bytes(), "key-4").update();

        assertThat(keys.byIds(List.of("key-4")).get("key-4")).isEqualTo(key);
        assertThat(keys.remembered()).isEqualTo(2);
    }

    @Test
    void what_is_remembered_is_bounded() {
        for (int i = 0; i <= PersonalDataKeys.MAX_REMEMBERED; i++) {
            store("bound-" + i, "learner:2:" + i);
        }
        List<String> all = table.sql("SELECT key_id FROM personal_data_key").query(String.class).list();

        assertThat(keys.byIds(all)).hasSize(PersonalDataKeys.MAX_REMEMBERED + 1);
        assertThat(keys.remembered()).isLessThanOrEqualTo(PersonalDataKeys.MAX_REMEMBERED);
    }

    /** A new data key, wrapped with the current KEK and stored as the command side stores it. */
    private byte[] store(String keyId, String subject) {
        byte[] key = PersonalDataCipher.newKey();
        DataKeyWrapping.Wrapped wrapped = wrapping.wrap(subject, keyId, key);
        table.sql("INSERT INTO personal_data_key (key_id, subject, kek_id, key_material) VALUES (?, ?, ?, ?)")
                .params(keyId, subject, wrapped.kekId(), wrapped.bytes()).update();
        return key;
    }
}
