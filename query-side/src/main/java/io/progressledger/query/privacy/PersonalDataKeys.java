package io.progressledger.query.privacy;

import io.progressledger.query.eventstore.EventStoreConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The data subjects' keys, read from the command side's database (where they are created and erased), never
 * cached: an erasure shows on every node's very next read.
 */
@Repository
public class PersonalDataKeys {

    private static final int CHUNK = 500;

    private final JdbcClient keys;

    public PersonalDataKeys(EventStoreConnection commandSideDatabase) {
        this.keys = JdbcClient.create(commandSideDatabase.dataSource());
    }

    /** The keys that still exist among {@code ids}; an erased key is absent. */
    public Map<String, byte[]> byIds(Collection<String> ids) {
        Map<String, byte[]> found = new HashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            keys.sql("SELECT key_id, key_material FROM personal_data_key WHERE key_id IN (:ids)")
                    .param("ids", all.subList(from, Math.min(all.size(), from + CHUNK)))
                    .query((rs, n) -> found.put(rs.getString("key_id"), rs.getBytes("key_material")))
                    .list();
        }
        return found;
    }
}
