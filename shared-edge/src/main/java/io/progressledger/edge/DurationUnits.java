package io.progressledger.edge;

import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every {@code progress.*} duration must say its unit ({@code 90d}, {@code 1h}, {@code 500ms}, or ISO-8601
 * {@code P90D}), be positive and not below its floor: Spring reads a bare number as milliseconds, so
 * {@code retention=90} meant 90 ms and a purge deleted every body. Anything else stops the start, naming the property.
 * Each application registers one (a static {@code @Bean}) with the floors of its own durations.
 */
public final class DurationUnits implements ConfigurationPropertiesBindHandlerAdvisor {

    private static final Pattern WITH_UNIT = Pattern.compile("(?i)\\s*[+-]?\\d+\\s*(ns|us|ms|s|m|h|d)\\s*|\\s*[+-]?P.+");

    private final Map<String, Duration> floors;

    /** @param floors the floor of each duration, by property name, where more than "positive" is sane */
    public DurationUnits(Map<String, Duration> floors) {
        this.floors = Map.copyOf(floors);
    }

    @Override
    public BindHandler apply(BindHandler parent) {
        return new AbstractBindHandler(parent) {
            @Override
            public Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
                                    Object result) {
                ConfigurationProperty property = context.getConfigurationProperty();
                if (result instanceof Duration duration && property != null
                        && name.toString().startsWith("progress.")) {
                    check(name.toString(), String.valueOf(property.getValue()), duration);
                }
                return super.onSuccess(name, target, context, result);
            }
        };
    }

    private void check(String name, String raw, Duration duration) {
        if (!WITH_UNIT.matcher(raw).matches()) {
            throw new IllegalArgumentException(name + "=" + raw + " has no unit: write it with one "
                    + "(90d, 1h, 30s, 500ms or ISO-8601 P90D); a bare number would mean milliseconds");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + "=" + raw + " must be positive");
        }
        Duration floor = floors.get(name);
        if (floor != null && duration.compareTo(floor) < 0) {
            throw new IllegalArgumentException(name + "=" + raw + " is below its minimum of " + floor);
        }
    }
}
