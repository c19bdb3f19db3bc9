package io.progressledger.events.trail;

import io.progressledger.events.Provenance;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A revision-0 TrailCompleted, as stored by an earlier version (fixture), reads as today's record. */
class TrailCompletedRevision0UpcasterTest {

    private final Jackson3Serializer serializer = Jackson3Serializer.builder().build();

    @Test
    void a_completion_stored_without_the_learners_name_reads_with_an_unknown_name() throws IOException {
        byte[] stored;
        try (InputStream in = getClass().getResourceAsStream("/events/TrailCompleted.0.json")) {
            stored = in.readAllBytes();
        }

        List<Object> read = EventUtils.upcastAndDeserializeTrackedEvents(Stream.of(entry("0", stored)), serializer,
                        new TrailCompletedRevision0Upcaster())
                .map(message -> (Object) message.getPayload())
                .toList();

        assertThat(read).containsExactly(new TrailCompleted(12345, 123456798, null, null, 987654, "Nome da trilha",
                Instant.parse("2021-11-02T13:00:00Z"), 1, List.of(new Course(123456, "Nome do curso")),
                new Provenance("toolzz", "12345:123456798:987654@2021-11-02 10:00:00",
                        "0a1b2c3d-0000-4000-8000-000000000000", Instant.parse("2021-11-02T13:00:02Z"))));
    }

    @Test
    void the_current_revision_is_left_alone() {
        byte[] current = "{\"userName\":\"Aluno\"}".getBytes(StandardCharsets.UTF_8);

        List<String> revisions = new TrailCompletedRevision0Upcaster()
                .upcast(Stream.of(new InitialEventRepresentation(entry("1", current), serializer)))
                .map(representation -> representation.getType().getRevision())
                .toList();

        assertThat(revisions).containsExactly("1");
    }

    private static TrackedDomainEventData<byte[]> entry(String revision, byte[] payload) {
        return new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(1), new GenericDomainEventEntry<>(
                "Trail", "12345:123456798:987654", 0, "event-1", "2021-11-02T13:00:03Z",
                TrailCompleted.class.getName(), revision, payload, "{}".getBytes(StandardCharsets.UTF_8)));
    }
}
