package io.progressledger.events.settings;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The rules of development mode, the same on both sides: open sources and endpoints without credentials, for a
 * developer's machine only. It takes a switch that says what it is ({@code progress.insecure-development-mode=true}),
 * not a profile anyone might call {@code dev}; it serves on the loopback address only ({@code server.address}
 * defaults to {@code 127.0.0.1} when it is on), and refuses a non-loopback address unless that too is said out loud
 * ({@code progress.insecure-development-mode-on-network=true}).
 */
public final class InsecureDevelopmentMode {

    public static final String PROPERTY = "progress.insecure-development-mode";
    public static final String ON_NETWORK = "progress.insecure-development-mode-on-network";
    /** The former switch, refused when on, so that nobody believes it still works (or still protects). */
    public static final String FORMER_PROPERTY = "progress.development-mode";
    public static final String LOOPBACK = "127.0.0.1";

    private InsecureDevelopmentMode() {
    }

    /**
     * Checks the settings (read through {@code property}, null when absent).
     *
     * @return the {@code server.address} to default to, when development mode is on and none is set
     * @throws IllegalStateException when the settings would open the application by mistake
     */
    public static Optional<String> check(UnaryOperator<String> property) {
        if (Boolean.parseBoolean(property.apply(FORMER_PROPERTY))) {
            throw new IllegalStateException(FORMER_PROPERTY + " is no longer read: development mode (no credentials "
                    + "needed) is " + PROPERTY + "=true, and serves on the loopback address only");
        }
        if (!Boolean.parseBoolean(property.apply(PROPERTY))) {
            return Optional.empty();
        }
        String address = property.apply("server.address");
        if (address == null || address.isBlank()) {
            return Optional.of(LOOPBACK);
        }
        if (!loopback(address) && !Boolean.parseBoolean(property.apply(ON_NETWORK))) {
            throw new IllegalStateException(PROPERTY + "=true opens sources and endpoints without credentials: it "
                    + "serves on a loopback address only, not server.address=" + address + " (set " + ON_NETWORK
                    + "=true to force it, never in production)");
        }
        return Optional.empty();
    }

    private static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException unknown) {
            return false;
        }
    }
}
