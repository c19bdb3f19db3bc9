package io.progressledger.query;

import io.progressledger.edge.DurationUnits;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.Map;

/**
 * Every {@code progress.*} duration of the query side must say its unit, be positive and not below its floor
 * ({@link DurationUnits}); these are the query side's floors.
 */
@Configuration(proxyBeanMethods = false)
public class DurationSettings {

    /** The floor of each duration, where more than "positive" is sane. */
    private static final Map<String, Duration> FLOORS = Map.of(
            // Polling the event store more often than every millisecond is a unit mistaken.
            "progress.event-store.fetch-delay", Duration.ofMillis(1),
            "progress.read-your-writes.refresh-interval", Duration.ofMillis(1),
            "progress.read-your-writes.timeout", Duration.ofMillis(10),
            // A live stream's heartbeat is written to every client; its lifetime makes every client reconnect.
            "progress.stream.heartbeat", Duration.ofMillis(100),
            "progress.stream.max-lifetime", Duration.ofSeconds(1),
            // Below a second, an honest client on a slow link could not send a small body in time.
            "progress.requests.body-read-deadline", Duration.ofSeconds(1));

    @Bean
    static ConfigurationPropertiesBindHandlerAdvisor durationsNeedUnits() {
        return new DurationUnits(FLOORS);
    }
}
