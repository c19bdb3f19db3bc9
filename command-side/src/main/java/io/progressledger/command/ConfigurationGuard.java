package io.progressledger.command;

import io.progressledger.edge.StartupGuard;

import java.util.regex.Pattern;

/**
 * The start-up guard ({@link StartupGuard}) over the command side's credentials: the admin token and every webhook
 * source's token and secret. Registered in {@code META-INF/spring.factories}.
 */
public class ConfigurationGuard extends StartupGuard {

    /** Every credential the command side reads, as Spring names them (environment variables included). */
    private static final Pattern CREDENTIAL = Pattern.compile("progress\\.(admin\\.token|webhook\\.[^.]+\\.(token|secret))");

    public ConfigurationGuard() {
        super(CREDENTIAL);
    }
}
