package io.progressledger.bench.launch;

import io.progressledger.bench.Settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        // Secrets go in the environment, as in production: a command line is visible to every local user (ps) and
        // recorded by diagnostic tools (JFR, jcmd).
        Map<String, String> environment = new HashMap<>(database.applicationEnvironment());
        environment.put("PROGRESS_WEBHOOK_PHOENIX_SECRET", credentials.phoenixSecret());
        environment.put("PROGRESS_WEBHOOK_TOOLZZ_SECRET", credentials.toolzzSecret());
        environment.put("PROGRESS_API_TOKEN", credentials.apiToken());
        environment.put("PROGRESS_ADMIN_TOKEN", credentials.adminToken());
        environment.put("PROGRESS_PERSONALDATA_KEKS_" + Credentials.KEY_ID.toUpperCase(), Credentials.KEY_ENCRYPTION_KEY);
        environment.put("PROGRESS_PERSONALDATA_CURRENTKEK", Credentials.KEY_ID);
        environment.put("PROGRESS_AUDIT_SIGNINGKEYS_" + Credentials.KEY_ID.toUpperCase(), Credentials.SIGNING_KEY);
        environment.put("PROGRESS_AUDIT_CURRENTSIGNINGKEY", Credentials.KEY_ID);
        Path logs = settings.work().resolve("logs");
        AppProcess command = AppProcess.start("command-side", settings.commandJar(), settings.appHeap(), arguments,
                environment, logs);
        try {
            AppProcess query = AppProcess.start("query-side", settings.queryJar(), settings.appHeap(), arguments,
                    environment, logs);
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
