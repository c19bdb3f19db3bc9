package io.progressledger.command;

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
 * Every {@code progress.*} duration of the command side must say its unit ({@code 90d}, {@code 1h}, {@code 500ms}, or
 * ISO-8601 {@code P90D}), be positive and not below its floor: Spring reads a bare number as milliseconds, so
 * {@code retention=90} meant 90 ms and a purge deleted every body. Anything else stops the start, naming the property.
 * (The query side checks its own durations the same way.)
 */
@Configuration(proxyBeanMethods = false)
public class DurationSettings {

    private static final Pattern WITH_UNIT = Pattern.compile("(?i)\\s*[+-]?\\d+\\s*(ns|us|ms|s|m|h|d)\\s*|\\s*[+-]?P.+");

    /** The floor of each duration, where more than "positive" is sane. */
    private static final Map<String, Duration> FLOORS = Map.of(
            // Deleting evidence sooner than a day is a unit mistaken, not a policy.
            "progress.delivery-log.retention", Duration.ofDays(1),
            "progress.delivery-log.purge-interval", Duration.ofMinutes(1),
            // Retry-After is in whole seconds: less than one would tell senders to retry at once.
            "progress.ingestion.retry-after", Duration.ofSeconds(1),
            // Less than a second would refuse honest senders on a busy network.
            "progress.ingestion.body-read-deadline", Duration.ofSeconds(1));

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
