package io.progressledger.bench.scenario;

import io.progressledger.bench.Settings;
import io.progressledger.bench.launch.Applications;
import io.progressledger.bench.launch.Database;
import io.progressledger.bench.report.Results;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What was measured: the code's commit, the jars, the JVM, the database and its driver. */
final class Versions {

    private Versions() {
    }

    static Map<String, String> read(Settings settings, Database database) {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("commit", git("rev-parse", "--short", "HEAD") + (git("status", "--porcelain").isBlank() ? "" : " (with uncommitted changes)"));
        versions.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"));
        versions.put("commandSideJar", jar(settings.commandJar()));
        versions.put("querySideJar", jar(settings.queryJar()));
        try (Connection connection = database.connect()) {
            DatabaseMetaData metadata = connection.getMetaData();
            versions.put("database", metadata.getDatabaseProductName() + " " + metadata.getDatabaseProductVersion());
            versions.put("jdbcDriver", metadata.getDriverName() + " " + metadata.getDriverVersion());
        } catch (SQLException e) {
            versions.put("database", "unreachable: " + e.getMessage());
        }
        return versions;
    }

    /** The database, and what a COMMIT means on it with the settings it has (read from the database itself). */
    static Results.DatabaseInfo database(Database database) {
        try (Connection connection = database.connect()) {
            Map<String, String> settings = database.commitSettings(connection);
            return new Results.DatabaseInfo(database.kind(), database.describe(), settings,
                    database.commitMeaning(settings));
        } catch (SQLException e) {
            return new Results.DatabaseInfo(database.kind(), database.describe(), Map.of(),
                    "unknown: the settings could not be read (" + e.getMessage() + ")");
        }
    }

    /** What the applications say of themselves ({@code /actuator/info}), when they say anything. */
    static Map<String, String> applications(QueryApi api, Applications applications) {
        Map<String, String> versions = new LinkedHashMap<>();
        try {
            JsonNode info = api.adminJson("/actuator/info");
            JsonNode build = info.path("build");
            JsonNode git = info.path("git");
            if (build.has("version")) {
                versions.put("querySideBuild", build.path("version").asString());
            }
            if (git.has("commit")) {
                versions.put("querySideGit", git.path("commit").path("id").asString() + " " + git.path("branch").asString(""));
            }
        } catch (RuntimeException ignored) {
            // /actuator/info is optional information
        }
        return versions;
    }

    private static String jar(Path jar) {
        try {
            return jar.toAbsolutePath().normalize() + " (" + Files.size(jar) / 1024 + " KiB, built "
                    + Files.getLastModifiedTime(jar) + ")";
        } catch (IOException e) {
            return jar + " (missing)";
        }
    }

    private static String git(String... args) {
        try {
            String[] command = new String[args.length + 1];
            command[0] = "git";
            System.arraycopy(args, 0, command, 1, args.length);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 ? output : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
