package io.progressledger.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The issues' targets, each judged against the run's figures (medians of the repetitions, spread in parentheses). A
 * benchmark measures: an unmet target is reported, never a failure of the run or of the build.
 */
public final class Targets {

    private Targets() {
    }

    public static List<Results.Target> evaluate(Results.Scenarios s) {
        List<Results.Target> targets = new ArrayList<>();
        if (s.ingest() != null) {
            for (Results.IngestLevel level : s.ingest().levels()) {
                targets.add(new Results.Target("ingest c=" + level.concurrency(), "≥ 0.5× same-rows baseline",
                        f("%s, %,.0f vs %,.0f/s", level.spread().get("sameRowsRatio").text("%.2f", "×"), level.perSec(),
                                level.sameRowsBaselinePerSec()),
                        known(level.sameRowsRatio()) ? level.sameRowsRatio() >= 0.5 : null));
            }
        } else {
            targets.add(missing("ingest", "≥ 0.5× same-rows baseline"));
        }
        if (s.ingestAtScale() != null) {
            List<Results.ScaleLevel> levels = s.ingestAtScale().levels();
            for (Results.ScaleLevel level : levels.subList(Math.min(1, levels.size()), levels.size())) {
                targets.add(new Results.Target(f("ingest at %,d stored", level.storedEvents()), "≥ 0.9× empty store",
                        f("%s, %,.0f/s", spreadText(level.spread().get("ratio"), level.ratio()), level.perSec()),
                        known(level.ratio()) ? level.ratio() >= 0.9 : null));
            }
        } else {
            targets.add(missing("ingest at scale", "≥ 0.9× empty store"));
        }
        if (s.burst() != null) {
            targets.add(new Results.Target("burst of " + s.burst().calls() + " calls", "p99 < 2 s, every answer as expected",
                    f("p99 %s ms, %d unexpected", s.burst().spread().get("p99Ms").text("%,.0f"), s.burst().unexpected()),
                    s.burst().p99Ms() < 2_000 && s.burst().unexpected() == 0));
        } else {
            targets.add(missing("burst", "p99 < 2 s, every answer as expected"));
        }
        if (s.visibility() != null) {
            targets.add(new Results.Target("visibility p50", "≤ 50 ms", s.visibility().spread().get("p50Ms").text("%.1f") + " ms",
                    s.visibility().p50Ms() <= 50));
            targets.add(new Results.Target("visibility p99", "≤ 150 ms", s.visibility().spread().get("p99Ms").text("%.1f") + " ms",
                    s.visibility().p99Ms() <= 150));
        } else {
            targets.add(missing("visibility", "p50 ≤ 50 ms, p99 ≤ 150 ms"));
        }
        Results.Replay replay = s.replay();
        if (replay != null && replay.eventsPerSec() != null) {
            targets.add(new Results.Target("replay, all views", "≥ 10,000 events/s (aim 30,000)",
                    replay.spread().get("eventsPerSec").text("%,.0f") + " events/s", replay.eventsPerSec() >= 10_000));
            targets.add(new Results.Target("replay vs raw read", "≥ 0.25× fastest raw JDBC read",
                    f("%s, raw %,.0f/s (%s)", replay.spread().get("ratio").text("%.2f", "×"), replay.baselinePerSec(),
                            replay.rawRead().fastest()), known(replay.ratio()) ? replay.ratio() >= 0.25 : null));
        } else {
            targets.add(new Results.Target("replay", "≥ 10,000 events/s and ≥ 0.25× raw read",
                    replay == null ? "not run" : replay.status(), null));
        }
        if (s.reads() != null) {
            targets.add(new Results.Target(f("reads p99 at %,.0f/s", s.reads().headlineRatePerSec()), "≤ 10 ms",
                    s.reads().p99Ms() == null ? "not sustained (stopped for overload)"
                            : f("%s ms (floor %s ms)", s.reads().spread().get("p99Ms").text("%.1f"),
                            MarkdownReport.orNotSustained(s.reads().openLoop().get(0).spread().get("floorP99Ms"),
                                    "%.2f")),
                    s.reads().p99Ms() != null && s.reads().p99Ms() <= 10));
        } else {
            targets.add(missing("reads", "p99 ≤ 10 ms"));
        }
        if (s.dashboard() != null && s.dashboard().firstRenderMs() != null) {
            targets.add(new Results.Target(f("dashboard first render, %,d stored", s.dashboard().storedEvents()),
                    "< 1,000 ms", s.dashboard().spread().get("firstRenderMs").text("%,.0f") + " ms",
                    s.dashboard().firstRenderMs() < 1000));
        } else {
            targets.add(new Results.Target("dashboard first render", "< 1,000 ms",
                    s.dashboard() == null ? "not run" : s.dashboard().status(), null));
        }
        if (s.memory() != null && s.memory().commandRssMb() >= 0) {
            targets.add(new Results.Target("memory command side", "≤ 512 MiB", f("%.0f MiB", s.memory().commandRssMb()),
                    s.memory().commandRssMb() <= 512));
            targets.add(new Results.Target("memory query side", "≤ 512 MiB", f("%.0f MiB", s.memory().queryRssMb()),
                    s.memory().queryRssMb() <= 512));
        } else {
            targets.add(missing("memory", "≤ 512 MiB each"));
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

    private static String spreadText(Spread spread, double fallback) {
        return spread == null ? f("%.2f×", fallback) : spread.text("%.2f", "×");
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
