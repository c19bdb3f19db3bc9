package io.progressledger.bench.scenario;

import io.progressledger.bench.report.Comparison;
import io.progressledger.bench.report.Results;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A read rate the load generator stopped for overload measured nothing: it is reported as not sustained (an explicit
 * flag, null figures), never as 0/s with a p99 of 0 ms, in the results and in {@code --compare}.
 */
class UnsustainedReadsTest {

    private static final String ENDPOINT = "GET /api/talents/{talentId}";
    private static final Map<String, Function<SplittableRandom, String>> ENDPOINTS =
            Map.of(ENDPOINT, r -> "/api/talents/1");
    private static final double SLO_MS = 50;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path directory;

    @Test
    void a_rate_stopped_for_overload_in_every_run_has_no_figures_and_is_not_sustained() {
        Results.OpenLoopLevel level = ReadsScenario.level(2000, List.of(stopped(2000), stopped(2000)),
                List.of(completed(2000, 1_000), completed(2000, 1_200)), ENDPOINTS, SLO_MS);

        assertFalse(level.sustained());
        assertEquals(2, level.stoppedRuns());
        assertNull(level.p50Ms());
        assertNull(level.p99Ms());
        assertNull(level.achievedPerSec());
        assertNull(level.latency());
        assertNull(level.endpoints().get(ENDPOINT).p99Ms());
        assertEquals(1.1, level.floorP50Ms(), 0.01, "the floor ran its course and keeps its figures");
        JsonNode written = JSON.readTree(JSON.writeValueAsString(level));
        assertFalse(written.path("sustained").asBoolean(true));
        assertTrue(written.path("p99Ms").isNull(), written.toString());
        assertTrue(written.path("achievedPerSec").isNull(), written.toString());
    }

    @Test
    void a_stopped_run_is_left_out_of_its_rates_figures_and_the_rate_is_not_sustained() {
        Results.OpenLoopLevel level = ReadsScenario.level(500, List.of(completed(500, 2_000), stopped(500)),
                List.of(completed(500, 1_000), completed(500, 1_000)), ENDPOINTS, SLO_MS);

        assertFalse(level.sustained());
        assertEquals(1, level.stoppedRuns());
        assertEquals(2.0, level.p99Ms(), 0.01);
        assertEquals(500.0, level.achievedPerSec(), 0.01);
        assertEquals(List.of(2.0), level.spread().get("p99Ms").runs(), "the stopped run adds no 0 ms");
    }

    @Test
    void a_rate_every_run_held_is_sustained() {
        Results.OpenLoopLevel level = ReadsScenario.level(100, List.of(completed(100, 2_000), completed(100, 3_000)),
                List.of(completed(100, 1_000), completed(100, 1_000)), ENDPOINTS, SLO_MS);

        assertTrue(level.sustained());
        assertEquals(0, level.stoppedRuns());
        assertEquals(2.5, level.p99Ms(), 0.01);
    }

    @Test
    void the_comparison_says_not_sustained_where_a_rate_was_stopped_for_overload() throws IOException {
        Results.OpenLoopLevel held = ReadsScenario.level(2000, List.of(completed(2000, 4_000)),
                List.of(completed(2000, 1_000)), ENDPOINTS, SLO_MS);
        Results.OpenLoopLevel stopped = ReadsScenario.level(2000, List.of(stopped(2000)),
                List.of(completed(2000, 1_000)), ENDPOINTS, SLO_MS);
        Path before = run("before.json", held);
        Path after = run("after.json", stopped);

        String table = Comparison.render(before, after);

        assertTrue(table.contains("| reads p99 ms at 2,000/s | 4.00 | not sustained | — |"), table);
        assertFalse(table.contains("0.00"), table);
    }

    @Test
    void a_results_file_written_before_the_flag_reads_not_sustained_where_nothing_was_measured() throws IOException {
        // As older runs wrote a rate stopped during its lead-in: 0/s, 0 ms, no request measured.
        String old = "{\"ratePerSec\":2000.0,\"p99Ms\":0.0,\"achievedPerSec\":0.0,\"requests\":0,"
                + "\"spread\":{\"p99Ms\":{\"median\":0.0,\"min\":0.0,\"max\":0.0,\"runs\":[0.0]}}}";
        Path before = Files.writeString(directory.resolve("old.json"), document(old));
        Path after = run("after.json", ReadsScenario.level(2000, List.of(completed(2000, 4_000)),
                List.of(completed(2000, 1_000)), ENDPOINTS, SLO_MS));

        String table = Comparison.render(before, after);

        assertTrue(table.contains("| reads p99 ms at 2,000/s | not sustained | 4.00 | — |"), table);
    }

    private Path run(String name, Results.OpenLoopLevel level) throws IOException {
        return Files.writeString(directory.resolve(name), document(JSON.writeValueAsString(level)));
    }

    private static String document(String level) {
        return "{\"db\":\"h2\",\"settings\":{\"events\":1000},\"machine\":{\"cores\":2},"
                + "\"scenarios\":{\"reads\":{\"openLoop\":[" + level + "]}}}";
    }

    /** A step that ran its course: every request answered at {@code micros}, at the offered rate. */
    private static ReadsScenario.Step completed(double rate, long micros) {
        Histogram all = new Histogram(3);
        Histogram endpoint = new Histogram(3);
        for (int i = 0; i < 100; i++) {
            all.recordValue(micros);
            endpoint.recordValue(micros);
        }
        return new ReadsScenario.Step(rate, rate, 100, 0, null, false, all, Map.of(ENDPOINT, endpoint),
                Map.of(ENDPOINT, new long[]{100, 0}), null);
    }

    /** A step the load generator stopped during its lead-in: nothing measured. */
    private static ReadsScenario.Step stopped(double rate) {
        return new ReadsScenario.Step(rate, 0, 0, 0, null, true, new Histogram(3), Map.of(ENDPOINT, new Histogram(3)),
                Map.of(ENDPOINT, new long[]{0, 0}), null);
    }
}
