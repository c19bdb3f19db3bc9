package io.progressledger.bench.store;

import io.progressledger.bench.launch.ScratchDatabase;
import org.flywaydb.core.Flyway;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The command side's tables in a scratch database, made by its own migration scripts (with Flyway, as the
 * applications run them), and their shapes as the database reports them: columns, which ones the database
 * generates, which ones a unique index covers, and which tables must be written first (foreign keys).
 */
public final class ScratchTables {

    /** A column as the database describes it. */
    public record Column(String name, int sqlType, int size, boolean generated) {

        boolean character() {
            return sqlType == Types.VARCHAR || sqlType == Types.CHAR || sqlType == Types.NVARCHAR
                    || sqlType == Types.NCHAR;
        }

        boolean integral() {
            return sqlType == Types.INTEGER || sqlType == Types.BIGINT || sqlType == Types.SMALLINT;
        }

        boolean large() {
            return sqlType == Types.CLOB || sqlType == Types.NCLOB || sqlType == Types.LONGVARCHAR
                    || sqlType == Types.LONGNVARCHAR;
        }

        boolean binary() {
            return sqlType == Types.BLOB || sqlType == Types.BINARY || sqlType == Types.VARBINARY
                    || sqlType == Types.LONGVARBINARY;
        }
    }

    /** A table, with the columns some unique index (or the primary key) covers. */
    public record Table(String name, List<Column> columns, Set<String> uniqueColumns, Set<String> references) {

        public boolean isEventTable() {
            return name.equalsIgnoreCase("DomainEventEntry");
        }
    }

    /** Flyway reports every step through java.util.logging; the run's own output says what matters. */
    private static final java.util.logging.Logger FLYWAY_LOG = java.util.logging.Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    private ScratchTables() {
    }

    /** Runs every location's scripts on the scratch database; each location keeps its own history, as in the applications. */
    public static void migrate(ScratchDatabase scratch, Map<String, Path> locations) {
        for (Map.Entry<String, Path> location : locations.entrySet()) {
            var configuration = Flyway.configure()
                    .dataSource(scratch.url(), scratch.user(), scratch.password())
                    .locations("filesystem:" + location.getValue().toAbsolutePath())
                    .table("flyway_" + location.getKey() + "_history")
                    .baselineOnMigrate(true)
                    .baselineVersion("0");
            if (scratch.schema() != null) {
                configuration.schemas(scratch.schema()).defaultSchema(scratch.schema());
            }
            configuration.load().migrate();
        }
    }

    /** Every table the scripts made (Flyway's own history tables aside), in an order that satisfies foreign keys. */
    public static List<Table> read(ScratchDatabase scratch) {
        try (Connection connection = scratch.connect()) {
            DatabaseMetaData metadata = connection.getMetaData();
            List<String> names = new ArrayList<>();
            try (ResultSet tables = metadata.getTables(null, schemaPattern(scratch, metadata), "%", new String[]{"TABLE"})) {
                while (tables.next()) {
                    String name = tables.getString("TABLE_NAME");
                    if (!name.toLowerCase(Locale.ROOT).startsWith("flyway_")) {
                        names.add(name);
                    }
                }
            }
            Map<String, Table> byName = new LinkedHashMap<>();
            for (String name : names) {
                byName.put(name, table(connection, metadata, schemaPattern(scratch, metadata), name));
            }
            return ordered(byName);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the scratch tables: " + e.getMessage(), e);
        }
    }

    private static String schemaPattern(ScratchDatabase scratch, DatabaseMetaData metadata) throws SQLException {
        if (scratch.schema() != null) {
            return scratch.schema();
        }
        return metadata.storesUpperCaseIdentifiers() ? "PUBLIC" : "public";
    }

    private static Table table(Connection connection, DatabaseMetaData metadata, String schema, String name)
            throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet empty = statement.executeQuery("SELECT * FROM " + quote(name) + " WHERE 1 = 0")) {
            ResultSetMetaData shape = empty.getMetaData();
            for (int i = 1; i <= shape.getColumnCount(); i++) {
                columns.add(new Column(shape.getColumnName(i), shape.getColumnType(i), shape.getPrecision(i),
                        shape.isAutoIncrement(i)));
            }
        }
        Set<String> unique = new LinkedHashSet<>();
        try (ResultSet indexes = metadata.getIndexInfo(null, schema, name, true, false)) {
            while (indexes.next()) {
                String column = indexes.getString("COLUMN_NAME");
                if (column != null && !indexes.getBoolean("NON_UNIQUE")) {
                    unique.add(column);
                }
            }
        }
        Set<String> references = new LinkedHashSet<>();
        try (ResultSet keys = metadata.getImportedKeys(null, schema, name)) {
            while (keys.next()) {
                references.add(keys.getString("PKTABLE_NAME"));
            }
        }
        return new Table(name, List.copyOf(columns), Set.copyOf(unique), Set.copyOf(references));
    }

    /** Referenced tables first; otherwise in the database's order. */
    private static List<Table> ordered(Map<String, Table> byName) {
        List<Table> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < byName.size()) {
            boolean progress = false;
            for (Table table : byName.values()) {
                if (!placed.contains(table.name()) && placed.containsAll(table.references().stream()
                        .filter(byName::containsKey).filter(r -> !r.equals(table.name())).toList())) {
                    ordered.add(table);
                    placed.add(table.name());
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("the scratch tables' foreign keys form a cycle: " + byName.keySet());
            }
        }
        return ordered;
    }

    /** An identifier exactly as the database reported it. */
    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
