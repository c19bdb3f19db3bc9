package io.progressledger.bench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The rows real accepted deliveries wrote, read back from the ledger's database, so that a baseline can write exactly
 * those rows again: for each delivery, its event (by the global position its answer named) and every row of the
 * command side's other tables that names the delivery (its id), its event (the event's identifier) or the event's
 * global position (a column named for it): the delivery log entry, its body, its idempotency key, and whatever a
 * later build records per delivery or per event (a signature, say). Copies keep every value, size and type. What
 * must be unique gets a fresh value of the same kind and length (the delivery id and the event identifier wherever
 * they appear, every column under a unique index); the event's global position is the one the database generates
 * for the copy, wherever it appears; what else the database generates is left to it.
 */
public final class DeliveryRows {

    /** One accepted delivery the ledger recorded: its id in the delivery log and its event's global position. */
    public record Accepted(String deliveryId, long globalPosition) {
    }

    /** A stored row: its table and its values by column. */
    private record Row(ScratchTables.Table table, Map<String, Object> values) {
    }

    /** The rows one delivery wrote, its event's first. */
    private record Sample(String deliveryId, String eventIdentifier, long globalPosition, Row event, List<Row> others) {
    }

    private final List<Sample> samples;
    private final Map<String, String> inserts = new LinkedHashMap<>();
    private final AtomicLong next = new AtomicLong();

