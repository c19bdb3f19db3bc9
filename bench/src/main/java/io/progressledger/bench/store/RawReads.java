package io.progressledger.bench.store;

import io.progressledger.bench.launch.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plain JDBC reads of the whole events table in global order, every column, as a rebuild must at least read it: the
 * fastest of them is the replay's baseline. Each database is read the way it reads fastest; both ways are measured in
 * every run, from this process, over the same connection path as the query side's (H2: the command side's
 * AUTO_SERVER, with the applications' fetch size; PostgreSQL: the server).
 */
public final class RawReads {

    private static final String COLUMNS = "globalIndex, aggregateIdentifier, sequenceNumber, type, eventIdentifier, "
            + "metaData, payload, payloadRevision, payloadType, timeStamp";
    private static final int PAGE = 5_000;

    private RawReads() {
    }

    /** The ways of reading, by name, with what each does. */
    public static Map<String, String> methods() {
        Map<String, String> methods = new LinkedHashMap<>();
        methods.put("keysetPages", "pages of " + PAGE + ": SELECT ... WHERE globalIndex > ? ORDER BY globalIndex "
                + "FETCH FIRST " + PAGE + " ROWS ONLY, the next page after the last row (as the query side's tracking reads)");
        methods.put("lazyScan", "one SELECT ... ORDER BY globalIndex streamed as it is read (H2: "
                + "SET LAZY_QUERY_EXECUTION TRUE, otherwise H2 materialises the result first; PostgreSQL: a cursor, "
                + "fetch size " + PAGE + ", in a read-only transaction)");
        return methods;
    }

    /** Rows and bytes read, and how fast. */
    public record Result(String method, long rows, long bytes, double seconds, double perSec) {
    }

    public static Result read(String method, Database database, AtomicLong progress) {
        return switch (method) {
            case "keysetPages" -> keysetPages(database, progress);
            case "lazyScan" -> lazyScan(database, progress);
            default -> throw new IllegalArgumentException(method);
        };
    }

    private static Result keysetPages(Database database, AtomicLong progress) {
        long start = System.nanoTime();
        long rows = 0;
        long bytes = 0;
        try (Connection connection = database.connect();
             PreparedStatement page = connection.prepareStatement("SELECT " + COLUMNS + " FROM DomainEventEntry "
                     + "WHERE globalIndex > ? ORDER BY globalIndex FETCH FIRST " + PAGE + " ROWS ONLY")) {
            page.setFetchSize(PAGE);
            long after = -1;
            while (true) {
                page.setLong(1, after);
                long read = 0;
                try (ResultSet result = page.executeQuery()) {
                    while (result.next()) {
                        after = result.getLong(1);
                        bytes += columns(result);
                        read++;
                    }
                }
                rows += read;
                progress.addAndGet(read);
                if (read < PAGE) {
                    break;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("keyset read failed: " + e.getMessage(), e);
        }
        return result("keysetPages", rows, bytes, start);
    }

    private static Result lazyScan(Database database, AtomicLong progress) {
        long start = System.nanoTime();
        long rows = 0;
        long bytes = 0;
        try (Connection connection = database.connect()) {
            boolean h2 = database.kind().equals("h2");
            if (h2) {
                try (Statement lazy = connection.createStatement()) {
                    lazy.execute("SET LAZY_QUERY_EXECUTION TRUE");
                }
            } else {
                connection.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
                connection.setReadOnly(true);
            }
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(PAGE);
                try (ResultSet result = statement.executeQuery("SELECT " + COLUMNS + " FROM DomainEventEntry "
                        + "ORDER BY globalIndex")) {
                    while (result.next()) {
                        result.getLong(1);
                        bytes += columns(result);
                        if (++rows % 1_000 == 0) {
                            progress.addAndGet(1_000);
                        }
                    }
                }
            }
            if (!h2) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("lazy scan failed: " + e.getMessage(), e);
        }
        return result("lazyScan", rows, bytes, start);
    }

    /** Reads columns 2..10 of the row, as a rebuild does; returns the bytes of its identifiers and payloads. */
    private static long columns(ResultSet result) throws SQLException {
        long bytes = result.getString(2).length();
        result.getLong(3);
        result.getString(4);
        result.getString(5);
        byte[] metaData = result.getBytes(6);
        byte[] payload = result.getBytes(7);
        result.getString(8);
        result.getString(9);
        result.getString(10);
        return bytes + (metaData == null ? 0 : metaData.length) + payload.length;
    }

    private static Result result(String method, long rows, long bytes, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(method, rows, bytes, seconds, rows / seconds);
    }
}
