package io.progressledger.command.privacy;

import io.progressledger.events.personal.DataKeyWrapping;
import io.progressledger.events.personal.PersonalDataCipher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The data subjects' keys, in their own table of the command side's database, never in the event store: one key per
 * subject at a time, stored wrapped with the current key-encryption key ({@link DataKeyWrapping}), which the database
 * never holds. Deleting a subject's key erases every value it sealed; personal data the subject sends after that is
 * sealed with a new key. A key stored unwrapped (before wrapping existed) or wrapped with an older KEK is rewrapped
 * with the current one when it is next used, or by {@link #rewrap}.
 */
@Repository
public class PersonalDataKeys {

    /** A key and its id, which sealed values name. */
    public record Key(String id, byte[] material) {
    }

    /** What a rewrap did: rows rewrapped with the current KEK, rows that could not be (their KEK is missing). */
    public record Rewrap(String currentKek, int rewrapped, int failed, int remaining) {
    }

    private record Stored(String keyId, String subject, String kekId, byte[] material) {
    }

    private static final int REWRAP_BATCH = 500;

    private final JdbcClient jdbc;
    private final DataKeyWrapping wrapping;
    private final TransactionTemplate savepoint;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    public PersonalDataKeys(JdbcClient jdbc, DataKeyWrapping wrapping, PlatformTransactionManager transactions,
                            Clock clock) {
        this.jdbc = jdbc;
        this.wrapping = wrapping;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * The subject's key, created on first use, inside the caller's transaction. Two nodes creating the first key of a
     * subject at once both end up with the one that committed first (the subject is unique; the insert runs in a
     * savepoint, since PostgreSQL refuses every further statement of a transaction after an error).
     */
    public Key currentFor(String subject) {
        Optional<Stored> existing = find(subject);
        if (existing.isPresent()) {
            return opened(existing.get(), true);
        }
        Key created = new Key(UUID.randomUUID().toString(), PersonalDataCipher.newKey());
        DataKeyWrapping.Wrapped wrapped = wrapping.wrap(subject, created.id(), created.material());
        try {
            savepoint.executeWithoutResult(status -> jdbc.sql("""
                            INSERT INTO personal_data_key (key_id, subject, key_material, kek_id, created_at)
                            VALUES (?, ?, ?, ?, ?)""")
                    .params(created.id(), subject, wrapped.bytes(), wrapped.kekId(),
                            OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .update());
            return created;
        } catch (DuplicateKeyException createdByAnother) {
            return find(subject).map(stored -> opened(stored, false)).orElseThrow(() -> createdByAnother);
        }
    }

    /** The keys that still exist among {@code ids}, unwrapped; an erased key is simply absent. */
    public Map<String, byte[]> byIds(Collection<String> ids) {
        Map<String, byte[]> keys = new HashMap<>();
        if (ids.isEmpty()) {
            return keys;
        }
        jdbc.sql("SELECT key_id, subject, kek_id, key_material FROM personal_data_key WHERE key_id IN (:ids)")
                .param("ids", ids)
                .query(PersonalDataKeys::stored)
                .list()
                .forEach(stored -> {
                    try {
                        keys.put(stored.keyId(), opened(stored, false).material());
                    } catch (IllegalArgumentException kekMissingOrAltered) {
                        // left out: what it sealed cannot be opened here (its KEK is not configured, or it was moved)
                    }
                });
        return keys;
    }

    /** Deletes the subject's keys; how many there were (0 or 1). */
    public int deleteFor(String subject) {
        return jdbc.sql("DELETE FROM personal_data_key WHERE subject = ?").param(subject).update();
    }

    /**
     * Rewraps every key not wrapped with the current KEK (stored unwrapped, or with an older KEK), in batches of
     * {@value #REWRAP_BATCH}, each in its own transaction. Keys whose KEK is no longer configured are left as they
     * are and counted: configure that KEK again to rewrap them.
     */
    public Rewrap rewrap() {
        int rewrapped = 0;
        int failed = 0;
        String after = "";
        while (true) {
            String from = after;
            List<Stored> batch = jdbc.sql("""
                            SELECT key_id, subject, kek_id, key_material FROM personal_data_key
                            WHERE key_id > ? AND (kek_id IS NULL OR kek_id <> ?)
                            ORDER BY key_id FETCH FIRST ? ROWS ONLY""")
                    .params(from, currentKek(), REWRAP_BATCH)
                    .query(PersonalDataKeys::stored)
                    .list();
            if (batch.isEmpty()) {
                break;
            }
            int[] counts = ownTransaction.execute(status -> {
                int done = 0;
                int notDone = 0;
                for (Stored stored : batch) {
                    try {
                        opened(stored, true);
                        done++;
                    } catch (IllegalArgumentException kekMissingOrAltered) {
                        notDone++;
                    }
                }
                return new int[]{done, notDone};
            });
            rewrapped += counts[0];
            failed += counts[1];
            after = batch.get(batch.size() - 1).keyId();
        }
        int remaining = jdbc.sql("SELECT COUNT(*) FROM personal_data_key WHERE kek_id IS NULL OR kek_id <> ?")
                .param(currentKek()).query(Integer.class).single();
        return new Rewrap(currentKek(), rewrapped, failed, remaining);
    }

    /** The stored key unwrapped; rewrapped in place with the current KEK first when {@code rewrap} and needed. */
    private Key opened(Stored stored, boolean rewrap) {
        byte[] key = wrapping.unwrap(stored.subject(), stored.keyId(), stored.kekId(), stored.material());
        if (rewrap && wrapping.needsRewrap(stored.kekId())) {
            DataKeyWrapping.Wrapped wrapped = wrapping.wrap(stored.subject(), stored.keyId(), key);
            jdbc.sql("UPDATE personal_data_key SET key_material = ?, kek_id = ? WHERE key_id = ?")
                    .params(wrapped.bytes(), wrapped.kekId(), stored.keyId())
                    .update();
        }
        return new Key(stored.keyId(), key);
    }

    private String currentKek() {
        return wrapping.currentKekId();
    }

    private Optional<Stored> find(String subject) {
        return jdbc.sql("SELECT key_id, subject, kek_id, key_material FROM personal_data_key WHERE subject = ?")
                .param(subject)
                .query(PersonalDataKeys::stored)
                .optional();
    }

    private static Stored stored(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Stored(rs.getString("key_id"), rs.getString("subject"), rs.getString("kek_id"),
                rs.getBytes("key_material"));
    }
}
