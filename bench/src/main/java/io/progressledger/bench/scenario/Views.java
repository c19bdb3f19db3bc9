package io.progressledger.bench.scenario;

import io.progressledger.bench.launch.Pause;
import tools.jackson.databind.JsonNode;

import java.util.concurrent.atomic.AtomicLong;

/** Waiting for the query side: every view has applied every stored event. */
final class Views {

    private Views() {
    }

    /** How long catching up took and how fast the views went (stored events per second, all views together). */
    record CatchUp(long events, double seconds, double eventsPerSec) {
    }

    static CatchUp awaitCaughtUp(RunContext context, String why) {
        long head = context.store().head();
        QueryApi api = context.queryApi();
        long first = lowestPosition(api);
        long start = System.nanoTime();
        long deadline = start + (300 + head / 200) * 1_000_000_000L;
        AtomicLong done = context.progress().start("views catching up " + why, head - first, "events", null);
        while (true) {
            long lowest = lowestPosition(api);
            done.set(lowest - first);
            if (lowest >= head) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the views did not catch up with position " + head + " in time; "
                        + "the slowest is at " + lowest);
            }
            Pause.millis(100);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        CatchUp catchUp = new CatchUp(head - first, seconds, (head - first) / Math.max(seconds, 1e-3));
        context.progress().finish(String.format(java.util.Locale.ROOT, "caught up with %,d events in %.1f s",
                head, seconds));
        return catchUp;
    }

    private static long lowestPosition(QueryApi api) {
        long lowest = Long.MAX_VALUE;
        for (JsonNode item : api.projections()) {
            lowest = Math.min(lowest, item.path("position").asLong(0));
        }
        return lowest == Long.MAX_VALUE ? 0 : lowest;
    }
}
