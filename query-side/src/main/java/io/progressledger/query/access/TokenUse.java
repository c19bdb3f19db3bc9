package io.progressledger.query.access;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Who read what: each read by an issued token is counted, and reads of personal data (learners' names and emails)
 * apart, per token, in the metrics ({@code progress_api_personal_data_reads_total{token="<id>"}}) and in the token's
 * row (its last use and counts, which the admin list shows). The rows are brought up to date every
 * {@link #FLUSH_SECONDS} seconds, in one statement per token used, not one write per read.
 */
@Component
class TokenUse implements SmartLifecycle {

    static final int FLUSH_SECONDS = 2;
    private static final Logger log = LoggerFactory.getLogger(TokenUse.class);

    private final ApiTokens tokens;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private ScheduledExecutorService flusher;

    TokenUse(ApiTokens tokens, MeterRegistry registry, Clock clock) {
        this.tokens = tokens;
        this.registry = registry;
        this.clock = clock;
    }

    private static final class Pending {
        final LongAdder reads = new LongAdder();
        final LongAdder personalDataReads = new LongAdder();
        volatile Instant lastUsedAt;
    }

    /** One read answered to an issued token; {@code personalData} when it carried learners' names or emails. */
    void read(String tokenId, boolean personalData) {
        Pending use = pending.computeIfAbsent(tokenId, id -> new Pending());
        use.reads.increment();
        use.lastUsedAt = clock.instant();
        if (personalData) {
            use.personalDataReads.increment();
            Counter.builder("progress.api.personal.data.reads")
                    .description("reads of learners' names and emails by an issued token, per token id")
                    .tag("token", tokenId).register(registry).increment();
        }
    }

    void flush() {
        for (String id : pending.keySet()) {
            Pending use = pending.remove(id);
            if (use == null) {
                continue;
            }
            try {
                tokens.recordUse(id, use.reads.sum(), use.personalDataReads.sum(), use.lastUsedAt);
            } catch (RuntimeException e) {
                log.warn("could not record the use of a token: {}", e.getClass().getName());
            }
        }
    }

    @Override
    public synchronized void start() {
        flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "token-use");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flush, FLUSH_SECONDS, FLUSH_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void stop() {
        if (flusher != null) {
            flusher.shutdownNow();
            flusher = null;
            flush();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return flusher != null;
    }
}
