package io.progressledger.command.webhook;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Beyond the deliveries it works on at once, the ledger sheds load with its own answer, counted. */
class AdmissionTest {

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final Admission admission = new Admission(new IngestionProperties(DataSize.ofKilobytes(256),
            Duration.ofSeconds(5), 30, 600, 2, Duration.ofSeconds(10), 50), metrics);

    @Test
    void a_delivery_beyond_the_in_flight_limit_waits_its_turn_then_is_shed() {
        Turn plenty = new Turn(System.nanoTime() + Duration.ofSeconds(60).toNanos());
        Turn brief = new Turn(System.nanoTime() + Duration.ofMillis(1).toNanos());

        double inFlight = admission.working(plenty, () -> admission.working(plenty, () -> {
            assertThatThrownBy(() -> admission.working(brief, () -> "a third at once"))
                    .isInstanceOf(Overloaded.class);
            return metrics.get("progress.deliveries.in-flight").gauge().value();
        }));

        assertThat(inFlight).isEqualTo(2.0);
        assertThat(admission.working(plenty, () -> "slots given back are taken again"))
                .isEqualTo("slots given back are taken again");
        assertThat(metrics.get("progress.deliveries.in-flight").gauge().value()).isZero();
    }

    @Test
    void a_shed_delivery_is_counted_and_answered_503_overloaded_with_retry_after() {
        admission.shed("phoenix", "in-flight-slot");
        Answer answer = new Answers(Duration.ofSeconds(5)).of("d-1", Verdict.Shed.overloaded(5));

        assertThat(metrics.get("progress.deliveries.shed").tags("source", "phoenix", "waited-for", "in-flight-slot")
                .counter().count()).isEqualTo(1.0);
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        ProblemDetail problem = (ProblemDetail) answer.body();
        assertThat(problem.getType().toString()).isEqualTo("/problems/overloaded");
        assertThat(problem.getProperties()).containsEntry("deliveryId", "d-1");
    }
}
