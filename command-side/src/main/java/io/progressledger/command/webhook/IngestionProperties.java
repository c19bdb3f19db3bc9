package io.progressledger.command.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * How webhook calls are taken in.
 *
 * @param maxBodySize          larger bodies are refused with 413 (default 256 KiB)
 * @param retryAfter           what a 503 tells the sender to wait before retrying
 */
@ConfigurationProperties("progress.ingestion")
public record IngestionProperties(
        @DefaultValue("256KB") DataSize maxBodySize,
        @DefaultValue("5s") Duration retryAfter) {
}
