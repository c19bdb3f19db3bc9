package io.progressledger.events.trail;

import io.progressledger.events.personal.PersonalData;
import io.progressledger.events.personal.PersonalValue;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Reads {@code TrailCompleted} revision 2, whose name and email were strings (sealed ones prefixed
 * {@code sealed:v1:}), as revision 3, where they are typed ({@link PersonalValue}): each string is read by
 * {@link PersonalData#fromLegacyText}. A revision-2 string shaped like a sealed value that the ledger did not seal (a
 * sender's name imitating the prefix) becomes a sealed value that no key opens: it reads as unreadable, and erasing
 * the learner redacts it in place (see {@code LegacyRedaction}). The stored events are not rewritten.
 */
public class TrailCompletedRevision2Upcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(TrailCompleted.class.getName(), "2");
    private static final SimpleSerializedType REVISION_3 = new SimpleSerializedType(TrailCompleted.class.getName(), "3");
    private static final List<String> PERSONAL_FIELDS = List.of("userName", "userEmail");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_2.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_3, JsonNode.class, payload -> {
            ObjectNode event = (ObjectNode) payload;
            for (String field : PERSONAL_FIELDS) {
                JsonNode value = event.get(field);
                if (value != null && value.isString()) {
                    event.set(field, JSON.valueToTree(PersonalData.fromLegacyText(value.stringValue())));
                }
            }
            return event;
        });
    }
}
