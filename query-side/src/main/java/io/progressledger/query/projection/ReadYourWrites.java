package io.progressledger.query.projection;

import io.progressledger.query.api.ViewsBehind;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * {@code ?minPosition=N} on a read: wait, for a bounded time, until the projection behind it has processed global
 * position N (the {@code globalPosition} a webhook answer names), so a client reads its own write without sleeping.
 */
@Component
public class ReadYourWrites {

    /** {@code progress.read-your-writes.timeout}: the longest a read waits (default 2 s). */
    @ConfigurationProperties("progress.read-your-writes")
    public record Properties(@DefaultValue("2s") Duration timeout, @DefaultValue("5ms") Duration pollInterval) {
    }

    private final ProjectionProcessors processors;
    private final Properties properties;

    public ReadYourWrites(ProjectionProcessors processors, Properties properties) {
        this.processors = processors;
        this.properties = properties;
    }

    /** Returns once the projection has processed {@code minPosition}; does nothing when it is null. */
    public void await(String projection, Long minPosition) {
        if (minPosition == null) {
            return;
        }
        long deadline = System.nanoTime() + properties.timeout().toNanos();
        while (true) {
            ProcessedPositions.Progress progress = processors.progress(processors.active(projection).orElseThrow());
            if (progress.covers(minPosition)) {
                return;
            }
            if (System.nanoTime() >= deadline) {
                throw new ViewsBehind(projection, minPosition, progress.position().orElse(0), properties.timeout());
            }
            pause();
        }
    }

    private void pause() {
        try {
            Thread.sleep(properties.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the views", e);
        }
    }
}
