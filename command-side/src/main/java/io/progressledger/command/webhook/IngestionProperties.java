package io.progressledger.command.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * How webhook calls are taken in.
 *
 * @param maxBodySize          larger bodies are refused with 413 (default 256 KiB)
 * @param allowUnauthenticated accept calls for a source that has no credentials configured; for local development
 *                             only (the {@code dev} profile), announced by a warning at start-up
 * @param retryAfter           what a 503 tells the sender to wait before retrying
 */
@ConfigurationProperties("progress.ingestion")
public record IngestionProperties(
        @DefaultValue("256KB") DataSize maxBodySize,
        @DefaultValue("false") boolean allowUnauthenticated,
        @DefaultValue("5s") Duration retryAfter) {
}
