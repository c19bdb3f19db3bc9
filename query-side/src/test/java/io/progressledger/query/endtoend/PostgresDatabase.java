package io.progressledger.query.endtoend;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A database of its own on the local PostgreSQL (127.0.0.1:5432, user postgres, trust authentication), created for
 * one test and dropped after it. PostgreSQL is part of the build machine: when it does not answer, the test fails
 * and says how to start it, it is never skipped.
 */
public final class PostgresDatabase implements AutoCloseable {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String USER = "postgres";

    private final String name;

    private PostgresDatabase(String name) {
        this.name = name;
    }

    public static PostgresDatabase create(String purpose) {
        String name = (purpose + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        try (Connection server = DriverManager.getConnection(SERVER + "postgres", USER, "")) {
            server.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is required at 127.0.0.1:5432 (user postgres, trust auth); "
                    + "start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start", e);
        }
        return new PostgresDatabase(name);
    }

    public String url() {
        return SERVER + name;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, "");
    }

    /** The properties that put an application on this database, as production does (the postgres profile). */
    public Map<String, String> applicationProperties() {
        return Map.of("spring.profiles.active", "postgres", "spring.datasource.url", url(),
                "spring.datasource.username", USER, "spring.datasource.password", "");
    }

    /**
     * The columns, among every text and binary column of every table, whose value contains {@code text} in any row:
     * a grep of the database, through SQL.
     */
    public java.util.List<String> columnsContaining(String text) throws SQLException {
        java.util.List<String> found = new java.util.ArrayList<>();
        try (Connection connection = connect()) {
            java.util.List<String[]> columns = new java.util.ArrayList<>();
            try (var rs = connection.createStatement().executeQuery("""
                    SELECT table_name, column_name, data_type FROM information_schema.columns
                    WHERE table_schema = 'public'
                      AND data_type IN ('text', 'character varying', 'character', 'bytea', 'jsonb', 'json')""")) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            for (String[] column : columns) {
                String value = column[2].equals("bytea") ? "\"" + column[1] + "\""
                        : "convert_to(\"" + column[1] + "\"::text, 'UTF8')";
                try (var statement = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM \"" + column[0]
                        + "\" WHERE position(convert_to(?, 'UTF8') IN " + value + ") > 0)")) {
                    statement.setString(1, text);
                    try (var rs = statement.executeQuery()) {
                        rs.next();
                        if (rs.getBoolean(1)) {
                            found.add(column[0] + "." + column[1]);
                        }
                    }
                }
            }
        }
        return found;
    }

    @Override
    public void close() {
        try (Connection server = DriverManager.getConnection(SERVER + "postgres", USER, "")) {
            server.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + name, e);
        }
    }
}
