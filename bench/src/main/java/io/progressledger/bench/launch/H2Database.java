package io.progressledger.bench.launch;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The embedded default: the command side opens {@code DIR/events.mv.db} and serves it to other processes through
 * H2's AUTO_SERVER, as it serves the query side. Before the applications start, the first opener is this process
 * (embedded, exactly as the command side opens it); every connection must be closed before the command side starts,
 * or the command side would become the client of this process.
 */
final class H2Database implements Database {

    private final Path dataDir;

    H2Database(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath();
    }

    @Override
    public String kind() {
        return "h2";
    }

    @Override
    public Connection connect() throws SQLException {
        return open(dataDir.resolve("events"));
    }

    private static Connection open(Path file) throws SQLException {
        return DriverManager.getConnection(url(file), "sa", "");
    }

    /** The command side's own URL (application.yml): a file, AUTO_SERVER, the same lock timeout. */
    private static String url(Path file) {
        return "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64";
    }

    @Override
    public ScratchDatabase scratch(Path directory) {
        Path file = directory.toAbsolutePath().resolve("ledger");
        return new ScratchDatabase("h2", null, url(file), "sa", "", "H2 file " + file + ".mv.db, opened embedded by "
                + "the driver as the command side opens its own (same URL settings)", () -> {
        });
    }

    @Override
    public List<Long> serverPids() {
        return List.of();
    }

    @Override
    public Map<String, String> commitSettings(Connection connection) throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                     + "WHERE SETTING_NAME IN ('WRITE_DELAY', 'MV_STORE', 'RETENTION_TIME')")) {
            while (rows.next()) {
                settings.put(rows.getString(1), rows.getString(2));
            }
        }
        return settings;
    }

    @Override
    public String commitMeaning(Map<String, String> settings) {
        return String.format(Locale.ROOT, "H2 (MVStore): a COMMIT returns once the transaction is in the store's "
                + "memory; a background writer puts committed changes into the file within WRITE_DELAY (%s ms here) "
                + "and H2 never calls fsync for a commit. A crash of the JVM can lose the last WRITE_DELAY of commits, "
                + "a crash of the machine or a power loss whatever the OS had not written yet. The embedded default "
                + "is not durable at commit time; its figures are not comparable with a database that is.",
                settings.getOrDefault("WRITE_DELAY", "?"));
    }

    @Override
    public Map<String, String> applicationEnvironment() {
        return Map.of();
    }

    @Override
    public List<String> applicationArguments() {
        return List.of("--progress.data-dir=" + dataDir);
    }

    @Override
    public String describe() {
        return "H2 file " + dataDir.resolve("events.mv.db") + " (AUTO_SERVER)";
    }

    @Override
    public void close() {
        // The files go with the run's work directory.
    }
}
