package io.progressledger.query.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.progressledger.query.api.Overloaded;
import io.progressledger.query.api.ViewsBehind;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * {@code ?minPosition=N} on a read: wait, for a bounded time, until the projection behind it has processed global
 * position N (the {@code globalPosition} a webhook answer names), so a client reads its own write without sleeping.
 * Waiting requests are woken by the processors of this node as their batches commit ({@link ProgressWaits}); at most
 * {@code max-waiting} wait at once, and one more is answered 503 at once.
 */
@Component
public class ReadYourWrites {

    /**
     * {@code progress.read-your-writes.*}.
     *
     * @param timeout         the longest a read waits (default 2 s); then 504 {@code /problems/views-behind}
     * @param refreshInterval while reads wait on a processor, how often the token table is read again for all of them
     *                        (default 50 ms), for the segments other nodes process: this node's own processors wake
     *                        their waiters at once, without it. It replaces {@code poll-interval}, which was a query per
     *                        waiting read every 5 ms.
     * @param maxWaiting      reads waiting at once on this node (default 64): each holds one of Tomcat's request
     *                        threads (200 by default) for up to {@code timeout}, so this keeps most of them for normal
     *                        reads; one beyond is answered 503 {@code /problems/overloaded} with Retry-After at once
     * @param retryAfter      what that refusal's {@code Retry-After} says (default 1 s)
     */
    @ConfigurationProperties("progress.read-your-writes")
    public record Properties(@DefaultValue("2s") Duration timeout, @DefaultValue("50ms") Duration refreshInterval,
                             @DefaultValue("64") int maxWaiting, @DefaultValue("1s") Duration retryAfter) {
    }

    private final ProjectionProcessors processors;
    private final Properties properties;
    private final ProgressWaits waits;
    private final Counter refused;

    public ReadYourWrites(ProjectionProcessors processors, ProcessedPositions positions, Properties properties,
                          ObjectProvider<MeterRegistry> meters) {
        this.processors = processors;
        this.properties = properties;
        this.waits = new ProgressWaits(positions::stored, properties.maxWaiting(), properties.refreshInterval());
        processors.onAdvance(waits::advanced);
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            Gauge.builder("progress.read.your.writes.waiting", waits, ProgressWaits::waiting)
                    .description("reads with ?minPosition= waiting for their view on this node").register(registry);
            refused = Counter.builder("progress.read.your.writes.refused")
                    .description("reads with ?minPosition= refused 503 because max-waiting reads already waited")
                    .register(registry);
        } else {
            refused = null;
        }
    }

    /** Returns once the projection has processed {@code minPosition}; does nothing when it is null. */
    public void await(String projection, Long minPosition) {
        if (minPosition == null) {
            return;
        }
        long deadline = System.nanoTime() + properties.timeout().toNanos();
        ProgressWaits.Outcome outcome;
        do {
            // A rebuild may switch reads to a new generation while this read waits: then it waits on that one.
            ProjectionProcessors.Running running = processors.active(projection).orElseThrow();
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            try {
                outcome = waits.await(running.processorName(), () -> running.processor().processingStatus(),
                        () -> processors.active(projection).orElse(null) == running, minPosition, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the views", e);
            }
        } while (outcome instanceof ProgressWaits.Superseded && System.nanoTime() < deadline);
        if (outcome instanceof ProgressWaits.Superseded superseded) {
            outcome = new ProgressWaits.TimedOut(superseded.progress());
        }
        if (outcome instanceof ProgressWaits.TimedOut timedOut) {
            throw new ViewsBehind(projection, minPosition, timedOut.progress().position().orElse(0),
                    properties.timeout());
        }
        if (outcome instanceof ProgressWaits.Refused) {
            if (refused != null) {
                refused.increment();
            }
            throw new Overloaded(waits.maxWaiting() + " reads already wait for their views on this node, the most "
                    + "that may (progress.read-your-writes.max-waiting); retry, or read without minPosition",
                    properties.retryAfter());
        }
    }
}
