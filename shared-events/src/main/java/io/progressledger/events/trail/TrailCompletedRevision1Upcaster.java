package io.progressledger.events.trail;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code TrailCompleted} revision 1, whose name and email were stored in plain text, as revision 2: the shape
 * is the same, and a reader reveals a plain value as it is (see {@code PersonalData}). Erasing such a learner
 * redacts those stored values in place, a rewrite the erasure records (see {@code LearnerDataErased}).
 */
public class TrailCompletedRevision1Upcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(TrailCompleted.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(TrailCompleted.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> payload);
    }
}
