package io.progressledger.events.trail;

import io.progressledger.events.personal.PersonalValue;
import io.progressledger.events.EventUpcasters;
import io.progressledger.events.Provenance;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Completions stored by earlier versions read as revision 2 through the one chain every reader registers: revision 1
 * with its plain name and email as they were stored, revision 0 without them.
 */
class TrailCompletedRevision1UpcasterTest {

    private final Jackson3Serializer serializer = Jackson3Serializer.builder().build();

    @Test
    void a_revision_1_completion_reads_as_revision_2_with_its_plain_values() throws IOException {
        assertThat(read("1", fixture("TrailCompleted.1.json"))).containsExactly(new TrailCompleted(12345, 123456798,
                new PersonalValue.Plain("Aluno"), new PersonalValue.Plain("aluno@toolzz.com"), 987654, "Nome da trilha", Instant.parse("2022-03-10T21:56:47Z"), 1,
                List.of(new Course(123456, "Nome do curso")), new Provenance("toolzz",
                "12345:123456798:987654@2022-03-10 18:56:47", "49a93cf8-049d-40b5-8ca1-1d4f8afaf552",
                Instant.parse("2022-03-10T21:57:00Z"))));
    }

    @Test
    void a_revision_0_completion_goes_through_both_upcasters() throws IOException {
        List<Object> read = read("0", fixture("TrailCompleted.0.json"));

        assertThat(read).singleElement().isInstanceOfSatisfying(TrailCompleted.class, completion -> {
            assertThat(completion.userName()).isNull();
            assertThat(completion.trailName()).isEqualTo("Nome da trilha");
        });
    }

    private List<Object> read(String revision, byte[] stored) {
        var entry = new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(1), new GenericDomainEventEntry<>(
                "Trail", "12345:123456798:987654", 0, "event-1", "2022-03-10T21:57:01Z",
                TrailCompleted.class.getName(), revision, stored, "{}".getBytes(StandardCharsets.UTF_8)));
        return EventUtils.upcastAndDeserializeTrackedEvents(Stream.of(entry), serializer, EventUpcasters.chain())
                .map(message -> (Object) message.getPayload())
                .toList();
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = TrailCompletedRevision1UpcasterTest.class.getResourceAsStream("/events/" + name)) {
            return in.readAllBytes();
        }
    }
}
