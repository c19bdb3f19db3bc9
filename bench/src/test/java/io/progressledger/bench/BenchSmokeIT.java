package io.progressledger.bench;

import io.progressledger.bench.report.ReportWriter;
import io.progressledger.bench.scenario.BenchmarkRun;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark in miniature, in every {@code ./mvnw verify}, so the harness never rots: both applications from
 * their freshly packaged jars, a few thousand events, every scenario, two repetitions. It checks that every figure
 * was produced (with its spread, its baselines and its CPU seconds) and that nothing was lost; it never looks at how
 * fast anything was (this is not a timed test), and runs on a busy machine too ({@code --allow-busy}).
 */
class BenchSmokeIT {

    private static final Path COMMAND_JAR = Path.of("..", "command-side", "target", "command-side.jar");
    private static final Path QUERY_JAR = Path.of("..", "query-side", "target", "query-side.jar");

    @Test
    void a_small_run_produces_every_figure_and_loses_nothing() throws Exception {
        for (Path jar : List.of(COMMAND_JAR, QUERY_JAR)) {
            assertTrue(Files.isRegularFile(jar), () -> jar.toAbsolutePath().normalize() + " is missing: run "
                    + "./mvnw verify from the project root, which packages both applications before this test");
        }
        Settings settings = Settings.parse("--db", "h2", "--events", "3000", "--repetitions", "2",
                "--concurrency", "1,16", "--step-deliveries", "60", "--level-warmup", "10", "--warmup", "100",
                "--warmup-seconds", "1", "--warmup-rounds", "2", "--baseline-seconds", "1", "--visibility-samples", "30",
                "--read-rates", "20,40", "--read-seconds", "1", "--read-max-rate", "40", "--audit-sample", "50",
                "--allow-busy", "--command-jar", COMMAND_JAR.toString(), "--query-jar", QUERY_JAR.toString(),
                "--out", Path.of("target", "smoke-results").toString(),
                "--work", Path.of("target", "smoke-work").toString());

        ReportWriter.Written written = new BenchmarkRun(settings, System.out).run("BenchSmokeIT");

        assertTrue(Files.isRegularFile(written.markdown()), "the Markdown report is written");
        JsonNode results = JsonMapper.builder().build().readTree(written.json().toFile());
        JsonNode scenarios = results.path("scenarios");
        List<String> missing = new ArrayList<>();
        for (String figure : List.of(
                // pinned for tools outside the project
                "ingest/perSec", "ingest/baselinePerSec", "ingest/ratio", "ingest/p50Ms", "ingest/p99Ms",
                "visibility/p50Ms", "visibility/p99Ms", "replay/eventsPerSec", "replay/baselinePerSec", "replay/ratio",
                "reads/p50Ms", "reads/p99Ms", "memory/commandRssMb", "memory/queryRssMb",
                // the fair baselines, CPU per process, dispersion
                "ingest/sameRowsBaselinePerSec", "ingest/sameRowsRatio", "ingest/poolSize",
                "ingest/cpuSeconds/command", "ingest/cpuSeconds/query", "ingest/cpuSeconds/driver",
                "ingest/spread/perSec/median", "ingest/spread/perSec/min", "ingest/spread/perSec/max",
                "ingestAtScale/cpuSeconds/command", "visibility/endToEnd/p99Ms", "visibility/cpuSeconds/query",
                "visibility/spread/p99Ms/max", "replay/cpuSeconds/query", "replay/spread/eventsPerSec/median",
                "replay/rawRead/eventsPerSec/keysetPages/median", "replay/rawRead/eventsPerSec/lazyScan/median",
                "reads/maxSustainable/ratePerSec", "reads/operatorStatus/p99Ms", "reads/cpuSeconds/query",
                "reads/spread/p99Ms/median",
                // a retry storm released at once
                "burst/p99Ms", "burst/spread/p99Ms/max", "burst/cpuSeconds/command",
                // the dashboard page's first render in headless Chromium (.ci/run installs it)
                "dashboard/firstRenderMs", "dashboard/spread/firstRenderMs/median")) {
            if (!scenarios.at("/" + figure).isNumber()) {
                missing.add(figure);
            }
        }
        assertTrue(missing.isEmpty(), () -> "figures missing: " + missing + "; failures: " + results.path("failures"));

        assertEquals(2, scenarios.at("/ingest/levels/0/runs").size(), "every level is measured twice");
        assertEquals(2, scenarios.at("/burst/runs").size(), "the storm is released twice");
        assertEquals(500, scenarios.at("/burst/calls").asInt(), "a storm is 500 calls");
        // Counted, not required to be zero: a busy build machine may shed calls past the ledger's wait bound.
        assertTrue(scenarios.at("/burst/answers/accepted").asLong() > 0
                && scenarios.at("/burst/answers/duplicate").asLong() > 0, () -> "answers: " + scenarios.at("/burst"));
        assertEquals(2, scenarios.at("/ingest/levels/1/spread/sameRowsRatio/runs").size());
        assertEquals(16, scenarios.at("/ingest/concurrency").asInt(), "the headline is the 16-sender level");
        List<String> tables = new ArrayList<>();
        scenarios.at("/ingest/sameRows/tables").forEach(t -> tables.add(t.path("table").asString().toLowerCase()));
        assertTrue(tables.containsAll(List.of("domainevententry", "delivery")), () -> "same rows: " + tables);
        JsonNode openLoop = scenarios.at("/reads/openLoop");
        assertEquals(2, openLoop.size(), "one open-loop level per rate");
        openLoop.forEach(level -> assertTrue(level.path("ratePerSec").isNumber() && level.path("p50Ms").isNumber()
                && level.path("p99Ms").isNumber() && level.path("floorP99Ms").isNumber(), level::toString));
        assertTrue(scenarios.at("/reads/floor/statuses/404").asLong() > 0, "the floor is answered 404 problem+json");
        assertEquals("measured", scenarios.at("/replay/status").asString(), () -> "replay: " + scenarios.at("/replay/detail"));
        scenarios.at("/replay/views").forEach(view -> assertTrue(view.path("eventsPerSec").isNumber()
                && view.path("soloEventsPerSec").isNumber(), view::toString));
        assertEquals(3, scenarios.path("ingestAtScale").path("levels").size(), "every at-scale level is measured");
        assertEquals("MiB", scenarios.at("/memory/unit").asString());
        assertTrue(results.at("/machine/quietCheck/busyPercent").isNumber(), "the machine's load at the start is recorded");
        assertTrue(results.at("/database/commitMeaning").asString().contains("fsync"), "what a commit means is said");
        assertTrue(results.path("cpu").size() > 10, "CPU seconds per phase");
        List<String> phases = new java.util.ArrayList<>();
        results.path("cpu").forEach(phase -> phases.add(phase.path("name").asString()));
        int readsWarmUp = phases.indexOf(phases.stream().filter(name -> name.startsWith("warm-up of the dashboard reads"))
                .findFirst().orElse("none"));
        int firstReads = phases.indexOf(phases.stream().filter(name -> name.startsWith("dashboard reads"))
                .findFirst().orElse("none"));
        assertTrue(readsWarmUp >= 0 && readsWarmUp < firstReads,
                () -> "the dashboard reads are warmed up, unmeasured, before their first measured step: " + phases);

        JsonNode exactlyOnce = scenarios.path("exactlyOnce");
        assertEquals(exactlyOnce.path("expectedEventsInStore").asLong(), exactlyOnce.path("eventsInStore").asLong(),
                "one stored event per accepted delivery, plus the bulk-loaded ones");
        assertEquals(0, exactlyOnce.path("acceptedEventsMissing").asLong(), "no accepted delivery's event is missing");
        assertEquals(0, exactlyOnce.path("duplicateFacts").asLong(), "no fact is stored twice");
        assertTrue(exactlyOnce.path("exact").asBoolean(), () -> "exactly once: " + exactlyOnce);
    }
}
