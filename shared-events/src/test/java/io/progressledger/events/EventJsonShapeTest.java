package io.progressledger.events;

import io.progressledger.events.personal.PersonalDataCipher;
import io.progressledger.events.personal.PersonalValue;
import io.progressledger.events.learner.LearnerDataErased;
import io.progressledger.events.talent.BlockStatus;
import io.progressledger.events.talent.TalentBlockStatusChanged;
import io.progressledger.events.talent.TalentBlockUnlocked;
import io.progressledger.events.trail.Course;
import io.progressledger.events.trail.TrailCompleted;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored JSON of each event revision, pinned by a fixture: a change to a record that would change what is
 * stored (and what auditors read) fails here, and needs a new revision with an upcaster instead.
 */
class EventJsonShapeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of("TalentBlockUnlocked.1.json", new TalentBlockUnlocked(
                        "9c40bc21-5269-46d8-9b8d-c8c7f85c6499", "c8c7f85c6499-5269-46d8-9b8d-9c40bc21",
                        "eb7ef94b-9da8-4650-a9c0-0682101dc703", "5c9c487f-bdd9-4f3a-8549-a26a8a486c4f",
                        "dceea9b7-5740-4f33-b080-a54c27223107", "dd28e0a9-8729-4347-962b-3a6c376898af", 1,
                        BlockStatus.NOT_STARTED, List.of(), Instant.parse("2023-07-09T14:59:53.072Z"),
                        Instant.parse("2023-07-09T14:59:53.085Z"), new Provenance("phoenix", "6098395",
                        "7aafea79-a8af-4471-b909-1e8a23061e68", Instant.parse("2023-07-09T15:00:00.123456Z")))),
                Arguments.of("TalentBlockStatusChanged.1.json", new TalentBlockStatusChanged(
                        "9c40bc21-5269-46d8-9b8d-c8c7f85c6499", "c8c7f85c6499-5269-46d8-9b8d-9c40bc21",
                        "eb7ef94b-9da8-4650-a9c0-0682101dc703", "5c9c487f-bdd9-4f3a-8549-a26a8a486c4f",
                        "dceea9b7-5740-4f33-b080-a54c27223107", "dd28e0a9-8729-4347-962b-3a6c376898af", 1,
                        BlockStatus.NOT_STARTED, BlockStatus.IN_PROGRESS, List.of("a1"),
                        Instant.parse("2023-07-10T09:00:00Z"), new Provenance("phoenix", "6098500",
                        "1b5b7d3e-51a4-4f0e-9d3b-4a1f0f0f2a10", Instant.parse("2023-07-10T09:00:01Z")))),
                Arguments.of("TrailCompleted.1.json", new TrailCompleted(12345, 123456798,
                        new PersonalValue.Plain("Aluno"), new PersonalValue.Plain("aluno@toolzz.com"), 987654, "Nome da trilha", Instant.parse("2022-03-10T21:56:47Z"), 1,
                        List.of(new Course(123456, "Nome do curso")), new Provenance("toolzz",
                        "12345:123456798:987654@2022-03-10 18:56:47", "49a93cf8-049d-40b5-8ca1-1d4f8afaf552",
                        Instant.parse("2022-03-10T21:57:00Z")))),
                Arguments.of("TrailCompleted.3.json", new TrailCompleted(12345, 123456798,
                        new PersonalValue.Sealed(PersonalDataCipher.SUBJECT_BOUND,
                                "0f8c2a4e-5b6d-4c3e-9a1b-2d3c4e5f6a7b", "q8Jv0xQ1d3m5Yb0bF3sG1kz2Tn4X9w"),
                        new PersonalValue.Redacted(), 987654,
                        "Nome da trilha", Instant.parse("2022-03-10T21:56:47Z"), 1,
                        List.of(new Course(123456, "Nome do curso")), new Provenance("toolzz",
                        "12345:123456798:987654@2022-03-10 18:56:47", "49a93cf8-049d-40b5-8ca1-1d4f8afaf552",
                        Instant.parse("2022-03-10T21:57:00Z")))),
                Arguments.of("LearnerDataErased.1.json", new LearnerDataErased(12345, 123456798, 1, 2,
                        List.of(new LearnerDataErased.RedactedEvent(17, "4c1e9a52-8d7b-4f3a-b6e2-0a9c8d7e6f51",
                                "a".repeat(64), "b".repeat(64))), "admin (dpo)", "data subject request DSR-17",
                        Instant.parse("2024-05-02T09:30:00Z"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void an_event_is_stored_as_its_fixture_and_read_back_unchanged(String fixture, Object event) throws IOException {
        JsonNode expected = fixture(fixture);

        String stored = JSON.writeValueAsString(event);
        assertThat(JSON.readTree(stored)).as(stored).isEqualTo(expected);
        assertThat(JSON.treeToValue(expected, event.getClass())).isEqualTo(event);
    }

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = EventJsonShapeTest.class.getResourceAsStream("/events/" + name)) {
            return JSON.readTree(in);
        }
    }
}
