package io.progressledger.query.audit;

import io.progressledger.query.eventstore.EventLog;
import io.progressledger.query.eventstore.StoredEvent;
import io.progressledger.query.privacy.PersonalDataReveal;

import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Turns stored events into what auditors read: the payload read through the same upcasters every view uses, its
 * personal data revealed (or shown erased), with the event's identity and provenance.
 */
@Component
public class AuditEvents {

    private final Serializer eventSerializer;
    private final EventUpcaster upcasters;
    private final JsonMapper json;
    private final PersonalDataReveal reveal;

    public AuditEvents(@Qualifier("eventSerializer") Serializer eventSerializer,
                       org.axonframework.config.Configuration axon, JsonMapper json, PersonalDataReveal reveal) {
        this.eventSerializer = eventSerializer;
        this.upcasters = axon.upcasterChain();
        this.json = json;
        this.reveal = reveal;
    }

    /**
     * The events as the current code reads them, personal data revealed (an upcaster may turn one stored event into
     * none or several).
     */
    public List<AuditEvent> read(List<StoredEvent> stored) {
        record Read(StoredEvent stored, TrackedEventMessage<?> message) {
        }
        List<Read> read = stored.stream().flatMap(event -> messages(event).map(message -> new Read(event, message)))
                .toList();
        List<Object> payloads = reveal.reveal(read.stream().map(r -> (Object) r.message().getPayload()).toList());
        List<AuditEvent> events = new ArrayList<>(read.size());
        for (int i = 0; i < read.size(); i++) {
            events.add(view(read.get(i).stored(), read.get(i).message(), payloads.get(i)));
        }
        return events;
    }

    private Stream<? extends TrackedEventMessage<?>> messages(StoredEvent event) {
        var data = new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(event.globalPosition()),
                new GenericDomainEventEntry<>(event.aggregateType(), event.aggregateId(), event.sequenceNumber(),
                        event.eventIdentifier(), event.timestamp(), event.payloadType(), event.payloadRevision(),
                        event.payload(), event.metaData()));
        return EventUtils.upcastAndDeserializeTrackedEvents(Stream.of(data), eventSerializer, upcasters);
    }

    private AuditEvent view(StoredEvent stored, TrackedEventMessage<?> message, Object payload) {
        Revision revision = payload.getClass().getAnnotation(Revision.class);
        MetaData metaData = message.getMetaData();
        return new AuditEvent(stored.globalPosition(), stored.sequenceNumber(), stored.aggregateType(),
                stored.aggregateId(), payload.getClass().getSimpleName(), stored.payloadRevision(),
                revision == null ? null : revision.value(), stored.timestamp(), json.valueToTree(payload),
                new AuditEvent.Metadata(text(metaData.get("deliveryId")), text(metaData.get("source")),
                        text(metaData.get("senderEventId")), text(metaData.get("receivedAt"))));
    }

    private static String text(Object value) {
        return value == null ? null : Objects.toString(value);
    }
}
