package io.progressledger.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What one run does. Every size defaults from {@code --events} so that one flag scales the whole run, from the
 * smoke test's few thousand events to the million of the published figures.
 *
 * @param events            the store's size for the last "ingest at scale" level, the reads and the replay
 * @param stepDeliveries    webhook deliveries per measured step (one concurrency level, one scale level)
 * @param stepSeconds       a step stops after this long even if it has not sent all its deliveries
 * @param scaleLevels       events already stored before each "ingest at scale" step (the first is the empty store)
 * @param work              where the data files and the applications' logs go during the run
 */
public record Settings(
        String db,
        long events,
        List<Integer> concurrency,
        int stepDeliveries,
        int stepSeconds,
        int warmupDeliveries,
        int warmupSeconds,
        List<Long> scaleLevels,
        int scaleConcurrency,
        int visibilitySamples,
        int visibilityRate,
        int readers,
        int readsPerEndpoint,
        int auditSample,
        String appHeap,
        Path commandJar,
        Path queryJar,
        Path out,
        Path work,
        boolean keepData,
        String postgresUrl,
        String postgresUser,
        String postgresPassword,
        long seed) {

    public static final String USAGE = """
            Usage: java -jar bench/target/bench.jar [options]
              --db h2|postgres          database the applications run on (default h2)
              --events N                events stored for the at-scale, reads and replay scenarios (default 1000000)
              --concurrency 1,4,16,64   concurrent senders of the ingest steps
              --step-deliveries N       deliveries per measured step (default: events/50, 500..10000)
              --step-seconds N          longest a step runs (default 60)
              --warmup N                deliveries per warm-up round (default: events/200, 200..2000)
              --warmup-seconds N        warm up at least this long, then until two rounds agree (default 90)
              --scale-levels a,b,...    stored events before each at-scale step (default 0,events/10,events)
              --scale-concurrency N     senders of the at-scale steps (default 16)
              --visibility-samples N    deliveries timed until readable (default: events/100, 100..2000)
              --visibility-rate N       their rate per second, open loop (default 50)
              --readers N               concurrent dashboard readers (default 50)
              --reads N                 reads per endpoint (default: events/50, 200..3000)
              --audit-sample N          talents and learners checked one by one in the views (default 300)
              --app-heap SIZE           -Xmx of each application (default 384m)
              --command-jar PATH        default command-side/target/command-side.jar
              --query-jar PATH          default query-side/target/query-side.jar
              --out DIR                 results and report (default bench/results)
              --work DIR                data files and logs during the run (default bench/target/bench-work/<run>)
              --keep-data               keep the data files after the run
              --postgres-url URL        server for --db postgres (default jdbc:postgresql://127.0.0.1:5432/)
              --postgres-user NAME      (default postgres)
              --postgres-password PW    (default empty)
              --seed N                  random seed of the synthetic traffic (default 42)
            """;

    public static Settings parse(String... args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (name.equals("keep-data") || name.equals("help")) {
                value = "true";
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            options.put(name, value);
        }
        if (options.containsKey("help")) {
            throw new IllegalArgumentException("help");
        }
        return from(options);
    }

    private static Settings from(Map<String, String> o) {
        Map<String, String> options = new LinkedHashMap<>(o);
        String db = take(options, "db", "h2");
        if (!db.equals("h2") && !db.equals("postgres")) {
            throw new IllegalArgumentException("--db must be h2 or postgres, not '" + db + "'");
        }
        long events = Long.parseLong(take(options, "events", "1000000"));
        if (events < 100) {
            throw new IllegalArgumentException("--events must be at least 100");
        }
        List<Integer> concurrency = ints(take(options, "concurrency", "1,4,16,64"));
        int stepDeliveries = Integer.parseInt(take(options, "step-deliveries", Long.toString(clamp(events / 50, 500, 10_000))));
        int stepSeconds = Integer.parseInt(take(options, "step-seconds", "60"));
        int warmup = Integer.parseInt(take(options, "warmup", Long.toString(clamp(events / 200, 200, 2_000))));
        int warmupSeconds = Integer.parseInt(take(options, "warmup-seconds", "90"));
        List<Long> scaleLevels = new ArrayList<>(new TreeSet<>(longs(take(options, "scale-levels",
                "0," + events / 10 + "," + events))));
        int scaleConcurrency = Integer.parseInt(take(options, "scale-concurrency", "16"));
        int visibilitySamples = Integer.parseInt(take(options, "visibility-samples", Long.toString(clamp(events / 100, 100, 2_000))));
        int visibilityRate = Integer.parseInt(take(options, "visibility-rate", "50"));
        int readers = Integer.parseInt(take(options, "readers", "50"));
        int reads = Integer.parseInt(take(options, "reads", Long.toString(clamp(events / 50, 200, 3_000))));
        int auditSample = Integer.parseInt(take(options, "audit-sample", "300"));
        String appHeap = take(options, "app-heap", "384m");
        Path commandJar = Path.of(take(options, "command-jar", defaultJar("command-side").toString()));
        Path queryJar = Path.of(take(options, "query-jar", defaultJar("query-side").toString()));
        Path module = moduleDirectory();
        Path out = Path.of(take(options, "out", module.resolve("results").toString()));
        String workOption = take(options, "work", null);
        Path work = workOption == null ? null : Path.of(workOption);
        boolean keepData = Boolean.parseBoolean(take(options, "keep-data", "false"));
        String postgresUrl = take(options, "postgres-url", "jdbc:postgresql://127.0.0.1:5432/");
        String postgresUser = take(options, "postgres-user", "postgres");
        String postgresPassword = take(options, "postgres-password", "");
        long seed = Long.parseLong(take(options, "seed", "42"));
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s): --" + String.join(", --", options.keySet()));
        }
        return new Settings(db, events, concurrency, stepDeliveries, stepSeconds, warmup, warmupSeconds, scaleLevels,
                scaleConcurrency, visibilitySamples, visibilityRate, readers, reads, auditSample, appHeap,
                commandJar, queryJar, out, work, keepData, postgresUrl, postgresUser, postgresPassword, seed);
    }

    /** The same settings with the run's work directory filled in. */
    public Settings withWork(Path directory) {
        return new Settings(db, events, concurrency, stepDeliveries, stepSeconds, warmupDeliveries, warmupSeconds, scaleLevels,
                scaleConcurrency, visibilitySamples, visibilityRate, readers, readsPerEndpoint, auditSample, appHeap,
                commandJar, queryJar, out, directory, keepData, postgresUrl, postgresUser, postgresPassword, seed);
    }

    /** The directory of the bench module: {@code bench/} when run from the project root, else the current one. */
    public static Path moduleDirectory() {
        Path bench = Path.of("bench");
        return Files.isDirectory(bench.resolve("src")) ? bench : Path.of(".");
    }

    /** {@code <app>/target/<app>.jar} from the project root, or {@code ../<app>/...} from the bench module. */
    private static Path defaultJar(String app) {
        Path fromRoot = Path.of(app, "target", app + ".jar");
        Path fromModule = Path.of("..", app, "target", app + ".jar");
        return Files.exists(fromRoot) || !Files.exists(fromModule) ? fromRoot : fromModule;
    }

    private static String take(Map<String, String> options, String name, String fallback) {
        String value = options.remove(name);
        return value == null ? fallback : value;
    }

    private static List<Integer> ints(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).map(Integer::parseInt).toList();
    }

    private static List<Long> longs(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).map(Long::parseLong).toList();
    }

    private static long clamp(long value, long min, long max) {
        return Math.max(min, Math.min(max, value));
    }
}
