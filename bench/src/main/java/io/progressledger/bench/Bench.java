package io.progressledger.bench;

import io.progressledger.bench.scenario.BenchmarkRun;
import io.progressledger.events.schema.H2RemoteFetch;

/**
 * {@code java -jar bench/target/bench.jar --db h2 --events 1000000}: starts both applications in their own JVMs,
 * drives them, and writes {@code bench/results/<timestamp>-<db>.json} and its Markdown report. Exits 0 whatever the
 * figures: a benchmark measures, it does not judge; 2 on bad arguments, 1 when the run itself broke.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        // The JDK's HttpClient completes sendAsync futures on the common pool; on 2 cores its parallelism is 1,
        // and CompletableFuture then starts a new thread per task (the profile counted 45,000 of them).
        System.setProperty("java.util.concurrent.ForkJoinPool.common.parallelism", "2");
        // The driver reads the H2 store through the command side's AUTO_SERVER.
        H2RemoteFetch.configure();
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            if (!"help".equals(e.getMessage())) {
                System.err.println(e.getMessage());
            }
            System.err.print(Settings.USAGE);
            System.exit("help".equals(e.getMessage()) ? 0 : 2);
            return;
        }
        try {
            new BenchmarkRun(settings, System.out).run("java -jar bench/target/bench.jar " + String.join(" ", args));
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }
}
