package io.progressledger.bench.scenario;

import io.progressledger.bench.load.Catalog;
import io.progressledger.bench.load.Delivery;
import io.progressledger.bench.load.Latencies;
import io.progressledger.bench.load.OpenLoop;
import io.progressledger.bench.load.TalentStep;
import io.progressledger.bench.load.TrailStep;
import io.progressledger.bench.report.Latency;
import io.progressledger.bench.report.Results;
import io.progressledger.bench.report.Spread;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Visibility: how long after its 200 an accepted delivery is readable on the query side. Deliveries go out at a
 * steady rate (open loop, as independent senders send), each timed from its intended send time; the moment its 200
 * arrives, the dashboard read of the changed view is sent with {@code ?minPosition=<globalPosition>}, which answers
 * as soon as the view has applied the event. Visibility is timed from the 200 (the read's intended send time: a read
 * the driver sends late counts its delay) to that read's answer; end to end is timed from the delivery's intended
 * send time, so neither hides a driver or a server that fell behind (coordinated omission). A 504 after 2 s counts as
 * not visible. Repeated; the figures are the medians of the runs.
 */
final class VisibilityScenario {

    private VisibilityScenario() {
    }

    static Results.Visibility run(RunContext context) {
        List<Results.VisibilityRun> runs = new ArrayList<>();
        for (int repetition = 1; repetition <= context.settings().repetitions(); repetition++) {
            Views.awaitCaughtUp(context, "before visibility");
            runs.add(once(context, repetition));
        }
        Map<String, Spread> spread = new LinkedHashMap<>();
        spread.put("p50Ms", IngestScenario.spread(runs, r -> r.visible().p50Ms()));
        spread.put("p99Ms", IngestScenario.spread(runs, r -> r.visible().p99Ms()));
        spread.put("p999Ms", IngestScenario.spread(runs, r -> r.visible().p999Ms()));
        spread.put("maxMs", IngestScenario.spread(runs, r -> r.visible().maxMs()));
        spread.put("endToEndP50Ms", IngestScenario.spread(runs, r -> r.endToEnd().p50Ms()));
        spread.put("endToEndP99Ms", IngestScenario.spread(runs, r -> r.endToEnd().p99Ms()));
        spread.put("ingestP99Ms", IngestScenario.spread(runs, r -> r.ingest().p99Ms()));
        return new Results.Visibility(spread.get("p50Ms").median(), spread.get("p99Ms").median(),
                spread.get("p999Ms").median(), spread.get("maxMs").median(),
                runs.stream().mapToLong(r -> r.visible().count()).sum(),
                runs.stream().mapToLong(Results.VisibilityRun::notVisible).sum(), context.settings().visibilityRate(),
                "open loop at a fixed rate; at each accepted 200, GET the changed view with ?minPosition="
                        + "<globalPosition> (talent blocks for Phoenix, learner trails for Toolzz); visibility from the "
                        + "200 to that read's answer, end to end from the delivery's intended send time",
                new Results.Percentiles(spread.get("endToEndP50Ms").median(), spread.get("endToEndP99Ms").median()),
                CpuMeter.sum(runs.stream().map(Results.VisibilityRun::cpuSeconds).toList()), spread, runs);
    }

    private static Results.VisibilityRun once(RunContext context, int repetition) {
        Sender sender = new Sender(context);
        QueryApi api = context.queryApi();
        Catalog catalog = context.catalog();
        Latencies visibility = new Latencies();
        Latencies endToEnd = new Latencies();
        Latencies ingest = new Latencies();
        AtomicLong notVisible = new AtomicLong();
        int total = context.settings().visibilitySamples();
        double rate = context.settings().visibilityRate();
        AtomicLong done = context.progress().start("visibility at " + (int) rate + " deliveries/s, run " + repetition
                + "/" + context.settings().repetitions(), total, "deliveries", () -> context.tally().unexpectedTotal()
                + notVisible.get());
        double from = context.meter().now();
        CpuMeter.Phase cpu = context.cpu().start("visibility run " + repetition);
        OpenLoop.run(rate, total, Integer.MAX_VALUE, due -> {
            Delivery delivery = context.mix().next();
            if (delivery == null) {
                return null;
            }
            return sender.send(delivery, due, ingest, new AtomicLong()).thenCompose(answered -> {
                var answer = answered.answer();
                if (!answer.accepted() || answer.globalPosition() <= 0 || delivery.expect() != Delivery.Expect.ACCEPTED) {
                    done.incrementAndGet();
                    return CompletableFuture.completedFuture(null);
                }
                String path = readPath(delivery, catalog) + "?minPosition=" + answer.globalPosition();
                return context.http().client().sendAsync(api.read(path), HttpResponse.BodyHandlers.discarding())
                        .handle((response, failure) -> {
                            visibility.recordSince(answered.atNanos());
                            endToEnd.recordSince(due);
                            if (failure != null || response.statusCode() != 200) {
                                notVisible.incrementAndGet();
                            }
                            done.incrementAndGet();
                            return null;
                        });
            });
        });
        Results.CpuSeconds cpuSeconds = cpu.end();
        context.meter().span("visibility", from, context.meter().now());
        Latency latency = Latency.of(visibility.snapshot());
        Latency whole = Latency.of(endToEnd.snapshot());
        context.progress().finish(String.format(Locale.ROOT, "%d samples: p50 %.1f ms, p99 %.1f ms (end to end p50 %.1f, "
                        + "p99 %.1f), not visible in 2 s: %d", latency.count(), latency.p50Ms(), latency.p99Ms(),
                whole.p50Ms(), whole.p99Ms(), notVisible.get()));
        return new Results.VisibilityRun(repetition, notVisible.get(), latency, whole, Latency.of(ingest.snapshot()),
                cpuSeconds);
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
