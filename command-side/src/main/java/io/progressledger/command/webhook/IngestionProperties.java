package io.progressledger.command.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * How webhook calls are taken in. (How long a request may take to arrive, {@code body-read-deadline}, is in
 * {@link io.progressledger.command.RequestDeadlineProperties}: it holds on every route.)
 *
 * @param maxBodySize                      larger bodies are refused with 413 (default 256 KiB)
 * @param retryAfter                       what a 503 tells the sender to wait before retrying
 * @param refusedCallsPerAddressPerMinute  calls refused before authentication recorded per client address and
 *                                         minute; beyond, 429 and nothing recorded
 * @param refusedCallsPerMinute            the same, for all addresses together
 * @param maxInFlight                      deliveries worked on in the database at once; more wait for a slot (see
 *                                         maxWait); the application sets it to the connection pool's size
 * @param maxBodyReaders                   webhook calls whose body is still arriving that a node reads at once (a body
 *                                         that came with its headers does not count); beyond, 503 overloaded at once
 *                                         and the connection closed, so slow senders hold at most this many threads
 * @param maxWait                          how long a delivery may wait in all for its turn (a slot, its aggregate,
 *                                         the first copy of its idempotency key, a database connection) before it
 *                                         is answered 503 overloaded
 */
@ConfigurationProperties("progress.ingestion")
public record IngestionProperties(
        @DefaultValue("256KB") DataSize maxBodySize,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("30") int refusedCallsPerAddressPerMinute,
        @DefaultValue("600") int refusedCallsPerMinute,
        @DefaultValue("10") int maxInFlight,
        @DefaultValue("10s") Duration maxWait,
        @DefaultValue("50") int maxBodyReaders) {

    public IngestionProperties {
        if (maxBodyReaders < 1) {
            throw new IllegalArgumentException("progress.ingestion.max-body-readers=" + maxBodyReaders
                    + " must be at least 1");
        }
    }
}
