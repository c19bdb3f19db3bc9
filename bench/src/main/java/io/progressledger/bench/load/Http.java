package io.progressledger.bench.load;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The driver's one HTTP client (the JDK's), asynchronous on a small fixed pool: 64 concurrent senders or 50 readers
 * are 64 or 50 requests in flight, not as many threads, which matters on a 2-core machine shared with both
 * applications. HTTP/1.1, as webhook senders and dashboards use it; connections are kept alive and reused.
 */
public final class Http implements AutoCloseable {

    private final ExecutorService executor;
    private final HttpClient client;

    public Http(int threads) {
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "bench-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(executor)
                .build();
    }

    public HttpClient client() {
        return client;
    }

    public ExecutorService executor() {
        return executor;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
