package io.progressledger.bench.scenario;

import java.util.Locale;

/**
 * Before measuring: rounds of deliveries for at least {@code --warmup-seconds}, then until two rounds in a row give
 * the same throughput (within 5 %), at most {@code --warmup-rounds} rounds. Both applications start cold; the first
 * thousands of deliveries measure the JIT compiler, not the ledger (a first trial measured a quarter of the steady
 * speed), and how long that lasts depends on the machine, so a fixed count is either wasted time or not enough.
 * On 2 cores shared by three JVMs the climb is slow and steady (40, 66, 81, 92, 95/s after 30 s, 230/s a minute
 * later), so the minimum is 90 s and rounds must agree closely. The first round is one sender's, short: the first
 * deliveries on cold JVMs are slow enough to queue behind each other past the command side's pool timeout.
 */
final class WarmUp {

    private WarmUp() {
    }

    static Void run(RunContext context) {
        double previous = 0;
        long minimum = System.nanoTime() + context.settings().warmupSeconds() * 1_000_000_000L;
        for (int round = 1; round <= context.settings().warmupRounds(); round++) {
            // The very first deliveries meet two cold JVMs (class loading, the interpreter): one sender first, so
            // that they do not queue behind each other for seconds; then the at-scale concurrency.
            int concurrency = round == 1 ? 1 : context.settings().scaleConcurrency();
            IngestStep.Result result = IngestStep.run(context, "warm-up round " + round + " (not measured)",
                    concurrency, round == 1 ? Math.max(1, context.settings().warmupDeliveries() / 4)
                            : context.settings().warmupDeliveries());
            double rate = result.perSec();
            if (round > 2 && System.nanoTime() >= minimum && Math.abs(rate - previous) <= 0.05 * previous) {
                context.progress().message("warm: %.0f and %.0f accepted/s in the last two rounds", previous, rate);
                return null;
            }
            previous = rate;
        }
        context.progress().message(String.format(Locale.ROOT, "still not steady after %d rounds; measuring anyway",
                context.settings().warmupRounds()));
        return null;
    }
}
