package io.progressledger.edge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Durations bound by Spring Boot's binder with the rule attached (no application): a bare number (Spring would read
 * {@code retention=90} as 90 milliseconds), a non-positive value or one below its floor is refused, naming the property.
 */
class DurationUnitsTest {

    private static final DurationUnits RULE = new DurationUnits(Map.of("progress.log.retention", Duration.ofDays(1)));

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "progress.log.retention | 90    | progress.log.retention=90 has no unit",
            "progress.log.retention | 2h    | progress.log.retention=2h is below its minimum of PT24H",
            "progress.log.retention | -90d  | progress.log.retention=-90d must be positive",
            "progress.poll          | 0ms   | progress.poll=0ms must be positive",
            "progress.poll          | 5     | progress.poll=5 has no unit",
    })
    void a_duration_without_a_unit_or_below_its_floor_is_refused(String property, String value, String message) {
        assertThatThrownBy(() -> bind(property, value)).rootCause().hasMessageContaining(message);
    }

    @Test
    void a_duration_with_its_unit_or_outside_the_ledgers_settings_binds() {
        assertThat(bind("progress.log.retention", "90d")).isEqualTo(Duration.ofDays(90));
        assertThat(bind("progress.log.retention", "P1D")).isEqualTo(Duration.ofDays(1));
        assertThat(bind("progress.poll", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(bind("spring.other.timeout", "90")).as("not the ledger's: Spring's own rules").isEqualTo(
                Duration.ofMillis(90));
    }

    private static Duration bind(String property, String value) {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(property, value)));
        return binder.bind(property, Bindable.of(Duration.class), RULE.apply(BindHandler.DEFAULT)).get();
    }
}
