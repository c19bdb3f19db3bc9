package io.progressledger.command.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

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

    /** {@code progress.delivery-log.*}. */
    @ConfigurationProperties("progress.delivery-log")
    public record Properties(@DefaultValue("90d") Duration retention, @DefaultValue("1h") Duration purgeInterval) {
    }

    /** One purge: when, which bodies (received before {@code cutoff}), how many, who asked. */
    public record Purge(String id, Instant purgedAt, Instant cutoff, int bodiesDeleted, String requestedBy) {
    }

    private final DeliveryLog deliveryLog;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Properties properties;
    private final Clock clock;

    public DeliveryRetention(DeliveryLog deliveryLog, JdbcClient jdbc, TransactionTemplate transaction,
                             Properties properties, Clock clock) {
        this.deliveryLog = deliveryLog;
        this.jdbc = jdbc;
        this.transaction = transaction;
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
     * Deletes the bodies past retention now, and records the purge (a scheduled purge that found nothing is not
     * recorded, to keep the record readable).
     */
    public Purge purge(String requestedBy, boolean recordEvenIfNothing) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant cutoff = now.minus(properties.retention());
        return transaction.execute(status -> {
            int deleted = deliveryLog.purgeBodies(cutoff, now);
            Purge purge = new Purge(UUID.randomUUID().toString(), now, cutoff, deleted, requestedBy);
            if (deleted > 0 || recordEvenIfNothing) {
                jdbc.sql("""
                                INSERT INTO delivery_purge (id, purged_at, cutoff, bodies_deleted, requested_by)
                                VALUES (?, ?, ?, ?, ?)""")
                        .params(purge.id(), utc(now), utc(cutoff), deleted, requestedBy)
                        .update();
            }
            return purge;
        });
    }

    /** The recorded purges, newest first. */
    public List<Purge> purges(int limit) {
        return jdbc.sql("SELECT * FROM delivery_purge ORDER BY purged_at DESC FETCH FIRST ? ROWS ONLY")
                .param(limit)
                .query((rs, n) -> new Purge(rs.getString("id"),
                        rs.getObject("purged_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("cutoff", OffsetDateTime.class).toInstant(), rs.getInt("bodies_deleted"),
                        rs.getString("requested_by")))
                .list();
    }

    public Duration retention() {
        return properties.retention();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
