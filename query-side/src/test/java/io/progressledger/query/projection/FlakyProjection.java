package io.progressledger.query.projection;

import io.progressledger.events.trail.TrailCompleted;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A projection for tests of failure handling, running in the real processor infrastructure: it writes a row for
 * every completion of trail 424242, then fails on a trail named "poison" until it is healed.
 */
@TestComponent
public class FlakyProjection implements Projection {

    public static final String NAME = "test-flaky";
    static final long TRAIL = 424242;

    final List<String> applied = new CopyOnWriteArrayList<>();
    volatile boolean healed;
    private final JdbcClient jdbc;

    public FlakyProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
        jdbc.sql("CREATE TABLE IF NOT EXISTS flaky_write (trail_name VARCHAR(100), user_id BIGINT)").update();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of();
    }

    @Override
    public Object writerFor(Slot slot) {
        return new Object() {
            @EventHandler
            void on(TrailCompleted event) {
                if (event.trailId() != TRAIL) {
                    return;
                }
                jdbc.sql("INSERT INTO flaky_write VALUES (?, ?)").params(event.trailName(), event.userId()).update();
                if (event.trailName().equals("poison") && !healed) {
                    throw new IllegalStateException("cannot apply a poisoned completion");
                }
                applied.add(event.userId() + ":" + event.trailName());
            }
        };
    }
}