    private DeliveryRows(List<Sample> samples) {
        this.samples = samples;
        for (Sample sample : samples) {
            inserts.computeIfAbsent(sample.event().table().name(), name -> insertSql(sample.event().table()));
            for (Row row : sample.others()) {
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
        ScratchTables.Table eventTable = tables.stream().filter(ScratchTables.Table::isEventTable).findFirst()
                .orElseThrow(() -> new IllegalStateException("the migrations made no event table (DomainEventEntry)"));
        List<Sample> samples = new ArrayList<>();
        try (Connection connection = database.connect()) {
            for (Accepted delivery : accepted) {
                Row event = event(connection, eventTable, delivery);
                String eventIdentifier = String.valueOf(event.values().get(column(eventTable, "eventIdentifier")));
                List<Row> others = new ArrayList<>();
                for (ScratchTables.Table table : tables) {
                    if (!table.isEventTable()) {
                        others.addAll(rowsOf(connection, table, delivery, eventIdentifier));
                    }
                }
                samples.add(new Sample(delivery.deliveryId(), eventIdentifier, delivery.globalPosition(), event,
                        List.copyOf(others)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the rows of the sample deliveries: " + e.getMessage(), e);
        }
        return new DeliveryRows(List.copyOf(samples));
    }

    private static Row event(Connection connection, ScratchTables.Table table, Accepted delivery) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM " + ScratchTables.quote(table.name())
                + " WHERE " + ScratchTables.quote(column(table, "globalIndex")) + " = ?")) {
            select.setLong(1, delivery.globalPosition());
            List<Row> rows = rows(select, table);
            if (rows.size() != 1) {
                throw new IllegalStateException("event " + delivery.globalPosition() + " of delivery "
                        + delivery.deliveryId() + " is not in the event table");
            }
            return rows.get(0);
        }
    }

    /** The rows of a table that name the delivery, its event or its event's global position. */
    private static List<Row> rowsOf(Connection connection, ScratchTables.Table table, Accepted delivery,
                                    String eventIdentifier) throws SQLException {
        List<String> conditions = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (ScratchTables.Column column : table.columns()) {
            if (column.character() && column.size() >= 36) {
                conditions.add(ScratchTables.quote(column.name()) + " IN (?, ?)");
                values.add(delivery.deliveryId());
                values.add(eventIdentifier);
            } else if (globalPosition(column)) {
                conditions.add(ScratchTables.quote(column.name()) + " = ?");
                values.add(delivery.globalPosition());
            }
        }
        if (conditions.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM " + ScratchTables.quote(table.name())
                + " WHERE " + String.join(" OR ", conditions))) {
            for (int i = 0; i < values.size(); i++) {
                select.setObject(i + 1, values.get(i));
            }
            return rows(select, table);
        }
    }

    /** An integer column that holds an event's global position, by its name (global_index, globalIndex, ...). */
    private static boolean globalPosition(ScratchTables.Column column) {
        return column.integral() && !column.generated() && column.name().toLowerCase(Locale.ROOT).startsWith("global");
    }

    private static List<Row> rows(PreparedStatement select, ScratchTables.Table table) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (ResultSet result = select.executeQuery()) {
            while (result.next()) {
                Map<String, Object> values = new LinkedHashMap<>();
                for (ScratchTables.Column column : table.columns()) {
                    values.put(column.name(), read(result, column));
                }
                rows.add(new Row(table, values));
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

    /** A column's name as the database spells it. */
    private static String column(ScratchTables.Table table, String name) {
        return table.columns().stream().map(ScratchTables.Column::name).filter(n -> n.equalsIgnoreCase(name))
                .findFirst().orElseThrow(() -> new IllegalStateException(table.name() + " has no column " + name));
    }

    /** Per table, how many rows a sample delivery wrote on average, and the columns written. */
    public List<TableRows> tables() {
        Map<String, ScratchTables.Table> tables = new LinkedHashMap<>();
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (Sample sample : samples) {
            tables.putIfAbsent(sample.event().table().name(), sample.event().table());
            rows.merge(sample.event().table().name(), 1, Integer::sum);
            for (Row row : sample.others()) {
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
        return (session, random) -> write(session, random, true);
    }

    /** One event row only (the database's floor for an append): the next sample delivery's event, made unique. */
    public WriteBaseline.Transaction eventOnly() {
        return (session, random) -> write(session, random, false);
    }

    private void write(WriteBaseline.Session session, SplittableRandom random, boolean everyRow) throws SQLException {
        Sample sample = samples.get((int) (next.getAndIncrement() % samples.size()));
        Copy copy = new Copy(sample, UUID.randomUUID().toString(), EventRows.randomUuid(random), random);
        copy.globalPosition = insert(session, sample.event(), copy, everyRow && !sample.others().isEmpty());
        if (everyRow) {
            for (Row row : sample.others()) {
                insert(session, row, copy, false);
            }
        }
    }

    /** The fresh values of one copy of a sample. */
    private static final class Copy {
        private final Sample sample;
        private final String deliveryId;
        private final String eventIdentifier;
        private final SplittableRandom random;
        private long globalPosition = -1;

        Copy(Sample sample, String deliveryId, String eventIdentifier, SplittableRandom random) {
            this.sample = sample;
            this.deliveryId = deliveryId;
            this.eventIdentifier = eventIdentifier;
            this.random = random;
        }

        Object value(ScratchTables.Table table, ScratchTables.Column column, Object original) {
            if (original == null) {
                return null;
            }
            if (original.equals(sample.deliveryId())) {
                return deliveryId;
            }
            if (original.equals(sample.eventIdentifier())) {
                return eventIdentifier;
            }
            if (globalPosition(column) && original instanceof Number number && number.longValue() == sample.globalPosition()
                    && globalPosition >= 0) {
                return column.sqlType() == java.sql.Types.INTEGER ? (Object) (int) globalPosition : (Object) globalPosition;
            }
            if (table.uniqueColumns().contains(column.name())) {
                return fresh(original, column, random);
            }
            return original;
        }
    }

    /** Inserts a copy of {@code row}; returns the key the database generated when asked to, else -1. */
    private long insert(WriteBaseline.Session session, Row row, Copy copy, boolean generatedKey) throws SQLException {
        ScratchTables.Table table = row.table();
        String generated = generatedKey ? table.columns().stream().filter(ScratchTables.Column::generated)
                .map(ScratchTables.Column::name).findFirst().orElse(null) : null;
        PreparedStatement insert = session.prepare(inserts.get(table.name()), generated);
        int i = 0;
        for (ScratchTables.Column column : table.columns()) {
            if (column.generated()) {
                continue;
            }
            i++;
            Object value = copy.value(table, column, row.values().get(column.name()));
            if (value == null) {
                insert.setNull(i, column.sqlType());
            } else if (value instanceof byte[] bytes) {
                insert.setBytes(i, bytes);
            } else if (value instanceof String text) {
                insert.setString(i, text);
            } else {
                insert.setObject(i, value);
            }
        }
        insert.executeUpdate();
        if (generated == null) {
            return -1;
        }
        try (ResultSet keys = insert.getGeneratedKeys()) {
            return keys.next() ? keys.getLong(1) : -1;
        }
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
