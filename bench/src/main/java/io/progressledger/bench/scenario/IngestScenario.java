package io.progressledger.bench.scenario;

import io.progressledger.bench.load.TalentStep;
import io.progressledger.bench.report.Latency;
import io.progressledger.bench.report.Results;
import io.progressledger.bench.store.EventRows;
import io.progressledger.bench.store.JdbcBaselines;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Ingest: accepted deliveries per second at each concurrency, against raw JDBC single-row insert-and-commit at the
 * same concurrency into the same database (rows of an event's size, into a table with the event table's
 * constraints). The baseline runs before the applications start: on H2 it then opens the file embedded, exactly as
 * the command side does.
 */
final class IngestScenario {

    private IngestScenario() {
    }

    static Map<Integer, JdbcBaselines.InsertResult> baselines(RunContext context) {
        JdbcBaselines baselines = new JdbcBaselines(context.database());
        EventRows.Row row = sampleRow(context);
        Map<Integer, JdbcBaselines.InsertResult> results = new LinkedHashMap<>();
        baselines.createInsertTable();
        try {
            for (int concurrency : context.settings().concurrency()) {
                context.progress().start("baseline: JDBC insert + commit, " + concurrency + " concurrent", 0, "", null);
                // More rows than a webhook step: the database alone is much faster, and a short run is noise.
                JdbcBaselines.InsertResult result = baselines.inserts(concurrency,
                        context.settings().stepDeliveries() * 5, Duration.ofSeconds(context.settings().stepSeconds()), row);
                results.put(concurrency, result);
                context.progress().finish(String.format(Locale.ROOT, "%,d rows in %.1f s: %,.0f inserts/s",
                        result.rows(), result.seconds(), result.perSec()));
            }
        } finally {
            baselines.dropInsertTable();
        }
        return results;
    }

    static Results.Ingest sweep(RunContext context, Map<Integer, JdbcBaselines.InsertResult> baselines) {
        List<Results.IngestLevel> levels = new ArrayList<>();
        for (int concurrency : context.settings().concurrency()) {
            // Each step starts with the views caught up: the previous step's backlog would otherwise share the CPU.
            Views.awaitCaughtUp(context, "before the step");
            IngestStep.Result step = IngestStep.run(context, "ingest", concurrency, context.settings().stepDeliveries());
            JdbcBaselines.InsertResult baseline = baselines.get(concurrency);
            double baselinePerSec = baseline == null ? Double.NaN : baseline.perSec();
            levels.add(new Results.IngestLevel(concurrency, step.sent(), step.accepted(), round(step.seconds()),
                    round(step.perSec()), round(baselinePerSec), ratio(step.perSec(), baselinePerSec),
                    Latency.of(step.latencies().snapshot()),
                    baseline == null ? null : Latency.of(baseline.latencies().snapshot())));
        }
        Results.IngestLevel best = levels.stream().max(Comparator.comparingDouble(Results.IngestLevel::perSec)).orElseThrow();
        double minRatio = levels.stream().mapToDouble(Results.IngestLevel::ratio).min().orElse(Double.NaN);
        return new Results.Ingest(best.concurrency(), best.perSec(), best.baselinePerSec(), best.ratio(),
                best.latency().p50Ms(), best.latency().p99Ms(), best.latency().p999Ms(), minRatio,
                "raw JDBC single-row INSERT + COMMIT into a table shaped like DomainEventEntry, same database, "
                        + "one connection per thread, same concurrency (" + context.database().describe() + ")",
                levels);
    }

    /** A row of a real event's size for the baseline (each insert gets its own aggregate and event id). */
    private static EventRows.Row sampleRow(RunContext context) {
        TalentStep step = new TalentStep(0, 0);
        EventRows.Provenance provenance = context.rows().provenance(step, UUID.randomUUID().toString(),
                Instant.now().toString(), UUID.randomUUID().toString());
        return context.rows().row(step, provenance, UUID.randomUUID().toString(), Instant.now().toString());
    }

    static double ratio(double value, double baseline) {
        return baseline > 0 && !Double.isNaN(value) ? round(value / baseline) : Double.NaN;
    }

    static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
