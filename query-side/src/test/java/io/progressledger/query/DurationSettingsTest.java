package io.progressledger.query;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A duration without a unit (Spring would read a bare number as milliseconds) or below its floor stops the query
 * side at start-up, with a message naming the property.
 */
class DurationSettingsTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "progress.read-your-writes.timeout       | 2     | progress.read-your-writes.timeout=2 has no unit",
            "progress.read-your-writes.timeout       | 1ms   | progress.read-your-writes.timeout=1ms is below its minimum of PT0.01S",
            "progress.read-your-writes.refresh-interval | 5  | progress.read-your-writes.refresh-interval=5 has no unit",
            "progress.event-store.fetch-delay        | 20    | progress.event-store.fetch-delay=20 has no unit",
            "progress.event-store.fetch-delay        | 0ms   | progress.event-store.fetch-delay=0ms must be positive",
    })
    void a_duration_without_a_unit_or_below_its_floor_stops_the_start(String property, String value, String message) {
        String dataDir = "./target/test-data/" + UUID.randomUUID();
        assertThatThrownBy(() -> new SpringApplicationBuilder(QuerySideApplication.class).run("--server.port=0",
                "--progress.data-dir=" + dataDir,
                "--progress.event-store.url=jdbc:h2:file:" + dataDir + "/events", "--" + property + "=" + value)
                .close())
                .satisfies(failure -> assertThat(causes(failure)).contains(message));
    }

    private static String causes(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
