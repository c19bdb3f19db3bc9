package io.progressledger.bench.launch;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A fresh PostgreSQL database of the run's own, created through the server's {@code postgres} database and dropped
 * at the end, so a run never measures (or damages) anybody else's data. Both applications run its {@code postgres}
 * profile on it.
 */
final class PostgresDatabase implements Database {

    private final String serverUrl;
    private final String user;
    private final String password;
    private final String name;
    /** One connection of the driver's own that asks the server which backends serve the run (for their CPU). */
    private Connection monitor;

    private PostgresDatabase(String serverUrl, String user, String password, String name) {
        this.serverUrl = serverUrl.endsWith("/") ? serverUrl : serverUrl + "/";
        this.user = user;
        this.password = password;
        this.name = name;
    }

    static PostgresDatabase create(String serverUrl, String user, String password) {
        String name = "progress_bench_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"));
        PostgresDatabase database = new PostgresDatabase(serverUrl, user, password, name);
        database.admin("CREATE DATABASE " + name);
        return database;
    }

    @Override
    public String kind() {
        return "postgres";
    }

    String url() {
        return serverUrl + name;
    }

    @Override
    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        // Bulk loading sends its batches as multi-row inserts; single statements are unaffected.
        properties.setProperty("reWriteBatchedInserts", "true");
        return DriverManager.getConnection(url(), properties);
    }

    @Override
    public ScratchDatabase scratch(Path directory) {
        String schema = "bench_scratch";
        return new ScratchDatabase("postgresql", schema, url() + "?currentSchema=" + schema, user, password,
                "schema " + schema + " of PostgreSQL database " + url() + " (same server, WAL and settings as the "
                        + "ledger's tables)", () -> {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (SQLException e) {
                // dropped with the run's database anyway
            }
        });
    }

    @Override
    public synchronized List<Long> serverPids() {
        List<Long> pids = new ArrayList<>();
        try {
            if (monitor == null || monitor.isClosed()) {
                monitor = connect();
            }
            try (PreparedStatement statement = monitor.prepareStatement(
                    "SELECT pid FROM pg_stat_activity WHERE datname = ?")) {
                statement.setString(1, name);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        pids.add(rows.getLong(1));
                    }
                }
            }
        } catch (SQLException e) {
            // no figure for the database this time; the report shows it as missing
        }
        return pids;
    }

    @Override
    public Integer otherActiveSessions() {
        try (Connection connection = DriverManager.getConnection(serverUrl + "postgres", user, password);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' "
                     + "AND backend_type = 'client backend' AND pid <> pg_backend_pid() "
                     + "AND datname IS DISTINCT FROM '" + name + "'")) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            return null;
        }
    }

    @Override
    public Map<String, String> commitSettings(Connection connection) throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name, setting FROM pg_settings WHERE name IN "
                     + "('synchronous_commit', 'fsync', 'wal_sync_method', 'full_page_writes', 'commit_delay', "
                     + "'shared_buffers', 'max_connections') ORDER BY name")) {
            while (rows.next()) {
                settings.put(rows.getString(1), rows.getString(2));
            }
        }
        return settings;
    }

    @Override
    public String commitMeaning(Map<String, String> settings) {
        // Every synchronous_commit level but "off" waits at least for the local WAL flush.
        boolean durable = "on".equals(settings.get("fsync")) && !"off".equals(settings.get("synchronous_commit"));
        return durable
                ? "PostgreSQL (fsync=" + settings.get("fsync") + ", synchronous_commit=" + settings.get("synchronous_commit")
                + ", wal_sync_method=" + settings.get("wal_sync_method") + "): a COMMIT returns after its WAL record "
                + "is flushed to disk, so a committed transaction survives a crash of the server or the machine; "
                + "every commit waits for a disk flush (concurrent commits may share one)."
                : "PostgreSQL with fsync=" + settings.get("fsync") + ", synchronous_commit="
                + settings.get("synchronous_commit") + ": a COMMIT does not wait for its WAL to reach the disk here, "
                + "so recent commits can be lost in a crash; not the production setting.";
    }

    @Override
    public Map<String, String> applicationEnvironment() {
        return Map.of("SPRING_DATASOURCE_URL", url(),
                "SPRING_DATASOURCE_USERNAME", user,
                "SPRING_DATASOURCE_PASSWORD", password);
    }

    @Override
    public List<String> applicationArguments() {
        return List.of("--spring.profiles.active=postgres");
    }

    @Override
    public String describe() {
        return "PostgreSQL database " + url();
    }

    @Override
    public void close() {
        synchronized (this) {
            try {
                if (monitor != null) {
                    monitor.close();
                }
            } catch (SQLException e) {
                // closing anyway
            }
        }
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl + "postgres", user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + serverUrl + "postgres: " + e.getMessage(), e);
        }
    }
}
