package io.progressledger.bench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The rows real accepted deliveries wrote, read back from the ledger's database, so that a baseline can write exactly
 * those rows again: for each delivery, its event (by the global position its answer named) and every row of the
 * command side's other tables that names its delivery id (the delivery log entry, its body, its idempotency key,
 * and whatever a later build records per delivery). Copies keep every value, size and type; only what must be
 * unique (the delivery id wherever it appears, columns under a unique index) is replaced by a fresh value of the
 * same length, and what the database generates is left to it.
 */
public final class DeliveryRows {

    /** One accepted delivery the ledger recorded: its id in the delivery log and its event's global position. */
    public record Accepted(String deliveryId, long globalPosition) {
    }

    /** A stored row: its table and its values by column. */
    private record Row(ScratchTables.Table table, Map<String, Object> values) {
    }

    /** The rows one delivery wrote. */
    private record Sample(String deliveryId, List<Row> rows) {
    }

    private final List<Sample> samples;
    private final Map<String, String> inserts = new LinkedHashMap<>();
    private final AtomicLong next = new AtomicLong();

    private DeliveryRows(List<Sample> samples) {
        this.samples = samples;
        for (Sample sample : samples) {
            for (Row row : sample.rows()) {
                inserts.computeIfAbsent(row.table().name(), name -> insertSql(row.table()));
            }
        }
    }

    private static String insertSql(ScratchTables.Table table) {
        List<ScratchTables.Column> columns = table.columns().stream().filter(c -> !c.generated()).toList();
        return "INSERT INTO " + ScratchTables.quote(table.name()) + " ("
                + String.join(", ", columns.stream().map(c -> ScratchTables.quote(c.name())).toList()) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
    }

    /** Opens a connection to the ledger's database. */
    @FunctionalInterface
    public interface Source {
        Connection connect() throws SQLException;
    }

    /** Reads the rows of {@code accepted} deliveries from the ledger's database, for the tables of {@code tables}. */
    public static DeliveryRows read(Source database, List<ScratchTables.Table> tables, List<Accepted> accepted) {
        if (accepted.isEmpty()) {
            throw new IllegalStateException("no accepted delivery to copy the rows of");
        }
        List<Sample> samples = new ArrayList<>();
        try (Connection connection = database.connect()) {
            for (Accepted delivery : accepted) {
                List<Row> rows = new ArrayList<>();
                for (ScratchTables.Table table : tables) {
                    rows.addAll(rowsOf(connection, table, delivery));
                }
                if (rows.stream().noneMatch(row -> row.table().isEventTable())) {
                    throw new IllegalStateException("event " + delivery.globalPosition() + " of delivery "
                            + delivery.deliveryId() + " is not in the event table");
                }
                samples.add(new Sample(delivery.deliveryId(), List.copyOf(rows)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the rows of the sample deliveries: " + e.getMessage(), e);
        }
        return new DeliveryRows(List.copyOf(samples));
    }

    private static List<Row> rowsOf(Connection connection, ScratchTables.Table table, Accepted delivery)
            throws SQLException {
        String where;
        int parameters;
        if (table.isEventTable()) {
            where = "globalIndex = ?";
            parameters = 1;
        } else {
            // Any column that can hold a delivery id (a character column of 36 or more) and does.
            List<String> candidates = table.columns().stream()
                    .filter(c -> c.character() && c.size() >= 36)
                    .map(c -> ScratchTables.quote(c.name()) + " = ?").toList();
            if (candidates.isEmpty()) {
                return List.of();
            }
            where = String.join(" OR ", candidates);
            parameters = candidates.size();
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM " + ScratchTables.quote(table.name())
                + " WHERE " + where)) {
            for (int i = 1; i <= parameters; i++) {
                if (table.isEventTable()) {
                    select.setLong(i, delivery.globalPosition());
                } else {
                    select.setString(i, delivery.deliveryId());
                }
            }
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (ScratchTables.Column column : table.columns()) {
                        values.put(column.name(), read(result, column));
                    }
                    rows.add(new Row(table, values));
                }
            }
        }
        return rows;
    }

