package io.progressledger.events.trail;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads {@code TrailCompleted} revision 0, the shape recorded before learners' names and emails were captured,
 * as revision 1: the name and email are unknown (null), everything else is kept. It is how every reader of the
 * store (aggregates, projections, history, point-in-time views, replays) sees old events in today's shape, without
 * rewriting the log. The next change of a record adds its own upcaster beside this one.
 */
public class TrailCompletedRevision0Upcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_0 = new SimpleSerializedType(TrailCompleted.class.getName(), "0");
    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(TrailCompleted.class.getName(), "1");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_0.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_1, JsonNode.class, payload -> {
            ObjectNode event = (ObjectNode) payload;
            if (!event.has("userName")) {
                event.putNull("userName");
            }
            if (!event.has("userEmail")) {
                event.putNull("userEmail");
            }
            return event;
        });
    }
}
