package io.progressledger.bench.launch;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
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
