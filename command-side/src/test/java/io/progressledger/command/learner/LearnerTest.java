package io.progressledger.command.learner;

import io.progressledger.command.Decision;
import io.progressledger.events.learner.LearnerDataErased;
import io.progressledger.events.learner.LearnerDataErased.RedactedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

/** Each erasure of a learner's data is recorded once; asking again when nothing is left records nothing. */
class LearnerTest {

    private static final Instant AT = Instant.parse("2024-05-02T09:30:00Z");
    private static final Instant LATER = Instant.parse("2024-06-01T08:00:00Z");

    private AggregateTestFixture<Learner> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Learner.class);
    }

    @Test
    void the_first_erasure_is_recorded_with_who_why_and_what() {
        fixture.givenNoPriorActivity()
                .when(erase(1, 2, List.of(), AT))
                .expectEvents(erased(1, 2, List.of(), AT))
                .expectResultMessagePayload(Decision.RECORDED);
    }

    @Test
    void a_first_request_with_nothing_held_is_still_recorded() {
        fixture.givenNoPriorActivity()
                .when(erase(0, 0, List.of(), AT))
                .expectEvents(erased(0, 0, List.of(), AT))
                .expectResultMessagePayload(Decision.RECORDED);
    }

    @Test
    void asking_again_with_nothing_left_records_nothing() {
        fixture.given(erased(1, 2, List.of(), AT))
                .when(erase(0, 0, List.of(), LATER))
                .expectNoEvents()
                .expectResultMessagePayload(Decision.DUPLICATE);
    }

    @Test
    void data_received_since_the_last_erasure_makes_a_new_one() {
        var redacted = List.of(new RedactedEvent(9, "e-9", "a".repeat(64), "b".repeat(64)));
        fixture.given(erased(1, 2, List.of(), AT))
                .when(erase(1, 0, redacted, LATER))
                .expectEvents(erased(1, 0, redacted, LATER))
                .expectResultMessagePayload(Decision.RECORDED);
    }

    private static EraseLearnerData erase(int keys, int bodies, List<RedactedEvent> redacted, Instant at) {
        return new EraseLearnerData(12345, 678, keys, bodies, redacted, "admin (dpo)", "DSR-1", at);
    }

    private static LearnerDataErased erased(int keys, int bodies, List<RedactedEvent> redacted, Instant at) {
        return new LearnerDataErased(12345, 678, keys, bodies, redacted, "admin (dpo)", "DSR-1", at);
    }
}
