package io.progressledger.command;

import io.progressledger.edge.DurationUnits;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.Map;

/**
 * Every {@code progress.*} duration of the command side must say its unit, be positive and not below its floor
 * ({@link DurationUnits}); these are the command side's floors.
 */
@Configuration(proxyBeanMethods = false)
public class DurationSettings {

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
        return new DurationUnits(FLOORS);
    }
}
