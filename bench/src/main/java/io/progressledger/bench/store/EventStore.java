package io.progressledger.bench.store;

import io.progressledger.bench.launch.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/** Plain questions to the event store, over JDBC, as an auditor asks them. */
public final class EventStore {

    private final Database database;

    public EventStore(Database database) {
        this.database = database;
    }

    public Database database() {
        return database;
    }

    public long count() {
        return single("SELECT COUNT(*) FROM DomainEventEntry");
    }

    /** The newest event's global position, 0 when empty. */
    public long head() {
        return single("SELECT COALESCE(MAX(globalIndex), 0) FROM DomainEventEntry");
    }

    public Map<String, Long> countByType() {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = database.connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT payloadType, COUNT(*) FROM DomainEventEntry GROUP BY payloadType")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the events: " + e.getMessage(), e);
        }
    }

    /** One stored row by its global position, or null. */
    public StoredRow row(long globalIndex) {
        try (Connection connection = database.connect();
             PreparedStatement statement = connection.prepareStatement("SELECT aggregateIdentifier, sequenceNumber, "
                     + "type, eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp "
                     + "FROM DomainEventEntry WHERE globalIndex = ?")) {
            statement.setLong(1, globalIndex);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                return new StoredRow(globalIndex, rows.getString(1), rows.getLong(2), rows.getString(3),
                        rows.getString(4), rows.getBytes(5), rows.getBytes(6), rows.getString(7), rows.getString(8),
                        rows.getString(9));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read event " + globalIndex + ": " + e.getMessage(), e);
        }
    }

    /** A row as stored, with its global position. */
    public record StoredRow(long globalIndex, String aggregateIdentifier, long sequenceNumber, String type,
                            String eventIdentifier, byte[] metaData, byte[] payload, String payloadRevision,
                            String payloadType, String timeStamp) {
    }

    private long single(String sql) {
        try (Connection connection = database.connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
