package io.progressledger.bench.scenario;

import io.progressledger.bench.Settings;
import io.progressledger.bench.launch.Applications;
import io.progressledger.bench.launch.Credentials;
import io.progressledger.bench.launch.Database;
import io.progressledger.bench.load.Progress;
import io.progressledger.bench.report.MachineInfo;
import io.progressledger.bench.report.ReportWriter;
import io.progressledger.bench.report.Results;
import io.progressledger.bench.report.Targets;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One benchmark run, start to end: the machine checked quiet, both applications started, then warm-up, ingest (each
 * concurrency, with its JDBC baselines), ingest at scale on the nearly empty store, visibility, ingest at each larger
 * store size, reads and replay on the full store, and the exactly-once check last; each repeated, each limited to
 * what {@code --scenarios} asks. A scenario that fails is reported and the run goes on with the next, so one missing
 * feature (the replay API, say) costs only its own figures.
 */
public final class BenchmarkRun {

    /** The machine was busy at the start and the run was not told to go on anyway. */
    public static final class MachineNotQuiet extends RuntimeException {
        MachineNotQuiet(String message) {
            super(message);
        }
    }

    private final Settings settings;
    private final PrintStream out;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, String> failures = new LinkedHashMap<>();

    public BenchmarkRun(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public ReportWriter.Written run(String commandLine) {
        Instant started = Instant.now();
        String loadAverage = MachineInfo.loadAverage();
        String name = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + settings.db()
                + (settings.label() == null ? "" : "-" + settings.label());
        Path work = settings.work() != null ? settings.work() : Settings.moduleDirectory().resolve("target")
                .resolve("bench-work").resolve(name);
        Settings run = settings.withWork(work.toAbsolutePath());
        createDirectories(run.work());
        out.printf("Progress Ledger benchmark: --db %s --events %,d, %d repetition(s) of %s; data and logs in %s%n",
                run.db(), run.events(), run.repetitions(), scenarioList(run), run.work());

        Results.Scenarios scenarios;
        Map<String, String> versions = new LinkedHashMap<>();
        Results.Timeline timeline;
        Results.Quiet quiet;
        Results.DatabaseInfo databaseInfo;
        List<Results.CpuPhase> cpu;
        try (Progress progress = new Progress(out);
             Database database = Database.of(run, run.work().resolve("data"))) {
            quiet = quietCheck(run, database);
            RunContext context = new RunContext(run, database, json, progress);
            // Ctrl-C on a long run must not leave two JVMs and a database behind.
            Thread cleanup = new Thread(() -> {
                context.stopApplications();
                database.close();
            }, "bench-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
            try {
                versions.putAll(Versions.read(settings, database));
                databaseInfo = Versions.database(database);
                scenarios = scenarios(context, database, versions);
            } finally {
                if (context.memory() != null) {
                    context.memory().close();
                }
                context.http().close();
            }
            timeline = timeline(context);
            cpu = context.cpu() == null ? List.of() : context.cpu().phases();
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
        if (!run.keepData()) {
            deleteRecursively(run.work().resolve("data"));
        }
        Instant finished = Instant.now();
        Results results = new Results(run.db(), run.label(), started.truncatedTo(ChronoUnit.SECONDS).toString(),
                finished.truncatedTo(ChronoUnit.SECONDS).toString(),
                Math.round((finished.toEpochMilli() - started.toEpochMilli()) / 100.0) / 10.0,
                MachineInfo.read(loadAverage, quiet), databaseInfo, versions, settingsMap(run), scenarios, cpu,
                Targets.evaluate(scenarios), failures, timeline);
        ReportWriter.Written written = ReportWriter.write(results, run.out(), name, commandLine, json);
        out.printf("%nResults: %s%nReport:  %s%n", written.json(), written.markdown());
        return written;
    }

    /** Five seconds of the machine's CPU use before anything starts; a busy machine stops the run unless allowed. */
    private Results.Quiet quietCheck(Settings run, Database database) {
        Results.Quiet quiet = MachineInfo.quiet(5, run.maxBusyPercent(), run.allowBusy(), database.otherActiveSessions());
        String load = String.format(java.util.Locale.ROOT, "machine %.1f %% busy over %.0f s (quiet below %.0f %%), "
                        + "load average %s, %d cores%s", quiet.busyPercent(), quiet.sampleSeconds(), quiet.maxBusyPercent(),
                quiet.loadAverage(), Runtime.getRuntime().availableProcessors(), quiet.otherDatabaseSessions() == null
                        ? "" : ", " + quiet.otherDatabaseSessions() + " other active sessions on the database server");
        if (quiet.quiet()) {
            out.println("Quiet: " + load);
        } else if (run.allowBusy()) {
            out.println("NOT QUIET, running anyway (--allow-busy; the results say so): " + load);
        } else {
            throw new MachineNotQuiet("The machine is not quiet: " + load + ". Other work lowers every figure; wait "
                    + "for it to finish, or run with --allow-busy (the results are then marked as taken on a busy machine).");
        }
        return quiet;
    }

    private Results.Scenarios scenarios(RunContext context, Database database, Map<String, String> versions) {
        Settings s = context.settings();
        context.progress().start("starting both applications (" + s.appHeap() + " heap each)", 0, "", null);
        Applications applications = attempt("start", () -> Applications.start(s, database, Credentials.random()));
        if (applications == null) {
            return new Results.Scenarios(null, null, null, null, null, null, null, null, null);
        }
        try (applications) {
            context.applications(applications);
            context.progress().finish("command side pid " + applications.commandSide().pid() + ", query side pid "
                    + applications.querySide().pid() + "; logs in " + applications.commandSide().log().getParent());
            versions.putAll(Versions.applications(context.queryApi(), applications));
            Map<String, Results.PhaseMemory> memory = new LinkedHashMap<>();

            attempt("warm-up", () -> WarmUp.run(context));
            context.memory().resetPeaks();
            ScaleScenario scale = new ScaleScenario(context);
            List<Long> levels = s.scaleLevels();
            // The sweep first: its minute-long steps finish warming the JIT, which the first measured step still
            // felt (it ran at half the speed of the same step two minutes later, and skewed every at-scale ratio).
            Results.Ingest ingest = null;
            if (s.runs("ingest")) {
                ingest = attempt("ingest", () -> {
                    try (WriteBaselines baselines = WriteBaselines.prepare(context)) {
                        return IngestScenario.sweep(context, baselines);
                    }
                });
            }
            Results.Burst burst = s.runs("burst") ? attempt("burst", () -> BurstScenario.run(context)) : null;
            if (s.runs("scale")) {
                attempt("ingest at scale (" + levels.get(0) + ")", () -> {
                    scale.level(levels.get(0));
                    return null;
                });
            }
            Results.Visibility visibility = s.runs("visibility")
                    ? attempt("visibility", () -> VisibilityScenario.run(context)) : null;
            if (s.runs("scale")) {
                for (long level : levels.subList(1, levels.size())) {
                    attempt("ingest at scale (" + level + ")", () -> {
                        scale.level(level);
                        return null;
                    });
                }
            }
            memory.put("ingest", context.memory().peaks());
            Results.IngestAtScale atScale = s.runs("scale") ? scale.result() : null;
            if (s.runs("reads") || s.runs("dashboard") || s.runs("replay")) {
                // Reads, the dashboard and replay measure the full store, whether or not the at-scale steps filled it.
                attempt("filling the store to " + s.events(), () -> scale.fill(s.events()));
            }

            Results.Reads reads = null;
            if (s.runs("reads")) {
                attempt("catch-up before reads", () -> Views.awaitCaughtUp(context, "before the reads"));
                context.memory().resetPeaks();
                reads = attempt("reads", () -> ReadsScenario.run(context));
                memory.put("reads", context.memory().peaks());
            }

            Results.Dashboard dashboard = null;
            if (s.runs("dashboard")) {
                attempt("catch-up before the dashboard", () -> Views.awaitCaughtUp(context, "before the dashboard"));
                dashboard = attempt("dashboard", () -> new DashboardScenario(context).run());
            }

            Results.Replay replay = null;
            if (s.runs("replay")) {
                context.memory().resetPeaks();
                replay = attempt("replay", () -> new ReplayScenario(context).run());
                if (replay == null) {
                    replay = new Results.Replay("failed", null, null, null, context.store().count(), null,
                            failures.get("replay"), null, null, Map.of(), List.of(), List.of());
                }
                memory.put("replay", context.memory().peaks());
            }

            Results.ExactlyOnce exactlyOnce = s.runs("exactly-once")
                    ? attempt("exactly once", () -> new ExactlyOnceCheck(context).run()) : null;
            double commandPeak = memory.values().stream().mapToDouble(Results.PhaseMemory::commandPeakMb).max().orElse(-1);
            double queryPeak = memory.values().stream().mapToDouble(Results.PhaseMemory::queryPeakMb).max().orElse(-1);
            return new Results.Scenarios(ingest, burst, atScale, visibility, replay, reads, dashboard,
                    new Results.Memory(commandPeak, queryPeak, "MiB", context.memory().resetWorked(), memory),
                    exactlyOnce);
        }
    }

    private static String scenarioList(Settings settings) {
        return String.join(", ", Settings.SCENARIOS.stream().filter(settings::runs).toList());
    }

    private Results.Timeline timeline(RunContext context) {
        List<Results.Span> spans = context.meter().spans().stream()
                .map(span -> new Results.Span(span.name(), round(span.from()), round(span.to()))).toList();
        double end = spans.stream().mapToDouble(Results.Span::to).max().orElse(0);
        return new Results.Timeline(spans, context.meter().counts(0, end),
                context.memory() == null ? List.of() : context.memory().commandSeries(),
                context.memory() == null ? List.of() : context.memory().querySeries());
    }

    /** Runs a scenario; a failure is recorded, printed, and the run goes on. */
    private <T> T attempt(String scenario, Supplier<T> body) {
        try {
            return body.get();
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            failures.put(scenario, message);
            out.printf("%n!! %s failed: %s%n", scenario, message);
            return null;
        }
    }

    private static Map<String, Object> settingsMap(Settings s) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("db", s.db());
        map.put("events", s.events());
        map.put("repetitions", s.repetitions());
        map.put("scenarios", Settings.SCENARIOS.stream().filter(s::runs).toList());
        map.put("label", s.label());
        map.put("commandJar", s.commandJar().toString());
        map.put("queryJar", s.queryJar().toString());
        map.put("concurrency", s.concurrency());
        map.put("headlineConcurrency", s.headlineConcurrency());
        map.put("stepDeliveries", s.stepDeliveries());
        map.put("stepSeconds", s.stepSeconds());
        map.put("warmupDeliveries", s.warmupDeliveries());
        map.put("warmupSeconds", s.warmupSeconds());
        map.put("warmupRounds", s.warmupRounds());
        map.put("levelWarmupDeliveries", s.levelWarmupDeliveries());
        map.put("baselineSeconds", s.baselineSeconds());
        map.put("poolSize", s.poolSize() == null ? "the command side's" : s.poolSize());
        map.put("scaleLevels", s.scaleLevels());
        map.put("scaleConcurrency", s.scaleConcurrency());
        map.put("visibilitySamples", s.visibilitySamples());
        map.put("visibilityRate", s.visibilityRate());
        map.put("readRates", s.readRates());
        map.put("readSeconds", s.readSeconds());
        map.put("readSloMs", s.readSloMs());
        map.put("readMaxRate", s.readMaxRate());
        map.put("replaySolo", s.replaySolo());
        map.put("maxBusyPercent", s.maxBusyPercent());
        map.put("allowBusy", s.allowBusy());
        map.put("auditSample", s.auditSample());
        map.put("appHeap", s.appHeap());
        map.put("mix", "70% Phoenix / 30% Toolzz; 5% repeats, 1% invalid");
        map.put("seed", s.seed());
        return map;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static void createDirectories(Path path) {
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
