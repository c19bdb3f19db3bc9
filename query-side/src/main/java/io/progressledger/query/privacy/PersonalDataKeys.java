package io.progressledger.query.privacy;

import io.progressledger.events.personal.DataKeyWrapping;
import io.progressledger.query.eventstore.EventStoreConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The data subjects' keys, read from the command side's database (where they are created, wrapped and erased) and
 * unwrapped with the configured key-encryption keys, never cached: an erasure shows on every node's very next read.
 */
@Repository
public class PersonalDataKeys {

    /** What a key reads as when it exists but cannot be unwrapped here (its KEK is not configured, or it was moved). */
    static final byte[] UNOPENABLE = new byte[0];

    private static final int CHUNK = 500;

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
        try {
            return wrapping.unwrap(subject, keyId, kekId, stored);
        } catch (IllegalArgumentException kekMissingOrMoved) {
            return UNOPENABLE;
        }
    }
}
