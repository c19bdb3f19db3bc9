package io.progressledger.bench.scenario;

import java.util.Locale;

/**
 * Before measuring: rounds of deliveries until two rounds in a row give the same throughput (within 10 %), at most
 * six. Both applications start cold; the first thousands of deliveries measure the JIT compiler, not the ledger, and
 * how many it takes depends on the machine, so a fixed count is either wasted time or not enough.
 */
final class WarmUp {

    private static final int MAX_ROUNDS = 6;

    private WarmUp() {
    }

    static Void run(RunContext context) {
        int concurrency = context.settings().scaleConcurrency();
        double previous = 0;
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            IngestStep.Result result = IngestStep.run(context, "warm-up round " + round + " (not measured)",
                    concurrency, context.settings().warmupDeliveries());
            double rate = result.perSec();
            if (previous > 0 && Math.abs(rate - previous) <= 0.1 * previous) {
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
