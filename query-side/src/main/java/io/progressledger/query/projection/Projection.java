package io.progressledger.query.projection;

import java.util.List;

/**
 * A view built from the event stream. Its writer for a slot is an object with Axon {@code @EventHandler} methods
 * that writes only into that slot's tables; it must be deterministic (same events, same rows), so that a rebuild
 * gives what the live view shows.
 */
public interface Projection {

    /** The projection's name in the API and the configuration, e.g. {@code talent-progress}. */
    String name();

    /** The base names of the tables this projection owns in each slot. */
    List<String> tables();

    /** A writer of this projection's events into the given slot's tables. */
    Object writerFor(Slot slot);

    /** Whether the projection needs every event in one order (one segment, whatever the configuration says). */
    default boolean singleOrder() {
        return false;
    }
}
