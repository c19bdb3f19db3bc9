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
 * their freshly packaged jars, a few thousand events, every scenario. It checks that the figures were produced and
 * that nothing was lost; it never looks at how fast anything was (this is not a timed test).
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
        Settings settings = Settings.parse("--db", "h2", "--events", "3000", "--step-deliveries", "150",
                "--warmup", "100", "--warmup-seconds", "5", "--visibility-samples", "100", "--reads", "100", "--audit-sample", "50",
                "--command-jar", COMMAND_JAR.toString(), "--query-jar", QUERY_JAR.toString(),
                "--out", Path.of("target", "smoke-results").toString(),
                "--work", Path.of("target", "smoke-work").toString());

        ReportWriter.Written written = new BenchmarkRun(settings, System.out).run("BenchSmokeIT");

        assertTrue(Files.isRegularFile(written.markdown()), "the Markdown report is written");
        JsonNode results = JsonMapper.builder().build().readTree(written.json().toFile());
        JsonNode scenarios = results.path("scenarios");
        List<String> missing = new ArrayList<>();
        for (String figure : List.of("ingest/perSec", "ingest/baselinePerSec", "ingest/ratio", "ingest/p50Ms",
                "ingest/p99Ms", "visibility/p50Ms", "visibility/p99Ms", "replay/baselinePerSec", "reads/p50Ms",
                "reads/p99Ms", "memory/commandRssMb", "memory/queryRssMb")) {
            if (!scenarios.at("/" + figure).isNumber()) {
                missing.add(figure);
            }
        }
        assertTrue(missing.isEmpty(), () -> "figures missing: " + missing + "; failures: " + results.path("failures"));
        assertTrue(scenarios.path("replay").path("status").isString(), "the replay says what became of it");
        assertEquals(3, scenarios.path("ingestAtScale").path("levels").size(), "every at-scale level is measured");

        JsonNode exactlyOnce = scenarios.path("exactlyOnce");
        assertEquals(exactlyOnce.path("expectedEventsInStore").asLong(), exactlyOnce.path("eventsInStore").asLong(),
                "one stored event per accepted delivery, plus the bulk-loaded ones");
        assertEquals(0, exactlyOnce.path("acceptedEventsMissing").asLong(), "no accepted delivery's event is missing");
        assertEquals(0, exactlyOnce.path("duplicateFacts").asLong(), "no fact is stored twice");
        assertTrue(exactlyOnce.path("exact").asBoolean(), () -> "exactly once: " + exactlyOnce);
    }
}
