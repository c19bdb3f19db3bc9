package io.progressledger.events.schema;

/**
 * H2's AUTO_SERVER mode serves an open database file to other processes over TCP; by default on every interface,
 * with the file's contents (events, delivery log, keys) one guessable port away from the network. Bound to the
 * loopback address, only processes of this machine reach it, which is all AUTO_SERVER is for. H2 reads the
 * property once, when its first class loads: call this before anything opens a database.
 */
public final class H2LoopbackServer {

    public static final String PROPERTY = "h2.bindAddress";
    public static final String LOOPBACK = "127.0.0.1";

    private H2LoopbackServer() {
    }

    /** Binds H2's servers to the loopback address unless the operator chose one ({@code -Dh2.bindAddress=...}). */
    public static void configure() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, LOOPBACK);
        }
    }
}
