package io.progressledger.query.projection;

import org.axonframework.eventhandling.EventMessage;

/**
 * The changes a batch of events makes to one slot of a view, held in memory until they are written. Consecutive
 * changes of the same row are folded into one write, so a batch costs a few JDBC batch statements however many
 * events it holds. A batch is used by one thread, once: {@link #add} its events in order, then {@link #write()}.
 */
public interface ViewBatch {

    /** Folds one event (of one of the projection's {@link Projection#eventTypes() types}) into the changes held. */
    void add(EventMessage<?> event);

    /** Writes the changes held, in the caller's transaction. Nothing is written when it throws part way. */
    void write();
}
