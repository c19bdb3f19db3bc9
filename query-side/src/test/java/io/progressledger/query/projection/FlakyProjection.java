package io.progressledger.query.projection;

import io.progressledger.events.trail.TrailCompleted;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
    public Set<Class<?>> eventTypes() {
        return Set.of(TrailCompleted.class);
    }

    /** Writes its rows one by one, then fails if one was poisoned; what it applied is noted once all are written. */
    @Override
    public ViewBatch batch(Slot slot) {
        return new ViewBatch() {
            private final List<TrailCompleted> completions = new ArrayList<>();

            @Override
            public void add(EventMessage<?> event) {
                if (event.getPayload() instanceof TrailCompleted completion && completion.trailId() == TRAIL) {
                    completions.add(completion);
                }
            }

            @Override
            public void write() {
                for (TrailCompleted event : completions) {
                    jdbc.sql("INSERT INTO flaky_write VALUES (?, ?)").params(event.trailName(), event.userId())
                            .update();
                    if (event.trailName().equals("poison") && !healed) {
                        throw new IllegalStateException("cannot apply a poisoned completion");
                    }
                }
                completions.forEach(event -> applied.add(event.userId() + ":" + event.trailName()));
            }
        };
    }
}
