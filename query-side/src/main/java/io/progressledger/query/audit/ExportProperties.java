package io.progressledger.query.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The bound of {@code /api/audit/export} on one node ({@code progress.audit.export.*}): each export holds a request
 * thread for as long as its reader takes, so only so many run at once.
 *
 * @param maxConcurrent exports running at once on this node; beyond: 503 with {@code Retry-After}
 * @param retryAfter    what that refusal's {@code Retry-After} says
 */
@ConfigurationProperties("progress.audit.export")
public record ExportProperties(@DefaultValue("4") int maxConcurrent, @DefaultValue("30s") Duration retryAfter) {

    public ExportProperties {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("progress.audit.export.max-concurrent must be at least 1");
        }
    }
}
