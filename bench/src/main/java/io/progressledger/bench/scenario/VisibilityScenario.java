package io.progressledger.bench.scenario;

import io.progressledger.bench.load.Catalog;
import io.progressledger.bench.load.Delivery;
import io.progressledger.bench.load.Latencies;
import io.progressledger.bench.load.OpenLoop;
import io.progressledger.bench.load.TalentStep;
import io.progressledger.bench.load.TrailStep;
import io.progressledger.bench.report.Latency;
import io.progressledger.bench.report.Results;

import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Visibility: how long after its 200 an accepted delivery is readable on the query side. Deliveries go out at a
 * steady rate (open loop, as independent senders send); right after each 200, the dashboard read of the changed
 * view is made with {@code ?minPosition=<globalPosition>}, which answers as soon as the view has applied the event:
 * the time from the 200 to that read's answer is the visibility delay (a 504 after 2 s counts as not visible).
 */
final class VisibilityScenario {

    private VisibilityScenario() {
    }

    static Results.Visibility run(RunContext context) {
        Sender sender = new Sender(context);
        QueryApi api = context.queryApi();
        Catalog catalog = context.catalog();
        Latencies visibility = new Latencies();
        Latencies ingest = new Latencies();
        AtomicLong notVisible = new AtomicLong();
        int total = context.settings().visibilitySamples();
        double rate = context.settings().visibilityRate();
        AtomicLong done = context.progress().start("visibility at " + (int) rate + " deliveries/s", total, "deliveries",
                () -> context.tally().unexpectedTotal() + notVisible.get());
        double from = context.meter().now();
        OpenLoop.run(rate, total, due -> {
            Delivery delivery = context.mix().next();
            if (delivery == null) {
                return null;
            }
            return sender.send(delivery, due, ingest, new AtomicLong()).thenCompose(answer -> {
                if (!answer.accepted() || answer.globalPosition() <= 0 || delivery.expect() != Delivery.Expect.ACCEPTED) {
                    done.incrementAndGet();
                    return CompletableFuture.completedFuture(null);
                }
                long answeredAt = System.nanoTime();
                String path = readPath(delivery, catalog) + "?minPosition=" + answer.globalPosition();
                return context.http().client().sendAsync(api.read(path), HttpResponse.BodyHandlers.discarding())
                        .handle((response, failure) -> {
                            visibility.recordSince(answeredAt);
                            if (failure != null || response.statusCode() != 200) {
                                notVisible.incrementAndGet();
                            }
                            done.incrementAndGet();
                            return null;
                        });
            });
        });
        context.meter().span("visibility", from, context.meter().now());
        Latency latency = Latency.of(visibility.snapshot());
        context.progress().finish(String.format(Locale.ROOT, "%d samples: p50 %.1f ms, p99 %.1f ms, not visible in 2 s: %d",
                latency.count(), latency.p50Ms(), latency.p99Ms(), notVisible.get()));
        return new Results.Visibility(latency.p50Ms(), latency.p99Ms(), latency.p999Ms(), latency.maxMs(),
                latency.count(), notVisible.get(), rate,
                "open loop at a fixed rate; after each accepted 200, GET the changed view with ?minPosition="
                        + "<globalPosition> (talent blocks for Phoenix, learner trails for Toolzz); delay from the 200 "
                        + "to that read's 200", latency, Latency.of(ingest.snapshot()));
    }

    /** The dashboard read that shows the delivery's change. */
    private static String readPath(Delivery delivery, Catalog catalog) {
        if (delivery.fact() instanceof TalentStep step) {
            return "/api/talents/" + catalog.talentId(step.talent()) + "/blocks";
        }
        TrailStep step = (TrailStep) delivery.fact();
        return "/api/learners/" + step.institutionId(catalog) + "/" + step.userId(catalog) + "/trails";
    }
}
