package io.progressledger.command.privacy;

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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The data subjects' keys, in their own table of the command side's database, never in the event store: one key per
 * subject at a time. Deleting a subject's key erases every value it sealed; personal data the subject sends after
 * that is sealed with a new key.
 */
@Repository
public class PersonalDataKeys {

    /** A key and its id, which sealed values name. */
    public record Key(String id, byte[] material) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;
    private final Clock clock;

    public PersonalDataKeys(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    /**
     * The subject's key, created on first use, inside the caller's transaction. Two nodes creating the first key of a
     * subject at once both end up with the one that committed first (the subject is unique; the insert runs in a
     * savepoint, since PostgreSQL refuses every further statement of a transaction after an error).
     */
    public Key currentFor(String subject) {
        Optional<Key> existing = find(subject);
        if (existing.isPresent()) {
            return existing.get();
        }
        Key created = new Key(UUID.randomUUID().toString(), PersonalDataCipher.newKey());
        try {
            savepoint.executeWithoutResult(status -> jdbc.sql("""
                            INSERT INTO personal_data_key (key_id, subject, key_material, created_at)
                            VALUES (?, ?, ?, ?)""")
                    .params(created.id(), subject, created.material(),
                            OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .update());
            return created;
        } catch (DuplicateKeyException createdByAnother) {
            return find(subject).orElseThrow(() -> createdByAnother);
        }
    }

    /** The keys that still exist among {@code ids}; an erased key is simply absent. */
    public Map<String, byte[]> byIds(Collection<String> ids) {
        Map<String, byte[]> keys = new HashMap<>();
        if (ids.isEmpty()) {
            return keys;
        }
        jdbc.sql("SELECT key_id, key_material FROM personal_data_key WHERE key_id IN (:ids)")
                .param("ids", ids)
                .query((rs, n) -> keys.put(rs.getString("key_id"), rs.getBytes("key_material")))
                .list();
        return keys;
    }

    /** Deletes the subject's keys; how many there were (0 or 1). */
    public int deleteFor(String subject) {
        return jdbc.sql("DELETE FROM personal_data_key WHERE subject = ?").param(subject).update();
    }

    private Optional<Key> find(String subject) {
        return jdbc.sql("SELECT key_id, key_material FROM personal_data_key WHERE subject = ?")
                .param(subject)
                .query((rs, n) -> new Key(rs.getString("key_id"), rs.getBytes("key_material")))
                .optional();
    }
}
