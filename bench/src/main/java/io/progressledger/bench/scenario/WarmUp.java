package io.progressledger.bench.scenario;

import java.util.Locale;

/**
 * Before measuring: rounds of deliveries for at least {@code --warmup-seconds}, then until two rounds in a row give
 * the same throughput (within 5 %), at most {@value #MAX_ROUNDS} rounds. Both applications start cold; the first
 * thousands of deliveries measure the JIT compiler, not the ledger (a first trial measured a quarter of the steady
 * speed), and how long that lasts depends on the machine, so a fixed count is either wasted time or not enough.
 * On 2 cores shared by three JVMs the climb is slow and steady (40, 66, 81, 92, 95/s after 30 s, 230/s a minute
 * later), so the minimum is 90 s and rounds must agree closely.
 */
final class WarmUp {

    static final int MAX_ROUNDS = 20;

    private WarmUp() {
    }

    static Void run(RunContext context) {
        int concurrency = context.settings().scaleConcurrency();
        double previous = 0;
        long minimum = System.nanoTime() + context.settings().warmupSeconds() * 1_000_000_000L;
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            IngestStep.Result result = IngestStep.run(context, "warm-up round " + round + " (not measured)",
                    concurrency, context.settings().warmupDeliveries());
            double rate = result.perSec();
            if (System.nanoTime() >= minimum && previous > 0 && Math.abs(rate - previous) <= 0.05 * previous) {
                context.progress().message("warm: %.0f and %.0f accepted/s in the last two rounds", previous, rate);
                return null;
            }
            previous = rate;
        }
        context.progress().message(String.format(Locale.ROOT, "still not steady after %d rounds; measuring anyway",
                MAX_ROUNDS));
        return null;
    }
}
