package io.progressledger.bench.scenario;

import io.progressledger.bench.report.Latency;
import io.progressledger.bench.report.Results;
import io.progressledger.bench.report.Spread;
import io.progressledger.bench.store.BulkLoader;
import io.progressledger.bench.store.ShapeCheck;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ingest at scale: the same step (same concurrency, same mix) with more and more events already stored, against
 * the first level, taken on the (nearly) empty store; each level's step is repeated. The store grows by bulk
 * loading; before each step the query side has caught up, so the step is not competing with a backlog of
 * projections.
 */
final class ScaleScenario {

    private final RunContext context;
    private final List<Results.ScaleLevel> levels = new ArrayList<>();
    private boolean shapeChecked;

    ScaleScenario(RunContext context) {
        this.context = context;
    }

    /** Events bulk-loaded and how the views caught up with them (null when nothing was loaded). */
    record Filled(long loaded, Results.CatchUp catchUp) {
    }

    /** Bulk-loads up to {@code target} if the store is smaller, then waits for the views. */
    Filled fill(long target) {
        long stored = context.store().count();
        if (stored >= target) {
            return new Filled(0, null);
        }
        checkShapeOnce();
        Views.awaitCaughtUp(context, "before bulk loading");
        AtomicLong done = context.progress().start("bulk loading up to " + target + " stored events",
                target - stored, "events", null);
        CpuMeter.Phase cpu = context.cpu().start("bulk loading to " + target);
        long loaded = new BulkLoader(context.store(), context.rows(), context.keys(), context.mix(), context.world(),
                context.settings().seed() + target).load(target - stored, done);
        cpu.end();
        context.bulkLoaded().addAndGet(loaded);
        context.progress().finish(String.format(Locale.ROOT, "%,d events inserted", loaded));
        return new Filled(loaded, Views.awaitCaughtUp(context, "with the bulk-loaded events"));
    }

    /** Measures one level: fills the store up to it, then the step, once per repetition, each after a catch-up. */
    void level(long target) {
        Filled filled = fill(target);
        long storedAtStart = context.store().count();
        List<Results.ScaleRun> runs = new ArrayList<>();
        for (int repetition = 1; repetition <= context.settings().repetitions(); repetition++) {
            Views.awaitCaughtUp(context, "before the step");
            long stored = context.store().count();
            IngestStep.Result step = IngestStep.run(context, "ingest with " + String.format(Locale.ROOT, "%,d", stored)
                    + " events stored, run " + repetition + "/" + context.settings().repetitions(),
                    context.settings().scaleConcurrency(), context.settings().stepDeliveries());
            runs.add(new Results.ScaleRun(stored, step.sent(), step.accepted(), round(step.seconds()),
                    round(step.perSec()), Latency.of(step.latencies().snapshot()), step.cpuSeconds()));
        }
        Map<String, Spread> spread = new LinkedHashMap<>();
        spread.put("perSec", IngestScenario.spread(runs, Results.ScaleRun::perSec));
        spread.put("p50Ms", IngestScenario.spread(runs, r -> r.latency().p50Ms()));
        spread.put("p99Ms", IngestScenario.spread(runs, r -> r.latency().p99Ms()));
        double perSec = spread.get("perSec").median();
        double first = levels.isEmpty() ? perSec : levels.get(0).perSec();
        if (!levels.isEmpty()) {
            Spread firstRuns = levels.get(0).spread().get("perSec");
            spread.put("ratio", Spread.of(runs.stream().map(r -> IngestScenario.ratio(r.perSec(), firstRuns.median())).toList()));
        }
        Results.CpuSeconds cpu = CpuMeter.sum(runs.stream().map(Results.ScaleRun::cpuSeconds).toList());
        levels.add(new Results.ScaleLevel(target, storedAtStart, filled.loaded(), perSec, IngestScenario.ratio(perSec, first),
                spread.get("p50Ms").median(), spread.get("p99Ms").median(), filled.catchUp(),
                CpuMeter.perDelivery(cpu, runs.stream().mapToLong(Results.ScaleRun::accepted).sum()), spread, runs));
    }

    Results.IngestAtScale result() {
        double minRatio = levels.stream().skip(1).mapToDouble(Results.ScaleLevel::ratio).min().orElse(Double.NaN);
        return new Results.IngestAtScale(context.settings().scaleConcurrency(), minRatio,
                CpuMeter.sum(levels.stream().flatMap(l -> l.runs().stream()).map(Results.ScaleRun::cpuSeconds).toList()),
                List.copyOf(levels));
    }

    /** Before the first bulk load: the loader's rows must be byte for byte the application's. */
    private void checkShapeOnce() {
        if (shapeChecked) {
            return;
        }
        ShapeCheck.Result check = ShapeCheck.run(context.store(), context.rows(), context.keys(), context.tally(),
                context.json());
        if (!check.differences().isEmpty()) {
            throw new IllegalStateException("bulk loading refused: the application's events are no longer shaped as "
                    + "the loader writes them:\n  " + String.join("\n  ", check.differences()));
        }
        if (check.compared() == 0) {
            throw new IllegalStateException("bulk loading refused: no event written by the application to compare with");
        }
        context.progress().message("shape check: %d rows written by the application match the bulk loader's byte "
                + "for byte (%s; aggregate ids %s)", check.compared(), String.join(", ", context.tally().samples().keySet()),
                context.tally().idShape().map(shape -> shape.name().toLowerCase(Locale.ROOT)).orElse("unknown"));
        shapeChecked = true;
    }

    private static double round(double value) {
        return IngestScenario.round(value);
    }
}
