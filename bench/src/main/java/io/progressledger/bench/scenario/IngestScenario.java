package io.progressledger.bench.scenario;

import io.progressledger.bench.report.Latency;
import io.progressledger.bench.report.Results;
import io.progressledger.bench.report.Spread;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Ingest: accepted deliveries per second at each concurrency, closed loop, repeated; against two raw JDBC baselines
 * measured right before each step, at the same concurrency, sharing as many connections as the command side's pool
 * has: one event row per transaction (the database's floor) and the rows one delivery writes (see
 * {@link WriteBaselines}). Each level is warmed up with unmeasured deliveries at its own concurrency, and every step
 * starts with the views caught up.
 */
final class IngestScenario {

    private IngestScenario() {
    }

    static Results.Ingest sweep(RunContext context, WriteBaselines baselines) {
        Map<Integer, List<Results.IngestRun>> runs = new LinkedHashMap<>();
        for (int repetition = 1; repetition <= context.settings().repetitions(); repetition++) {
            for (int concurrency : context.settings().concurrency()) {
                Results.BaselineRun insert = baselines.insert(concurrency);
                Results.BaselineRun sameRows = baselines.sameRows(concurrency);
                Views.awaitCaughtUp(context, "before the level's warm-up");
                IngestStep.run(context, "ingest warm-up (not measured)", concurrency,
                        context.settings().levelWarmupDeliveries());
                Views.awaitCaughtUp(context, "before the step");
                IngestStep.Result step = IngestStep.run(context, "ingest, run " + repetition + "/"
                        + context.settings().repetitions(), concurrency, context.settings().stepDeliveries());
                runs.computeIfAbsent(concurrency, c -> new ArrayList<>()).add(new Results.IngestRun(repetition,
                        step.sent(), step.accepted(), round(step.seconds()), round(step.perSec()),
                        Latency.of(step.latencies().snapshot()), step.cpuSeconds(), insert, sameRows));
            }
        }
        List<Results.IngestLevel> levels = new ArrayList<>();
        runs.forEach((concurrency, measured) -> levels.add(level(concurrency, measured)));
        Results.IngestLevel headline = levels.stream()
                .min(Comparator.comparingInt((Results.IngestLevel l) -> Math.abs(l.concurrency() - context.settings().headlineConcurrency()))
                        .thenComparing(Comparator.comparingInt(Results.IngestLevel::concurrency).reversed()))
                .orElseThrow();
        return new Results.Ingest(headline.concurrency(), headline.perSec(), headline.baselinePerSec(), headline.ratio(),
                headline.p50Ms(), headline.p99Ms(), headline.p999Ms(), headline.sameRowsBaselinePerSec(),
                headline.sameRowsRatio(), context.settings().repetitions(), baselines.poolSize(),
                baselines.poolSizeSource(), "the database's floor: one event row (a real event's values, the event "
                + "table from the command side's migrations) inserted and committed per transaction, as many callers "
                + "as senders sharing " + baselines.poolSize() + " connections (the command side's pool)",
                baselines.describe(), CpuMeter.sum(levels.stream().map(Results.IngestLevel::cpuSeconds).toList()),
                headline.spread(), levels);
    }

    /** One concurrency level: the median of its runs, with their spread. */
    private static Results.IngestLevel level(int concurrency, List<Results.IngestRun> runs) {
        Map<String, Spread> spread = new LinkedHashMap<>();
        spread.put("perSec", spread(runs, Results.IngestRun::perSec));
        spread.put("baselinePerSec", spread(runs, r -> r.insertBaseline().perSec()));
        spread.put("ratio", spread(runs, r -> ratio(r.perSec(), r.insertBaseline().perSec())));
        spread.put("sameRowsBaselinePerSec", spread(runs, r -> r.sameRowsBaseline().perSec()));
        spread.put("sameRowsRatio", spread(runs, r -> ratio(r.perSec(), r.sameRowsBaseline().perSec())));
        spread.put("p50Ms", spread(runs, r -> r.latency().p50Ms()));
        spread.put("p99Ms", spread(runs, r -> r.latency().p99Ms()));
        spread.put("p999Ms", spread(runs, r -> r.latency().p999Ms()));
        spread.put("baselineP99Ms", spread(runs, r -> r.insertBaseline().latency().p99Ms()));
        spread.put("sameRowsBaselineP99Ms", spread(runs, r -> r.sameRowsBaseline().latency().p99Ms()));
        Results.CpuSeconds cpu = CpuMeter.sum(runs.stream().map(Results.IngestRun::cpuSeconds).toList());
        long accepted = runs.stream().mapToLong(Results.IngestRun::accepted).sum();
        // How steady the cost of one delivery is, run to run.
        spread.put("commandCpuMsPerDelivery", spread(runs, r -> perDelivery(r.cpuSeconds().command(), r.accepted())));
        spread.put("queryCpuMsPerDelivery", spread(runs, r -> perDelivery(r.cpuSeconds().query(), r.accepted())));
        spread.put("driverCpuMsPerDelivery", spread(runs, r -> perDelivery(r.cpuSeconds().driver(), r.accepted())));
        double perSec = spread.get("perSec").median();
        double baseline = spread.get("baselinePerSec").median();
        double sameRows = spread.get("sameRowsBaselinePerSec").median();
        return new Results.IngestLevel(concurrency, perSec, baseline, ratio(perSec, baseline), sameRows,
                ratio(perSec, sameRows), spread.get("p50Ms").median(), spread.get("p99Ms").median(),
                spread.get("p999Ms").median(), CpuMeter.perDelivery(cpu, accepted), cpu, spread, runs);
    }

    private static double perDelivery(double cpuSeconds, long accepted) {
        return accepted == 0 ? Double.NaN : cpuSeconds * 1000 / accepted;
    }

    static <T> Spread spread(List<T> runs, ToDoubleFunction<T> figure) {
        return Spread.of(runs.stream().map(r -> figure.applyAsDouble(r)).toList());
    }

    static double ratio(double value, double baseline) {
        return baseline > 0 && !Double.isNaN(value) ? Math.round(value / baseline * 10_000.0) / 10_000.0 : Double.NaN;
    }

    static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
