package io.progressledger.bench.scenario;

import io.progressledger.bench.launch.Pause;
import tools.jackson.databind.JsonNode;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Waiting for the query side: every view has applied every stored event. A view that stops moving for a minute while
 * behind is reported at once (with where each view stands) rather than waited for until the deadline: a stuck
 * projection is a finding, and the scenarios that need the views fail fast so the others still run.
 */
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
        long lastProgress = System.nanoTime();
        long previous = first;
        while (true) {
            long lowest = lowestPosition(api);
            done.set(lowest - first);
            if (lowest >= head) {
                break;
            }
            long now = System.nanoTime();
            if (lowest > previous) {
                previous = lowest;
                lastProgress = now;
            }
            if (now > deadline || now - lastProgress > STALL_NANOS) {
                throw new IllegalStateException("the views did not catch up with position " + head + " ("
                        + (now > deadline ? "out of time" : "no progress for " + STALL_NANOS / 1_000_000_000L + " s")
                        + "): " + standing(api));
            }
            Pause.millis(100);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        CatchUp catchUp = new CatchUp(head - first, seconds, (head - first) / Math.max(seconds, 1e-3));
        context.progress().finish(String.format(java.util.Locale.ROOT, "caught up with %,d events in %.1f s",
                head, seconds));
        return catchUp;
    }

    private static final long STALL_NANOS = 60_000_000_000L;

    /** Each view behind, with its position, parked events and segment errors. */
    private static String standing(QueryApi api) {
        StringBuilder text = new StringBuilder();
        for (JsonNode item : api.projections()) {
            if (item.path("lagEvents").asLong() > 0) {
                text.append(item.path("processor").asString(item.path("name").asString())).append(" at ")
                        .append(item.path("position").asString("none")).append(" (parked ")
                        .append(item.path("parked").asLong()).append(", segments ").append(item.path("segments"))
                        .append("); ");
            }
        }
        return text.toString();
    }

    private static long lowestPosition(QueryApi api) {
        long lowest = Long.MAX_VALUE;
        for (JsonNode item : api.projections()) {
            lowest = Math.min(lowest, item.path("position").asLong(0));
        }
        return lowest == Long.MAX_VALUE ? 0 : lowest;
    }
}
