package io.progressledger.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The targets, each judged against the run's figures. A benchmark measures: an unmet target is reported,
 * never a failure of the run or of the build.
 */
public final class Targets {

    private Targets() {
    }

    public static List<Results.Target> evaluate(Results.Scenarios s) {
        List<Results.Target> targets = new ArrayList<>();
        if (s.ingest() != null) {
            for (Results.IngestLevel level : s.ingest().levels()) {
                targets.add(new Results.Target("ingest c=" + level.concurrency(), "≥ 0.5× JDBC insert+commit",
                        f("%.2f× (%,.0f vs %,.0f/s)", level.ratio(), level.perSec(), level.baselinePerSec()),
                        known(level.ratio()) ? level.ratio() >= 0.5 : null));
            }
        } else {
            targets.add(missing("ingest", "≥ 0.5× JDBC insert+commit"));
        }
        if (s.ingestAtScale() != null) {
            for (Results.ScaleLevel level : s.ingestAtScale().levels().subList(Math.min(1, s.ingestAtScale().levels().size()),
                    s.ingestAtScale().levels().size())) {
                targets.add(new Results.Target(f("ingest at %,d stored", level.storedEvents()), "≥ 0.9× empty store",
                        f("%.2f× (%,.0f/s)", level.ratio(), level.perSec()), known(level.ratio()) ? level.ratio() >= 0.9 : null));
            }
        } else {
            targets.add(missing("ingest at scale", "≥ 0.9× empty store"));
        }
        if (s.visibility() != null) {
            targets.add(new Results.Target("visibility p50", "≤ 50 ms", f("%.1f ms", s.visibility().p50Ms()),
                    s.visibility().p50Ms() <= 50));
            targets.add(new Results.Target("visibility p99", "≤ 150 ms", f("%.1f ms", s.visibility().p99Ms()),
                    s.visibility().p99Ms() <= 150));
        } else {
            targets.add(missing("visibility", "p50 ≤ 50 ms, p99 ≤ 150 ms"));
        }
        Results.Replay replay = s.replay();
        if (replay != null && replay.eventsPerSec() != null) {
            targets.add(new Results.Target("replay", "≥ 30,000 events/s", f("%,.0f events/s", replay.eventsPerSec()),
                    replay.eventsPerSec() >= 30_000));
            targets.add(new Results.Target("replay vs raw read", "≥ 0.25× JDBC sequential read",
                    f("%.2f× (raw %,.0f/s)", replay.ratio(), replay.baselinePerSec()),
                    known(replay.ratio()) ? replay.ratio() >= 0.25 : null));
        } else {
            targets.add(new Results.Target("replay", "≥ 30,000 events/s and ≥ 0.25× raw read",
                    replay == null ? "not run" : replay.status(), null));
        }
        if (s.reads() != null) {
            targets.add(new Results.Target("reads p99", "≤ 10 ms", f("%.1f ms (health %.1f ms)", s.reads().p99Ms(),
                    s.reads().baselineP99Ms()), s.reads().p99Ms() <= 10));
        } else {
            targets.add(missing("reads", "p99 ≤ 10 ms"));
        }
        if (s.memory() != null) {
            targets.add(new Results.Target("memory command side", "≤ 512 MB", f("%.0f MB", s.memory().commandRssMb()),
                    s.memory().commandRssMb() <= 512));
            targets.add(new Results.Target("memory query side", "≤ 512 MB", f("%.0f MB", s.memory().queryRssMb()),
                    s.memory().queryRssMb() <= 512));
        } else {
            targets.add(missing("memory", "≤ 512 MB each"));
        }
        if (s.exactlyOnce() != null) {
            Results.ExactlyOnce e = s.exactlyOnce();
            targets.add(new Results.Target("exactly once", "exact", e.exact() ? "exact"
                    : f("%,d stored vs %,d expected, %d duplicates, %d unexpected answers", e.eventsInStore(),
                    e.expectedEventsInStore(), e.duplicateFacts(), e.unexpectedAnswers().values().stream()
                            .mapToLong(Long::longValue).sum()), e.exact()));
        } else {
            targets.add(missing("exactly once", "exact"));
        }
        return targets;
    }

    private static Results.Target missing(String scenario, String target) {
        return new Results.Target(scenario, target, "not measured", null);
    }

    private static boolean known(double value) {
        return !Double.isNaN(value) && !Double.isInfinite(value);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
