package io.progressledger.query.projection;

import io.progressledger.events.trail.TrailCompleted;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A projection for tests of rebuilds, in the real processor infrastructure: one row per completion of trail 515151
 * in {@code gated_view_a|b}. While the gate is closed, the writer of slot B (the first rebuild) waits before each
 * event, so a test can look at the system in the middle of a rebuild.
 */
@TestComponent
public class GatedProjection implements Projection {

    public static final String NAME = "test-gated";
    static final long TRAIL = 515151;

    final CountDownLatch rebuildWaiting = new CountDownLatch(1);
    private final Semaphore gate = new Semaphore(0);
    private volatile boolean closed;
    private final JdbcClient jdbc;

    public GatedProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
        for (Slot slot : Slot.values()) {
            jdbc.sql("CREATE TABLE IF NOT EXISTS " + slot.table("gated_view") + " (user_id BIGINT PRIMARY KEY, "
                    + "trail_name VARCHAR(100))").update();
        }
    }

    void close() {
        closed = true;
    }

    void open() {
        closed = false;
        gate.release(Integer.MAX_VALUE / 2);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of("gated_view");
    }

    @Override
    public Set<Class<?>> eventTypes() {
        return Set.of(TrailCompleted.class);
    }

    @Override
    public ViewBatch batch(Slot slot) {
        String table = slot.table("gated_view");
        return new ViewBatch() {
            private final List<TrailCompleted> completions = new ArrayList<>();

            @Override
            public void add(EventMessage<?> event) {
                if (!(event.getPayload() instanceof TrailCompleted completion) || completion.trailId() != TRAIL) {
                    return;
                }
                if (slot == Slot.B && closed) {
                    rebuildWaiting.countDown();
                    try {
                        if (!gate.tryAcquire(60, TimeUnit.SECONDS)) {
                            throw new IllegalStateException("the test never opened the gate");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
                completions.add(completion);
            }

            @Override
            public void write() {
                completions.forEach(event -> jdbc.sql("INSERT INTO " + table + " VALUES (?, ?)")
                        .params(event.userId(), event.trailName()).update());
            }
        };
    }
}
