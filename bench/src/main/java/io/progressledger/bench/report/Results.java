package io.progressledger.bench.report;

import java.util.List;
import java.util.Map;

/**
 * Everything one run measured, as written to {@code bench/results/<timestamp>-<db>.json}. A scenario that could not
 * run is null here and explained in {@code failures}; the replay says {@code "status": "not available"} while the
 * query side has no replay API.
 */
public record Results(String db, String startedAt, String finishedAt, double durationSeconds, Machine machine,
                      Map<String, String> versions, Map<String, Object> settings, Scenarios scenarios,
                      List<Target> targets, Map<String, String> failures, Timeline timeline) {

    /** @param loadAverage {@code /proc/loadavg} when the run began: a busy machine makes every figure lower */
    public record Machine(int cores, double memoryGb, String cpu, String os, String kernel, String javaVm,
                          String loadAverage) {
    }

    public record Scenarios(Ingest ingest, IngestAtScale ingestAtScale, Visibility visibility, Replay replay,
                            Reads reads, Memory memory, ExactlyOnce exactlyOnce) {
    }

    /** The headline level is the one with the most accepted deliveries per second. */
    public record Ingest(int concurrency, double perSec, double baselinePerSec, double ratio, double p50Ms,
                         double p99Ms, double p999Ms, double minRatio, String baseline, List<IngestLevel> levels) {
    }

    public record IngestLevel(int concurrency, long sent, long accepted, double seconds, double perSec,
                              double baselinePerSec, double ratio, Latency latency, Latency baselineLatency) {
    }

    public record IngestAtScale(int concurrency, double minRatio, List<ScaleLevel> levels) {
    }

    /**
     * @param storedEvents      events in the store when the step began
     * @param bulkLoaded        events bulk-loaded to reach this level
     * @param catchUpEventsPerSec how fast the query side projected the bulk-loaded events (all views)
     */
    public record ScaleLevel(long targetEvents, long storedEvents, long bulkLoaded, long sent, long accepted,
                             double seconds, double perSec, double ratio, double p50Ms, double p99Ms,
                             Double catchUpEventsPerSec, Latency latency) {
    }

    public record Visibility(double p50Ms, double p99Ms, double p999Ms, double maxMs, long samples,
                             long notVisibleWithin2s, double ratePerSec, String method, Latency latency,
                             Latency ingestLatency) {
    }

    public record Replay(String status, Double eventsPerSec, Double baselinePerSec, Double ratio, long events,
                         Double seconds, String detail, List<ProjectionReplay> projections) {
    }

    public record ProjectionReplay(String name, int fromGeneration, Integer toGeneration, Double seconds,
                                   Double serverRatePerSecond) {
    }

    public record Reads(double p50Ms, double p99Ms, double p999Ms, double baselineP50Ms, double baselineP99Ms,
                        double p99Ratio, int readers, long storedEvents, long errors, Latency baseline,
                        Map<String, EndpointReads> endpoints) {
    }

    public record EndpointReads(String example, double p50Ms, double p99Ms, long errors, String firstError,
                                Latency latency) {
    }

    public record Memory(double commandRssMb, double queryRssMb, boolean peakResetPerPhase,
                         Map<String, PhaseMemory> phases) {
    }

    public record PhaseMemory(double commandPeakMb, double queryPeakMb) {
    }

    public record ExactlyOnce(boolean exact, long acceptedDeliveries, long eventsAnswered, long bulkLoadedEvents,
                              long eventsInStore, long expectedEventsInStore, long acceptedEventsMissing,
                              long duplicateFacts, long duplicateEventIdentifiers, long duplicatesSent,
                              long duplicatesAnswered, long invalidSent, long rejectedAnswers, long failedCalls,
                              Map<String, Long> unexpectedAnswers, Map<String, String> unexpectedExamples,
                              List<ViewCheck> views) {
    }

    public record ViewCheck(String view, String what, long checked, long mismatches, List<String> examples) {
    }

    public record Target(String scenario, String target, String measured, Boolean met) {
    }

    /** Series for the plots: accepted deliveries per second, phases, resident memory, rebuild progress. */
    public record Timeline(List<Span> phases, long[] acceptedPerSecond, List<double[]> commandRssMb,
                           List<double[]> queryRssMb, Map<String, List<double[]>> replayEventsDone) {
    }

    public record Span(String name, double from, double to) {
    }
}
