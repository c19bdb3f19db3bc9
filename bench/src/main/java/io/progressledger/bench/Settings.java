package io.progressledger.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one run does. Every size defaults from {@code --events} so that one flag scales the whole run, from the
 * smoke test's few thousand events to the million of the published figures.
 *
 * @param events            the store's size for the last "ingest at scale" level, the reads and the replay
 * @param repetitions       how many times every figure is measured (median reported, with min and max)
 * @param scenarios         the scenarios this run measures (see {@link #SCENARIOS})
 * @param poolSize          connections of the JDBC baselines; null: the command side's pool size, read from its metrics
 * @param stepDeliveries    webhook deliveries per measured step (one concurrency level, one scale level)
 * @param stepSeconds       a step stops after this long even if it has not sent all its deliveries
 * @param scaleLevels       events already stored before each "ingest at scale" step (the first is the empty store)
 * @param work              where the data files and the applications' logs go during the run
 */
public record Settings(
        String db,
        long events,
        List<Integer> concurrency,
        int headlineConcurrency,
        int stepDeliveries,
        int stepSeconds,
        int warmupDeliveries,
        int warmupSeconds,
        int warmupRounds,
        int levelWarmupDeliveries,
        int baselineSeconds,
        Integer poolSize,
        List<Long> scaleLevels,
        int scaleConcurrency,
        int visibilitySamples,
        int visibilityRate,
        List<Integer> readRates,
        int readSeconds,
        int readSloMs,
        int readMaxRate,
        boolean replaySolo,
        int auditSample,
        int repetitions,
        Set<String> scenarios,
        String label,
        boolean allowBusy,
        double maxBusyPercent,
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

    /** The scenarios a run may be limited to, in the order they run. */
    public static final List<String> SCENARIOS = List.of("ingest", "burst", "scale", "visibility", "reads", "dashboard", "replay", "exactly-once");

    public static final String USAGE = """
            Usage: java -jar bench/target/bench.jar [options]
                   java -jar bench/target/bench.jar --compare BEFORE.json AFTER.json   (a Markdown table of both runs)
              --db h2|postgres          database the applications run on (default h2)
              --events N                events stored for the at-scale, reads and replay scenarios (default 1000000)
              --repetitions N           measured runs of every figure; the median is reported with min and max (default 3)
              --scenarios a,b,...       run only these: ingest, burst, scale, visibility, reads, dashboard,
                                        replay, exactly-once (default all)
              --label NAME              added to the results' name (<timestamp>-<db>-<label>), e.g. before / after
              --command-jar PATH        the command side to measure (default command-side/target/command-side.jar)
              --query-jar PATH          the query side to measure (default query-side/target/query-side.jar)
              --allow-busy              run even if the machine is not quiet at the start (the results say so)
              --max-busy PERCENT        the machine is quiet below this CPU use over 5 s, all cores (default 15)
              --concurrency 1,4,16,64   concurrent senders of the ingest steps
              --headline-concurrency N  the level the ingest headline reports (default 16)
              --step-deliveries N       deliveries per measured step (default: events/50, 500..10000)
              --step-seconds N          longest a step runs (default 60)
              --warmup N                deliveries per warm-up round (default: events/200, 200..2000)
              --warmup-seconds N        warm up at least this long, then until two rounds agree (default 90)
              --warmup-rounds N         at most this many warm-up rounds (default 20)
              --level-warmup N          unmeasured deliveries before each concurrency level (default: step-deliveries/5)
              --baseline-seconds N      longest a JDBC baseline run lasts (default 20)
              --pool N                  connections of the JDBC baselines (default: the command side's pool size)
              --scale-levels a,b,...    stored events before each at-scale step (default 0,events/10,events)
              --scale-concurrency N     senders of the at-scale steps (default 16)
              --visibility-samples N    deliveries timed until readable (default: events/100, 100..2000)
              --visibility-rate N       their rate per second, open loop (default 50)
              --read-rates a,b,...      open-loop rates of the dashboard reads, requests/s (default 100,500,1000)
              --read-seconds N          measured seconds at each rate (default: 20; 5 below 100,000 events)
              --read-slo-ms N           a rate is sustained while p99 stays within this (default 250)
              --read-max-rate N         the search for the highest sustained rate stops here (default 64000)
              --replay-solo true|false  also rebuild each view alone, for its own rate (default true)
              --audit-sample N          talents and learners checked one by one in the views (default 300)
              --app-heap SIZE           -Xmx of each application (default 256m, as in the Dockerfiles)
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
            } else if (name.equals("keep-data") || name.equals("help") || name.equals("allow-busy")) {
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
        int headline = Integer.parseInt(take(options, "headline-concurrency", "16"));
        int stepDeliveries = Integer.parseInt(take(options, "step-deliveries", Long.toString(clamp(events / 50, 500, 10_000))));
        int stepSeconds = Integer.parseInt(take(options, "step-seconds", "60"));
        int warmup = Integer.parseInt(take(options, "warmup", Long.toString(clamp(events / 200, 200, 2_000))));
        int warmupSeconds = Integer.parseInt(take(options, "warmup-seconds", "90"));
        int warmupRounds = Integer.parseInt(take(options, "warmup-rounds", "20"));
        int levelWarmup = Integer.parseInt(take(options, "level-warmup", Integer.toString(stepDeliveries / 5)));
        int baselineSeconds = Integer.parseInt(take(options, "baseline-seconds", "20"));
        String pool = take(options, "pool", null);
        List<Long> scaleLevels = new ArrayList<>(new TreeSet<>(longs(take(options, "scale-levels",
                "0," + events / 10 + "," + events))));
        int scaleConcurrency = Integer.parseInt(take(options, "scale-concurrency", "16"));
        int visibilitySamples = Integer.parseInt(take(options, "visibility-samples", Long.toString(clamp(events / 100, 100, 2_000))));
        int visibilityRate = Integer.parseInt(take(options, "visibility-rate", "50"));
        List<Integer> readRates = new ArrayList<>(new TreeSet<>(ints(take(options, "read-rates", "100,500,1000"))));
        int readSeconds = Integer.parseInt(take(options, "read-seconds", events < 100_000 ? "5" : "20"));
        int readSloMs = Integer.parseInt(take(options, "read-slo-ms", "250"));
        int readMaxRate = Integer.parseInt(take(options, "read-max-rate", "64000"));
        boolean replaySolo = Boolean.parseBoolean(take(options, "replay-solo", "true"));
        int auditSample = Integer.parseInt(take(options, "audit-sample", "300"));
        int repetitions = Integer.parseInt(take(options, "repetitions", "3"));
        if (repetitions < 1) {
            throw new IllegalArgumentException("--repetitions must be at least 1");
        }
        Set<String> scenarios = new LinkedHashSet<>();
        for (String scenario : take(options, "scenarios", String.join(",", SCENARIOS)).split(",")) {
            if (!SCENARIOS.contains(scenario.strip())) {
                throw new IllegalArgumentException("unknown scenario '" + scenario.strip() + "': choose from " + SCENARIOS);
            }
            scenarios.add(scenario.strip());
        }
        String label = take(options, "label", null);
        if (label != null && !label.matches("[A-Za-z0-9._-]{1,40}")) {
            throw new IllegalArgumentException("--label takes letters, digits, '.', '_' and '-' (at most 40)");
        }
        boolean allowBusy = Boolean.parseBoolean(take(options, "allow-busy", "false"));
        double maxBusy = Double.parseDouble(take(options, "max-busy", "15"));
        String appHeap = take(options, "app-heap", "256m");
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
        return new Settings(db, events, concurrency, headline, stepDeliveries, stepSeconds, warmup, warmupSeconds,
                warmupRounds, levelWarmup, baselineSeconds, pool == null ? null : Integer.valueOf(pool), scaleLevels,
                scaleConcurrency, visibilitySamples, visibilityRate, readRates, readSeconds, readSloMs, readMaxRate,
                replaySolo,
                auditSample, repetitions, Set.copyOf(scenarios), label, allowBusy, maxBusy, appHeap, commandJar,
                queryJar, out, work, keepData, postgresUrl, postgresUser, postgresPassword, seed);
    }

    /** Whether the run includes this scenario. */
    public boolean runs(String scenario) {
        return scenarios.contains(scenario);
    }

    /** The same settings with the run's work directory filled in. */
    public Settings withWork(Path directory) {
        return new Settings(db, events, concurrency, headlineConcurrency, stepDeliveries, stepSeconds, warmupDeliveries,
                warmupSeconds, warmupRounds, levelWarmupDeliveries, baselineSeconds, poolSize, scaleLevels, scaleConcurrency,
                visibilitySamples, visibilityRate, readRates, readSeconds, readSloMs, readMaxRate, replaySolo, auditSample,
                repetitions, scenarios, label, allowBusy, maxBusyPercent, appHeap, commandJar, queryJar, out,
                directory, keepData, postgresUrl, postgresUser, postgresPassword, seed);
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
