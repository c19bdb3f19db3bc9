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
import io.progressledger.bench.store.JdbcBaselines;
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
 * One benchmark run, start to end: JDBC baselines on the fresh database, both applications started, then ingest
 * (empty store, each concurrency), visibility, ingest at each larger store size, reads and replay on the full store,
 * and the exactly-once check last. A scenario that fails is reported and the run goes on with the next, so one
 * missing feature (the replay API, say) costs only its own figures.
 */
public final class BenchmarkRun {

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
        String name = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + settings.db();
        Path work = settings.work() != null ? settings.work() : Settings.moduleDirectory().resolve("target")
                .resolve("bench-work").resolve(name);
        Settings run = settings.withWork(work.toAbsolutePath());
        createDirectories(run.work());
        out.printf("Progress Ledger benchmark: --db %s --events %,d; data and logs in %s%n", run.db(), run.events(), run.work());
        out.printf("Load average before starting: %s (%d cores); other work on the machine lowers every figure%n",
                loadAverage, Runtime.getRuntime().availableProcessors());

        Results.Scenarios scenarios;
        Map<String, String> versions = new LinkedHashMap<>();
        Results.Timeline timeline;
        try (Progress progress = new Progress(out);
             Database database = Database.of(run, run.work().resolve("data"))) {
            RunContext context = new RunContext(run, database, json, progress);
            // Ctrl-C on a long run must not leave two JVMs and a database behind.
            Thread cleanup = new Thread(() -> {
                context.stopApplications();
                database.close();
            }, "bench-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
            try {
                scenarios = scenarios(context, database, versions);
            } finally {
                if (context.memory() != null) {
                    context.memory().close();
                }
                context.http().close();
            }
            timeline = timeline(context);
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
        if (!run.keepData()) {
            deleteRecursively(run.work().resolve("data"));
        }
        Instant finished = Instant.now();
        Results results = new Results(run.db(), started.truncatedTo(ChronoUnit.SECONDS).toString(),
                finished.truncatedTo(ChronoUnit.SECONDS).toString(),
                Math.round((finished.toEpochMilli() - started.toEpochMilli()) / 100.0) / 10.0, MachineInfo.read(loadAverage),
                versions, settingsMap(run), scenarios, Targets.evaluate(scenarios), failures, timeline);
        ReportWriter.Written written = ReportWriter.write(results, run.out(), name, commandLine, json);
        out.printf("%nResults: %s%nReport:  %s%n", written.json(), written.markdown());
        return written;
    }

    private Results.Scenarios scenarios(RunContext context, Database database, Map<String, String> versions) {
        versions.putAll(Versions.read(settings, database));
        Map<Integer, JdbcBaselines.InsertResult> insertBaselines =
                attempt("ingest baseline", () -> IngestScenario.baselines(context));
        context.progress().start("starting both applications (" + settings.appHeap() + " heap each)", 0, "", null);
        Applications applications = attempt("start", () -> Applications.start(context.settings(), database,
                Credentials.random()));
        if (applications == null) {
            return new Results.Scenarios(null, null, null, null, null, null, null);
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
            List<Long> levels = context.settings().scaleLevels();
            // The sweep first: its minute-long steps finish warming the JIT, which the first measured step still
            // felt (it ran at half the speed of the same step two minutes later, and skewed every at-scale ratio).
            Results.Ingest ingest = insertBaselines == null ? null
                    : attempt("ingest", () -> IngestScenario.sweep(context, insertBaselines));
            attempt("ingest at scale (empty store)", () -> {
                scale.level(levels.get(0));
                return null;
            });
            // Visibility is the lag of a steady 50/s: it starts once the views have the ingest steps' backlog.
            attempt("catch-up before visibility", () -> Views.awaitCaughtUp(context, "before visibility"));
            Results.Visibility visibility = attempt("visibility", () -> VisibilityScenario.run(context));
            for (long level : levels.subList(1, levels.size())) {
                attempt("ingest at scale (" + level + ")", () -> {
                    scale.level(level);
                    return null;
                });
            }
            memory.put("ingest", context.memory().peaks());
            Results.IngestAtScale atScale = scale.result();

            attempt("catch-up before reads", () -> Views.awaitCaughtUp(context, "before the reads"));
            context.memory().resetPeaks();
            Results.Reads reads = attempt("reads", () -> ReadsScenario.run(context));
            memory.put("reads", context.memory().peaks());

            context.memory().resetPeaks();
            ReplayScenario replayScenario = new ReplayScenario(context);
            Results.Replay replay = attempt("replay", replayScenario::run);
            if (replay == null) {
                replay = new Results.Replay("failed", null, null, null, context.store().count(), null,
                        failures.get("replay"), List.of());
            }
            memory.put("replay", context.memory().peaks());
            replayEventsDone = replayScenario.progressSeries();

            Results.ExactlyOnce exactlyOnce = attempt("exactly once", () -> new ExactlyOnceCheck(context).run());
            double commandPeak = memory.values().stream().mapToDouble(Results.PhaseMemory::commandPeakMb).max().orElse(-1);
            double queryPeak = memory.values().stream().mapToDouble(Results.PhaseMemory::queryPeakMb).max().orElse(-1);
            return new Results.Scenarios(ingest, atScale, visibility, replay, reads,
                    new Results.Memory(commandPeak, queryPeak, context.memory().resetWorked(), memory), exactlyOnce);
        }
    }

    private Map<String, List<double[]>> replayEventsDone = Map.of();

    private Results.Timeline timeline(RunContext context) {
        List<Results.Span> spans = context.meter().spans().stream()
                .map(span -> new Results.Span(span.name(), round(span.from()), round(span.to()))).toList();
        double end = spans.stream().mapToDouble(Results.Span::to).max().orElse(0);
        return new Results.Timeline(spans, context.meter().counts(0, end),
                context.memory() == null ? List.of() : context.memory().commandSeries(),
                context.memory() == null ? List.of() : context.memory().querySeries(), replayEventsDone);
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
        map.put("concurrency", s.concurrency());
        map.put("stepDeliveries", s.stepDeliveries());
        map.put("stepSeconds", s.stepSeconds());
        map.put("warmupDeliveries", s.warmupDeliveries());
        map.put("warmupSeconds", s.warmupSeconds());
        map.put("scaleLevels", s.scaleLevels());
        map.put("scaleConcurrency", s.scaleConcurrency());
        map.put("visibilitySamples", s.visibilitySamples());
        map.put("visibilityRate", s.visibilityRate());
        map.put("readers", s.readers());
        map.put("readsPerEndpoint", s.readsPerEndpoint());
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
