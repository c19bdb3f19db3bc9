package io.progressledger.bench.launch;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
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
        // The command side's own URL (application.yml): same file, same lock timeout.
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("events") + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000",
                "sa", "");
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
