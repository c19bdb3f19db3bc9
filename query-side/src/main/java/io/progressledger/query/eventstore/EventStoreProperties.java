package io.progressledger.query.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Where the query side reads events from.
 *
 * @param url        JDBC URL of the command side's event store; empty means the application's own data source (one
 *                   PostgreSQL database for everything). The embedded default opens the command side's H2 file.
 * @param fetchDelay how often the event store is polled for events written by other processes; the floor of the
 *                   delay between a webhook's 200 and its visibility in the views
 * @param batchSize  how many events one poll reads at most
 */
@ConfigurationProperties("progress.event-store")
public record EventStoreProperties(
        String url,
        @DefaultValue("sa") String username,
        @DefaultValue("") String password,
        @DefaultValue("4") int maximumPoolSize,
        @DefaultValue("20ms") Duration fetchDelay,
        @DefaultValue("1000") int batchSize) {

    public boolean ownDatabase() {
        return url != null && !url.isBlank();
    }
}
