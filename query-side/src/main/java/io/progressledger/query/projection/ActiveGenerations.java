package io.progressledger.query.projection;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which generation of each view dashboards read on this node, as the processors last found it in
 * {@code projection_state}: the one thing a view's repository needs to know to name its tables.
 */
@Component
public class ActiveGenerations {

    private final Map<String, Integer> active = new ConcurrentHashMap<>();

    /** The slot dashboards read for a view. */
    public Slot slot(String view) {
        Integer generation = active.get(view);
        if (generation == null) {
            throw new IllegalArgumentException("no projection " + view);
        }
        return Slot.of(generation);
    }

    /** The table dashboards read for one of a view's tables, e.g. {@code talent_block_b}. */
    public String table(String view, String baseName) {
        return slot(view).table(baseName);
    }

    void activate(String view, int generation) {
        active.put(view, generation);
    }

    void forget(String view) {
        active.remove(view);
    }
}
