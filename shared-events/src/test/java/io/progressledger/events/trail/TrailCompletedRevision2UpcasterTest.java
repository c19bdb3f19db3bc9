package io.progressledger.events.trail;

import io.progressledger.events.EventUpcasters;
import io.progressledger.events.personal.PersonalDataCipher;
import io.progressledger.events.personal.PersonalValue;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Completions stored as revision 2 (name and email as strings, sealed ones prefixed {@code sealed:v1:}) read as
 * revision 3's typed values: the stored bytes are not rewritten, and a string imitating the prefix is never taken for
 * plain text nor fails the read.
 */
class TrailCompletedRevision2UpcasterTest {

    private final Jackson3Serializer serializer = Jackson3Serializer.builder().build();

    @Test
    void sealed_strings_of_revision_2_read_as_sealed_values_of_their_key() throws IOException {
        TrailCompleted read = read(fixture());

        assertThat(read.userName()).isEqualTo(new PersonalValue.Sealed(PersonalDataCipher.LEGACY_V1,
                "0f8c2a4e-5b6d-4c3e-9a1b-2d3c4e5f6a7b", "q8Jv0xQ1d3m5Yb0bF3sG1kz2Tn4X9w"));
        assertThat(read.trailName()).isEqualTo("Nome da trilha");
    }

    @Test
    void plain_erased_and_imitating_strings_of_revision_2_read_as_what_they_are() {
        String stored = """
                {"institutionId":1,"userId":2,"userName":"sealed:v1:no-colon-after-the-key","userEmail":"[erased]",
                 "trailId":3,"trailName":"t","finishedAt":"2022-03-10T21:56:47Z","completionNumber":1,"courses":[],
                 "provenance":{"source":"toolzz","senderEventId":"k","deliveryId":"d","receivedAt":"2022-03-10T21:57:00Z"}}""";

        TrailCompleted read = read(stored.getBytes(StandardCharsets.UTF_8));

        assertThat(read.userName()).isInstanceOf(PersonalValue.Sealed.class);
        assertThat(read.userEmail()).isEqualTo(new PersonalValue.Redacted());
        TrailCompleted plain = read(stored.replace("sealed:v1:no-colon-after-the-key", "Ana")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(plain.userName()).isEqualTo(new PersonalValue.Plain("Ana"));
    }

    private TrailCompleted read(byte[] stored) {
        var entry = new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(1), new GenericDomainEventEntry<>(
                "Trail", "12345:123456798:987654", 0, "event-1", "2022-03-10T21:57:01Z",
                TrailCompleted.class.getName(), "2", stored, "{}".getBytes(StandardCharsets.UTF_8)));
        return (TrailCompleted) EventUtils.upcastAndDeserializeTrackedEvents(Stream.of(entry), serializer,
                        EventUpcasters.chain())
                .map(message -> (Object) message.getPayload())
                .findFirst().orElseThrow();
    }

    private static byte[] fixture() throws IOException {
        try (InputStream in = TrailCompletedRevision2UpcasterTest.class.getResourceAsStream(
                "/events/TrailCompleted.2.json")) {
            return in.readAllBytes();
        }
    }
}
