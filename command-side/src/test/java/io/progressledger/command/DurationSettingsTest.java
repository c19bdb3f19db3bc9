package io.progressledger.command;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A duration without a unit (Spring would read {@code retention=90} as 90 milliseconds, and a purge then deleted
 * every body) or below its floor stops the application at start-up, with a message naming the property.
 */
@Tag("application")
class DurationSettingsTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "progress.delivery-log.retention      | 90    | progress.delivery-log.retention=90 has no unit",
            "progress.delivery-log.retention      | 2h    | progress.delivery-log.retention=2h is below its minimum of PT24H",
            "progress.delivery-log.purge-interval | 3600  | progress.delivery-log.purge-interval=3600 has no unit",
            "progress.ingestion.retry-after       | 5     | progress.ingestion.retry-after=5 has no unit",
            "progress.ingestion.retry-after       | 100ms | progress.ingestion.retry-after=100ms is below its minimum of PT1S",
            "progress.ingestion.body-read-deadline | 5   | progress.ingestion.body-read-deadline=5 has no unit",
            "progress.ingestion.body-read-deadline | 500ms | progress.ingestion.body-read-deadline=500ms is below its minimum of PT1S",
            "progress.delivery-log.retention      | -90d  | progress.delivery-log.retention=-90d must be positive",
    })
    void a_duration_without_a_unit_or_below_its_floor_stops_the_start(String property, String value, String message) {
        assertThatThrownBy(() -> start(property + "=" + value).close())
                .satisfies(failure -> assertThat(causes(failure)).contains(message));
    }

    private static org.springframework.context.ConfigurableApplicationContext start(String setting) {
        return new SpringApplicationBuilder(CommandSideApplication.class).run("--server.port=0",
                "--progress.data-dir=./target/test-data/" + UUID.randomUUID(), "--" + setting);
    }

    private static String causes(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
