package io.progressledger.query.projection;

import java.util.List;
import java.util.Set;

/**
 * A view built from the event stream. For each batch of events the processor hands it, it opens a {@link ViewBatch}
 * on a slot, folds the events into it in memory and writes it once, with JDBC batch statements, in the batch's
 * transaction (together with the processor's token). Projections must be deterministic (same events, same rows,
 * however the events are cut into batches), so that a rebuild gives what the live view shows.
 */
public interface Projection {

    /** The projection's name in the API and the configuration, e.g. {@code talent-progress}. */
    String name();

    /** The base names of the tables this projection owns in each slot. */
    List<String> tables();

    /** The payload types this projection applies (supertypes included); the processor hands it nothing else. */
    Set<Class<?>> eventTypes();

    /** A new, empty batch of changes to the given slot's tables. */
    ViewBatch batch(Slot slot);

    /** Whether the projection needs every event in one order (one segment, whatever the configuration says). */
    default boolean singleOrder() {
        return false;
    }
}
