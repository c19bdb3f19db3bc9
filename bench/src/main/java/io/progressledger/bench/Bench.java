package io.progressledger.bench;

import io.progressledger.bench.report.Comparison;
import io.progressledger.bench.scenario.BenchmarkRun;
import io.progressledger.events.schema.H2LoopbackServer;
import io.progressledger.events.schema.H2RemoteFetch;

import java.nio.file.Path;

/**
 * {@code java -jar bench/target/bench.jar --db h2 --events 1000000}: starts both applications in their own JVMs,
 * drives them, and writes {@code bench/results/<timestamp>-<db>.json} and its Markdown report. Exits 0 whatever the
 * figures: a benchmark measures, it does not judge; 2 on bad arguments, 3 when the machine is not quiet at the start
 * (see {@code --allow-busy}), 1 when the run itself broke.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        // The JDK's HttpClient completes sendAsync futures on the common pool; on 2 cores its parallelism is 1,
        // and CompletableFuture then starts a new thread per task (the profile counted 45,000 of them).
        System.setProperty("java.util.concurrent.ForkJoinPool.common.parallelism", "2");
        if (args.length > 0 && args[0].equals("--compare")) {
            if (args.length != 3) {
                System.err.print(Settings.USAGE);
                System.exit(2);
            }
            System.out.print(Comparison.render(Path.of(args[1]), Path.of(args[2])));
            System.exit(0);
        }
        // The driver reads the H2 store through the command side's AUTO_SERVER.
        H2RemoteFetch.configure();
        H2LoopbackServer.configure();
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
        } catch (BenchmarkRun.MachineNotQuiet e) {
            System.err.println(e.getMessage());
            System.exit(3);
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }
}
