package io.progressledger.bench.launch;

import io.progressledger.bench.Settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Both applications, each in its own JVM: the command side first (on H2 it hosts the shared event store file
 * through AUTO_SERVER), then the query side on the same data.
 */
public final class Applications implements AutoCloseable {

    private final AppProcess commandSide;
    private final AppProcess querySide;
    private final Credentials credentials;

    private Applications(AppProcess commandSide, AppProcess querySide, Credentials credentials) {
        this.commandSide = commandSide;
        this.querySide = querySide;
        this.credentials = credentials;
    }

    public static Applications start(Settings settings, Database database, Credentials credentials) {
        List<String> arguments = new ArrayList<>(database.applicationArguments());
        arguments.add("--progress.webhook.phoenix.secret=" + credentials.phoenixSecret());
        arguments.add("--progress.webhook.toolzz.secret=" + credentials.toolzzSecret());
        arguments.add("--progress.api.token=" + credentials.apiToken());
        arguments.add("--progress.admin.token=" + credentials.adminToken());
        Path logs = settings.work().resolve("logs");
        AppProcess command = AppProcess.start("command-side", settings.commandJar(), settings.appHeap(), arguments,
                database.applicationEnvironment(), logs);
        try {
            AppProcess query = AppProcess.start("query-side", settings.queryJar(), settings.appHeap(), arguments,
                    database.applicationEnvironment(), logs);
            return new Applications(command, query, credentials);
        } catch (RuntimeException e) {
            command.close();
            throw e;
        }
    }

    public AppProcess commandSide() {
        return commandSide;
    }

    public AppProcess querySide() {
        return querySide;
    }

    public Credentials credentials() {
        return credentials;
    }

    /** The query side first, so it never sees its event store vanish under it. */
    @Override
    public void close() {
        querySide.close();
        commandSide.close();
    }
}