    private static Object read(ResultSet result, ScratchTables.Column column) throws SQLException {
        if (column.large()) {
            return result.getString(column.name());
        }
        if (column.binary()) {
            return result.getBytes(column.name());
        }
        return result.getObject(column.name());
    }

    /** Per table, how many rows a sample delivery wrote on average, and the columns written. */
    public List<TableRows> tables() {
        Map<String, ScratchTables.Table> tables = new LinkedHashMap<>();
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (Sample sample : samples) {
            for (Row row : sample.rows()) {
                tables.putIfAbsent(row.table().name(), row.table());
                rows.merge(row.table().name(), 1, Integer::sum);
            }
        }
        return tables.values().stream().map(table -> new TableRows(table.name(),
                Math.round(rows.get(table.name()) * 100.0 / samples.size()) / 100.0,
                table.columns().stream().filter(c -> !c.generated()).map(ScratchTables.Column::name).toList(),
                List.copyOf(table.uniqueColumns()))).toList();
    }

    /** What one delivery writes to one table, for the report. */
    public record TableRows(String table, double rowsPerDelivery, List<String> columnsWritten, List<String> uniqueColumns) {
    }

    public int samples() {
        return samples.size();
    }

    /** One transaction's worth of rows: every row the next sample delivery wrote, made unique. */
    public WriteBaseline.Transaction sameRows() {
        return (session, random) -> {
            Sample sample = samples.get((int) (next.getAndIncrement() % samples.size()));
            String deliveryId = UUID.randomUUID().toString();
            for (Row row : sample.rows()) {
                insert(session, row, sample.deliveryId(), deliveryId, random);
            }
        };
    }

    /** One event row only (the database's floor for an append): the next sample delivery's event, made unique. */
    public WriteBaseline.Transaction eventOnly() {
        return (session, random) -> {
            Sample sample = samples.get((int) (next.getAndIncrement() % samples.size()));
            for (Row row : sample.rows()) {
                if (row.table().isEventTable()) {
                    insert(session, row, sample.deliveryId(), UUID.randomUUID().toString(), random);
                }
            }
        };
    }

    private void insert(WriteBaseline.Session session, Row row, String oldDeliveryId, String newDeliveryId,
                        SplittableRandom random) throws SQLException {
        PreparedStatement insert = session.prepare(inserts.get(row.table().name()));
        int i = -1;
        for (ScratchTables.Column column : row.table().columns()) {
            if (column.generated()) {
                continue;
            }
            i++;
            Object value = row.values().get(column.name());
            if (oldDeliveryId.equals(value)) {
                value = newDeliveryId;
            } else if (value != null && row.table().uniqueColumns().contains(column.name())) {
                value = fresh(value, column, random);
            }
            if (value == null) {
                insert.setNull(i + 1, column.sqlType());
            } else if (value instanceof byte[] bytes) {
                insert.setBytes(i + 1, bytes);
            } else if (value instanceof String text) {
                insert.setString(i + 1, text);
            } else {
                insert.setObject(i + 1, value);
            }
        }
        insert.executeUpdate();
    }

    /** A new value for a unique column, of the same kind and length. */
    private static Object fresh(Object value, ScratchTables.Column column, SplittableRandom random) {
        if (value instanceof String text) {
            if (text.length() == 36 && text.charAt(8) == '-' && text.charAt(23) == '-') {
                return EventRows.randomUuid(random);
            }
            StringBuilder fresh = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                fresh.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            return fresh.toString();
        }
        if (column.integral()) {
            long bound = column.sqlType() == java.sql.Types.BIGINT ? Long.MAX_VALUE : Integer.MAX_VALUE;
            long fresh = random.nextLong(1, bound);
            return column.sqlType() == java.sql.Types.BIGINT ? (Object) fresh : (Object) (int) fresh;
        }
        throw new IllegalStateException("cannot make a unique copy of " + column.name() + " (SQL type "
                + column.sqlType() + ")");
    }

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
}
