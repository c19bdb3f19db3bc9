package io.progressledger.query;

import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every {@code progress.*} duration of the query side must say its unit ({@code 90d}, {@code 1h}, {@code 500ms}, or
 * ISO-8601 {@code P90D}), be positive and not below its floor: Spring reads a bare number as milliseconds, so
 * {@code retention=90} meant 90 ms and a purge deleted every body. Anything else stops the start, naming the property.
 * (The command side checks its own durations the same way.)
 */
@Configuration(proxyBeanMethods = false)
public class DurationSettings {

    private static final Pattern WITH_UNIT = Pattern.compile("(?i)\\s*[+-]?\\d+\\s*(ns|us|ms|s|m|h|d)\\s*|\\s*[+-]?P.+");

    /** The floor of each duration, where more than "positive" is sane. */
    private static final Map<String, Duration> FLOORS = Map.of(
            // Polling the event store more often than every millisecond is a unit mistaken.
            "progress.event-store.fetch-delay", Duration.ofMillis(1),
            "progress.read-your-writes.poll-interval", Duration.ofMillis(1),
            "progress.read-your-writes.timeout", Duration.ofMillis(10),
            // A live stream's heartbeat is written to every client; its lifetime makes every client reconnect.
            "progress.stream.heartbeat", Duration.ofMillis(100),
            "progress.stream.max-lifetime", Duration.ofSeconds(1));

    @Bean
    static ConfigurationPropertiesBindHandlerAdvisor durationsNeedUnits() {
        return DurationSettings::unitsRequired;
    }

    private static BindHandler unitsRequired(BindHandler parent) {
        return new AbstractBindHandler(parent) {
            @Override
            public Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
                                    Object result) {
                ConfigurationProperty property = context.getConfigurationProperty();
                if (result instanceof Duration duration && property != null
                        && name.toString().startsWith("progress.")) {
                    String raw = String.valueOf(property.getValue());
                    if (!WITH_UNIT.matcher(raw).matches()) {
                        throw new IllegalArgumentException(name + "=" + raw + " has no unit: write it with one "
                                + "(90d, 1h, 30s, 500ms or ISO-8601 P90D); a bare number would mean milliseconds");
                    }
                    if (duration.isNegative() || duration.isZero()) {
                        throw new IllegalArgumentException(name + "=" + raw + " must be positive");
                    }
                    Duration floor = FLOORS.get(name.toString());
                    if (floor != null && duration.compareTo(floor) < 0) {
                        throw new IllegalArgumentException(name + "=" + raw + " is below its minimum of " + floor);
                    }
                }
                return super.onSuccess(name, target, context, result);
            }
        };
    }
}
