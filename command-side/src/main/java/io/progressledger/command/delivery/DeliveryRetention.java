package io.progressledger.command.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Raw bodies are evidence for a while, then a liability: they are deleted (the rows, not a flag) once older than
 * {@code progress.delivery-log.retention}, every {@code purge-interval} and on demand. The delivery's metadata, its
 * events and the record of each purge stay. Several nodes may purge at once: deleting twice deletes once.
 */
@Component
public class DeliveryRetention {

    private static final Logger log = LoggerFactory.getLogger(DeliveryRetention.class);

    /**
     * {@code progress.delivery-log.*}.
     *
     * @param retention     how long raw bodies are kept (at least a day, see DurationSettings)
     * @param purgeInterval how often bodies past retention are deleted (at least a minute)
     * @param batchSize     bodies deleted (or examined) per transaction by purges and erasures (1 to 10,000)
     */
    @ConfigurationProperties("progress.delivery-log")
    public record Properties(@DefaultValue("90d") Duration retention, @DefaultValue("1h") Duration purgeInterval,
                             @DefaultValue("100") int batchSize) {

        public Properties {
            if (batchSize < 1 || batchSize > 10_000) {
                throw new IllegalArgumentException("progress.delivery-log.batch-size must be between 1 and 10000, not "
                        + batchSize);
            }
        }
    }

    /**
     * One purge: when, which bodies (received before {@code cutoff}), how many, in how many transactions, who asked.
     */
    public record Purge(String id, Instant purgedAt, Instant cutoff, int bodiesDeleted, int batches,
                        String requestedBy) {
    }

    private final BodyRemoval bodyRemoval;
    private final JdbcClient jdbc;
    private final Properties properties;
    private final Clock clock;

    public DeliveryRetention(BodyRemoval bodyRemoval, JdbcClient jdbc, Properties properties, Clock clock) {
        this.bodyRemoval = bodyRemoval;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${progress.delivery-log.purge-interval:1h}",
            fixedDelayString = "${progress.delivery-log.purge-interval:1h}")
    void onSchedule() {
        Purge purge = purge("schedule", false);
        if (purge.bodiesDeleted() > 0) {
            log.info("delivery log: {} bodies received before {} deleted (retention {})", purge.bodiesDeleted(),
                    purge.cutoff(), properties.retention());
        }
    }

    /**
     * Deletes the bodies past retention now, in batches ({@link BodyRemoval}), and records the purge (a scheduled
     * purge that found nothing is not recorded, to keep the record readable).
     */
    public Purge purge(String requestedBy, boolean recordEvenIfNothing) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant cutoff = now.minus(properties.retention());
        BodyRemoval.Removed removed = bodyRemoval.purge(cutoff, now);
        Purge purge = new Purge(UUID.randomUUID().toString(), now, cutoff, removed.bodies(), removed.batches(),
                requestedBy);
        if (removed.bodies() > 0 || recordEvenIfNothing) {
            jdbc.sql("""
                            INSERT INTO delivery_purge (id, purged_at, cutoff, bodies_deleted, batches, requested_by)
                            VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(purge.id(), utc(now), utc(cutoff), removed.bodies(), removed.batches(), requestedBy)
                    .update();
        }
        return purge;
    }

    /** The recorded purges, newest first. */
    public List<Purge> purges(int limit) {
        return jdbc.sql("SELECT * FROM delivery_purge ORDER BY purged_at DESC FETCH FIRST ? ROWS ONLY")
                .param(limit)
                .query((rs, n) -> new Purge(rs.getString("id"),
                        rs.getObject("purged_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("cutoff", OffsetDateTime.class).toInstant(), rs.getInt("bodies_deleted"),
                        rs.getInt("batches"), rs.getString("requested_by")))
                .list();
    }

    public Duration retention() {
        return properties.retention();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
