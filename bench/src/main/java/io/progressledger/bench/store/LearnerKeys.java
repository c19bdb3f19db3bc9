package io.progressledger.bench.store;

import io.progressledger.bench.launch.Credentials;
import io.progressledger.events.keys.KeyRing;
import io.progressledger.events.personal.DataKeyWrapping;
import java.util.Set;
import io.progressledger.bench.launch.Database;
import io.progressledger.events.personal.PersonalDataCipher;
import io.progressledger.events.personal.PersonalValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The learners' keys in {@code personal_data_key}, as the command side keeps them (wrapped with the run's
 * key-encryption key): bulk-loaded completions are sealed with the learner's existing key (created by a real
 * delivery) or a new one, inserted as the command side would.
 */
public final class LearnerKeys {

    /** A key and its id. */
    public record Key(String id, byte[] material) {
    }

    /** Wraps keys as the command side does, with this run's key-encryption key. */
    private static final DataKeyWrapping WRAPPING = new DataKeyWrapping(KeyRing.of("bench key-encryption key",
            Map.of(Credentials.KEY_ID, Credentials.KEY_ENCRYPTION_KEY), Credentials.KEY_ID, Set.of(), false));

    private final Database database;
    private final Map<String, Key> bySubject = new ConcurrentHashMap<>();
    /** The bulk loader's connection while it loads on this thread: keys it creates commit with its batch. */
    private final ThreadLocal<Connection> loading = new ThreadLocal<>();

    public LearnerKeys(Database database) {
        this.database = database;
    }

    /**
     * Runs {@code work} with the keys it looks up or creates on {@code connection}, in its transaction: one commit for
     * a batch of events and their learners' keys. A key per learner on a connection of its own, committed alone, cost
     * a connection and a WAL flush per new learner on PostgreSQL (bulk loading ran at 90 events/s there).
     */
    public void within(Connection connection, SqlWork work) throws SQLException {
        loading.set(connection);
        try {
            work.run();
        } finally {
            loading.remove();
        }
    }

    /** Work on the loader's connection. */
    @FunctionalInterface
    public interface SqlWork {
        void run() throws SQLException;
    }

    /** The subject's key, created when it has none yet. */
    public Key of(String subject) {
        return bySubject.computeIfAbsent(subject, this::findOrCreate);
    }

    /** The key with this id, read from the store (null when there is none). */
    public byte[] byId(String keyId) {
        try (Connection connection = database.connect();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT subject, kek_id, key_material FROM personal_data_key WHERE key_id = ?")) {
            select.setString(1, keyId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? WRAPPING.unwrap(rs.getString(1), keyId, rs.getString(2), rs.getBytes(3)) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the personal data keys: " + e.getMessage(), e);
        }
    }

    /** Seals a personal value of a completion as the command side does. */
    public PersonalValue seal(String subject, String field, String plain) {
        Key key = of(subject);
        return PersonalDataCipher.seal(key.id(), key.material(), subject, field, plain);
    }

    private Key findOrCreate(String subject) {
        Connection batch = loading.get();
        if (batch != null) {
            try {
                return findOrCreate(subject, batch);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot keep the personal data keys: " + e.getMessage(), e);
            }
        }
        try (Connection connection = database.connect()) {
            return findOrCreate(subject, connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot keep the personal data keys: " + e.getMessage(), e);
        }
    }

    private static Key findOrCreate(String subject, Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT key_id, kek_id, key_material FROM personal_data_key WHERE subject = ?")) {
            select.setString(1, subject);
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    return new Key(rs.getString(1),
                            WRAPPING.unwrap(subject, rs.getString(1), rs.getString(2), rs.getBytes(3)));
                }
            }
        }
        Key created = new Key(UUID.randomUUID().toString(), PersonalDataCipher.newKey());
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO personal_data_key (key_id, subject, key_material, kek_id, created_at) "
                        + "VALUES (?, ?, ?, ?, ?)")) {
            DataKeyWrapping.Wrapped wrapped = WRAPPING.wrap(subject, created.id(), created.material());
            insert.setString(1, created.id());
            insert.setString(2, subject);
            insert.setBytes(3, wrapped.bytes());
            insert.setString(4, wrapped.kekId());
            insert.setObject(5, OffsetDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
        }
        return created;
    }
}
