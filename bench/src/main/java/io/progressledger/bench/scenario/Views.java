package io.progressledger.bench.scenario;

import io.progressledger.bench.launch.Pause;
import io.progressledger.bench.report.Results;
import tools.jackson.databind.JsonNode;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Waiting for the query side: every view has applied every stored event. A view that stops moving for a minute while
 * behind is reported at once (with where each view stands) rather than waited for until the deadline: a stuck
 * projection is a finding, and the scenarios that need the views fail fast so the others still run. The harness asks
 * where the views stand with the operator's status call, every 100 ms at first and less often the longer the wait
 * (at most once a second), so that a long catch-up is not slowed by the asking; the calls are counted with the
 * catch-up's CPU figures.
 */
final class Views {

    private Views() {
    }

    /** Waits; returns how long catching up took and how fast the views went (stored events per second, all views). */
    static Results.CatchUp awaitCaughtUp(RunContext context, String why) {
        CpuMeter.Phase cpu = context.cpu().start("catch-up " + why);
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
            Pause.millis(pollInterval(now - start));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long polls = cpu.polls();
        Results.CatchUp catchUp = new Results.CatchUp(head - first, round(seconds),
                round((head - first) / Math.max(seconds, 1e-3)), polls, cpu.end());
        context.progress().finish(String.format(java.util.Locale.ROOT, "caught up with %,d events in %.1f s (%d status calls)",
                head, seconds, polls));
        return catchUp;
    }

    /** 100 ms at first, a twentieth of the time waited so far later, at most a second. */
    static long pollInterval(long waitedNanos) {
        return Math.max(100, Math.min(1_000, waitedNanos / 20_000_000L));
    }

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
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
