package io.progressledger.query;

import io.progressledger.edge.StartupGuard;

import java.util.regex.Pattern;

/**
 * The start-up guard ({@link StartupGuard}) over the query side's credentials: the dashboards' and the admin token.
 * Registered in {@code META-INF/spring.factories}.
 */
public class ConfigurationGuard extends StartupGuard {

    /** Every credential the query side reads, as Spring names them (environment variables included). */
    private static final Pattern CREDENTIAL = Pattern.compile("progress\\.(admin|api)\\.token");

    public ConfigurationGuard() {
        super(CREDENTIAL);
    }
}
