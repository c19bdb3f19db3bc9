package io.progressledger.bench.scenario;

import io.progressledger.bench.report.Latency;
import io.progressledger.bench.report.Results;
import io.progressledger.bench.store.BulkLoader;
import io.progressledger.bench.store.ShapeCheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ingest at scale: the same step (same concurrency, same mix) with more and more events already stored, against
 * the first step, taken on the (nearly) empty store. The store grows by bulk loading; before measuring, the query
 * side has caught up, so the step is not competing with a backlog of projections.
 */
final class ScaleScenario {

    private final RunContext context;
    private final List<Results.ScaleLevel> levels = new ArrayList<>();
    private boolean shapeChecked;

    ScaleScenario(RunContext context) {
        this.context = context;
    }

    /** Measures one level: bulk-loads up to it if the store is smaller, waits for the views, sends the step. */
    void level(long target) {
        long stored = context.store().count();
        long loaded = 0;
        Double catchUpRate = null;
        if (stored < target) {
            checkShapeOnce();
            Views.awaitCaughtUp(context, "before bulk loading");
            AtomicLong done = context.progress().start("bulk loading up to " + target + " stored events",
                    target - stored, "events", null);
            loaded = new BulkLoader(context.store(), context.rows(), context.mix(), context.world(),
                    context.settings().seed() + target).load(target - stored, done);
            context.bulkLoaded().addAndGet(loaded);
            context.progress().finish(String.format(Locale.ROOT, "%,d events inserted", loaded));
            catchUpRate = round(Views.awaitCaughtUp(context, "with the bulk-loaded events").eventsPerSec());
            stored = context.store().count();
        } else {
            Views.awaitCaughtUp(context, "before the step");
        }
        IngestStep.Result step = IngestStep.run(context, "ingest with " + String.format(Locale.ROOT, "%,d", stored)
                + " events stored", context.settings().scaleConcurrency(), context.settings().stepDeliveries());
        Latency latency = Latency.of(step.latencies().snapshot());
        double baseline = levels.isEmpty() ? step.perSec() : levels.get(0).perSec();
        levels.add(new Results.ScaleLevel(target, stored, loaded, step.sent(), step.accepted(), round(step.seconds()),
                round(step.perSec()), IngestScenario.ratio(step.perSec(), baseline), latency.p50Ms(), latency.p99Ms(),
                catchUpRate, latency));
    }

    Results.IngestAtScale result() {
        double minRatio = levels.stream().skip(1).mapToDouble(Results.ScaleLevel::ratio).min().orElse(Double.NaN);
        return new Results.IngestAtScale(context.settings().scaleConcurrency(), minRatio, List.copyOf(levels));
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
                + "for byte (%s)", check.compared(), String.join(", ", context.tally().samples().keySet()));
        shapeChecked = true;
    }

    private static double round(double value) {
        return IngestScenario.round(value);
    }
}
