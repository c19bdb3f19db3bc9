package io.progressledger.command.trail;

import io.progressledger.events.personal.PersonalValue;
import io.progressledger.command.Decision;
import io.progressledger.events.Provenance;
import io.progressledger.events.trail.Course;
import io.progressledger.events.trail.LearnerTrailId;
import io.progressledger.events.trail.TrailCompleted;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

class TrailTest {

    private static final LearnerTrailId LEARNER_TRAIL = new LearnerTrailId(12345, 123456798, 987654);
    private static final Instant FIRST = Instant.parse("2022-03-10T21:56:47Z");
    private static final Instant LATER = Instant.parse("2022-09-01T13:00:00Z");
    private static final List<Course> COURSES = List.of(new Course(123456, "Nome do curso"));

    private AggregateTestFixture<Trail> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Trail.class);
    }

    @Test
    void a_first_completion_is_completion_number_one() {
        fixture.givenNoPriorActivity()
                .when(complete(FIRST))
                .expectEvents(completed(FIRST, 1))
                .expectResultMessagePayload(Decision.RECORDED);
    }

    @Test
    void the_same_finish_time_again_is_a_repeated_delivery() {
        fixture.given(completed(FIRST, 1))
                .when(complete(FIRST))
                .expectNoEvents()
                .expectResultMessagePayload(Decision.DUPLICATE);
    }

    @Test
    void a_later_finish_time_is_a_second_completion() {
        fixture.given(completed(FIRST, 1))
                .when(complete(LATER))
                .expectEvents(completed(LATER, 2))
                .expectResultMessagePayload(Decision.RECORDED);
    }

    @Test
    void a_repeat_of_the_first_completion_after_the_second_is_still_a_duplicate() {
        fixture.given(completed(FIRST, 1), completed(LATER, 2))
                .when(complete(FIRST))
                .expectNoEvents()
                .expectResultMessagePayload(Decision.DUPLICATE);
    }

    private static CompleteTrail complete(Instant finishedAt) {
        return new CompleteTrail(LEARNER_TRAIL, new PersonalValue.Plain("Aluno"),
                new PersonalValue.Plain("aluno@toolzz.com"), "Nome da trilha", finishedAt, COURSES,
                provenance(finishedAt));
    }

    private static TrailCompleted completed(Instant finishedAt, int completionNumber) {
        return new TrailCompleted(12345, 123456798, new PersonalValue.Plain("Aluno"),
                new PersonalValue.Plain("aluno@toolzz.com"), 987654, "Nome da trilha",
                finishedAt, completionNumber, COURSES, provenance(finishedAt));
    }

    private static Provenance provenance(Instant finishedAt) {
        return new Provenance("toolzz", "12345:123456798:987654:" + finishedAt, "delivery-" + finishedAt,
                Instant.parse("2022-09-01T13:00:01Z"));
    }
}
