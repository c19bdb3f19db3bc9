package io.progressledger.query.privacy;

import io.progressledger.events.personal.DataKeyWrapping;
import io.progressledger.query.eventstore.EventStoreConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The data subjects' keys, read from the command side's database (where they are created, wrapped and erased) on
 * every call, never cached: an erasure shows on every node's very next read. What is remembered is only the
 * unwrapping of a stored key: the same row (key id, subject, KEK id and wrapped bytes, all of them) unwraps to the same
 * key, so a key read again is not decrypted again; a row rewrapped, moved or altered is another row and is unwrapped
 * (or refused) afresh.
 */
@Repository
public class PersonalDataKeys {

    /** What a key reads as when it exists but cannot be unwrapped here (its KEK is not configured, or it was moved). */
    static final byte[] UNOPENABLE = new byte[0];

    private static final int CHUNK = 500;
    /** Unwrapped keys remembered at most (about 100 bytes each); all are forgotten when there would be more. */
    static final int MAX_REMEMBERED = 10_000;

    /** A key row exactly as stored: what its unwrapping depends on. */
    private record StoredKey(String keyId, String subject, String kekId, ByteBuffer wrapped) {
    }

    private final Map<StoredKey, byte[]> unwrappedByStoredKey = new ConcurrentHashMap<>();

    private final JdbcClient keys;
    private final DataKeyWrapping wrapping;

    public PersonalDataKeys(EventStoreConnection commandSideDatabase, DataKeyWrapping wrapping) {
        this.keys = JdbcClient.create(commandSideDatabase.dataSource());
        this.wrapping = wrapping;
    }

    /** The keys that still exist among {@code ids}, unwrapped ({@link #UNOPENABLE} if they cannot be); erased: absent. */
    public Map<String, byte[]> byIds(Collection<String> ids) {
        Map<String, byte[]> found = new HashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            keys.sql("SELECT key_id, subject, kek_id, key_material FROM personal_data_key WHERE key_id IN (:ids)")
                    .param("ids", all.subList(from, Math.min(all.size(), from + CHUNK)))
                    .query((rs, n) -> found.put(rs.getString("key_id"), unwrapped(rs.getString("subject"),
                            rs.getString("key_id"), rs.getString("kek_id"), rs.getBytes("key_material"))))
                    .list();
        }
        return found;
    }

    private byte[] unwrapped(String subject, String keyId, String kekId, byte[] stored) {
        StoredKey row = new StoredKey(keyId, subject, kekId, ByteBuffer.wrap(stored));
        byte[] remembered = unwrappedByStoredKey.get(row);
        if (remembered != null) {
            return remembered;
        }
        byte[] key;
        try {
            key = wrapping.unwrap(subject, keyId, kekId, stored);
        } catch (IllegalArgumentException kekMissingOrMoved) {
            return UNOPENABLE;
        }
        if (unwrappedByStoredKey.size() >= MAX_REMEMBERED) {
            unwrappedByStoredKey.clear();
        }
        unwrappedByStoredKey.put(row, key);
        return key;
    }

    /** How many unwrapped keys are remembered now. */
    int remembered() {
        return unwrappedByStoredKey.size();
    }
}
