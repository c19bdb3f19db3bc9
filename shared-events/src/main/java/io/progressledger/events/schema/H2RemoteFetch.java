package io.progressledger.events.schema;

/**
 * How many rows an H2 client takes per round trip when it reads the event store's file through AUTO_SERVER: the
 * query side always (the command side serves the file), the command side when the query side opened the file first
 * and serves it, the benchmark's driver when it loads and audits the store.
 * <p>
 * H2's server never sets TCP_NODELAY, so a response that ends in a small TCP segment waits for the client's
 * delayed ACK (40 ms on Linux). With H2's default of 100 rows per round trip, a batch of 1,000 events of about a
 * kilobyte is ten round trips and as many stalls: the benchmark measured replays at 1,200 events/s, 50 to 70 % of
 * the processors' time in socket reads, and a micro benchmark read 20,000 such rows in 8.8 s with the default and
 * in 0.17 s with 1,000 rows per round trip. A batch now comes back in one round trip. H2 reads this system
 * property once, when its first class loads: set it before anything opens a database.
 */
public final class H2RemoteFetch {

    public static final String PROPERTY = "h2.serverResultSetFetchSize";
    public static final int ROWS = 1000;

    private H2RemoteFetch() {
    }

    /** Sets the fetch size unless the operator set one ({@code -Dh2.serverResultSetFetchSize=...}). */
    public static void configure() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, Integer.toString(ROWS));
        }
    }
}
