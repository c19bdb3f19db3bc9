package io.progressledger.bench.scenario;

import io.progressledger.bench.load.ClosedLoop;
import io.progressledger.bench.load.Delivery;
import io.progressledger.bench.load.Latencies;
import io.progressledger.bench.report.Results;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One measured step of webhook ingestion: {@code concurrency} senders in a closed loop, the run's mix of deliveries,
 * until {@code deliveries} were sent or the step's time is up. Throughput counts accepted deliveries only (the
 * duplicates and invalid ones are sent and answered, but record nothing).
 */
final class IngestStep {

    private IngestStep() {
    }

    /** What one step measured. */
    record Result(String name, int concurrency, long sent, long accepted, double seconds, Latencies latencies,
                  Results.CpuSeconds cpuSeconds) {

        double perSec() {
            return accepted / seconds;
        }
    }

    static Result run(RunContext context, String name, int concurrency, int deliveries) {
        Sender sender = new Sender(context);
        Latencies latencies = new Latencies();
        AtomicLong remaining = new AtomicLong(deliveries);
        long acceptedBefore = context.tally().accepted();
        AtomicLong done = context.progress().start(name + ", " + concurrency + " concurrent senders", deliveries,
                "deliveries", () -> context.tally().unexpectedTotal());
        double from = context.meter().now();
        CpuMeter.Phase cpu = context.cpu().start(name + " c=" + concurrency);
        double seconds = ClosedLoop.run(concurrency, Duration.ofSeconds(context.settings().stepSeconds()),
                context.http().executor(), () -> {
                    if (remaining.decrementAndGet() < 0) {
                        return null;
                    }
                    Delivery delivery = context.mix().next();
                    if (delivery == null) {
                        return null;
                    }
                    CompletableFuture<?> sent = sender.send(delivery, System.nanoTime(), latencies, done);
                    return sent;
                });
        Results.CpuSeconds cpuSeconds = cpu.end();
        context.meter().span(name + " c=" + concurrency, from, context.meter().now());
        long accepted = context.tally().accepted() - acceptedBefore;
        Result result = new Result(name, concurrency, done.get(), accepted, seconds, latencies, cpuSeconds);
        var histogram = latencies.snapshot();
        context.progress().finish(String.format(java.util.Locale.ROOT,
                "%,d accepted of %,d sent in %.1f s: %,.0f accepted/s, p50 %.1f ms, p99 %.1f ms",
                accepted, result.sent(), seconds, result.perSec(), histogram.getValueAtPercentile(50) / 1000.0,
                histogram.getValueAtPercentile(99) / 1000.0));
        return result;
    }
}
