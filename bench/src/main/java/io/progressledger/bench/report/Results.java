package io.progressledger.bench.report;

import java.util.List;
import java.util.Map;

/**
 * Everything one run measured, as written to {@code bench/results/<timestamp>-<db>[-<label>].json}. Each figure that
 * was measured several times is the median of its repetitions, and the object that holds it has a {@code spread} map
 * with the figure's {@code median}, {@code min}, {@code max} and every run's value. A scenario that could not run or
 * was not asked for is null here ({@code failures} says why, when it failed).
 */
public record Results(String db, String label, String startedAt, String finishedAt, double durationSeconds,
                      Machine machine, DatabaseInfo database, Map<String, String> versions,
                      Map<String, Object> settings, Scenarios scenarios, List<CpuPhase> cpu, List<Target> targets,
                      Map<String, String> failures, Timeline timeline) {

    /** @param loadAverage {@code /proc/loadavg} when the run began */
    public record Machine(int cores, double memoryGb, String cpu, String os, String kernel, String javaVm,
                          String loadAverage, Quiet quietCheck) {
    }

    /**
     * Whether the machine was quiet when the run began: its CPU use over a few seconds (all cores) against the
     * threshold. {@code quiet} false with {@code ranAnyway} true marks every figure of the run as taken on a busy
     * machine.
     */
    public record Quiet(boolean quiet, double busyPercent, double sampleSeconds, double maxBusyPercent,
                        String loadAverage, boolean ranAnyway, Integer otherDatabaseSessions) {
    }

    /** The database and what its COMMIT guarantees with the settings it had. */
    public record DatabaseInfo(String kind, String description, Map<String, String> commitSettings,
                               String commitMeaning) {
    }

    public record Scenarios(Ingest ingest, Burst burst, IngestAtScale ingestAtScale, Visibility visibility, Replay replay,
                            Reads reads, Dashboard dashboard, Memory memory, ExactlyOnce exactlyOnce) {
    }

    /**
     * CPU seconds (user + system, from {@code /proc/<pid>/stat}) of each process over a phase or scenario.
     *
     * @param database    PostgreSQL's backends serving the run's database; null on H2, whose engine runs inside the
     *                    command side (and inside the driver for the driver's own baselines)
     * @param machineBusy the whole machine's busy CPU seconds ({@code /proc/stat})
     * @param other       what the machine spent outside these processes: other work on the machine
     * @param wallSeconds how long the phase lasted
     */
    public record CpuSeconds(double command, double query, double driver, Double database, double machineBusy,
                             double other, double wallSeconds) {
    }

    /**
     * A phase of the run and the CPU each process spent in it.
     *
     * @param statusPolls calls of the operator status ({@code /api/projections}) the harness made during the phase
     *                    (to watch the views catch up or rebuild): part of the query side's CPU is theirs
     */
    public record CpuPhase(String name, double from, double to, CpuSeconds cpuSeconds, long statusPolls) {
    }

    /** CPU milliseconds per accepted delivery of each process. */
    public record CpuPerDelivery(double command, double query, double driver, Double database) {
    }

    // ---------------------------------------------------------------------------------------------------- ingest

    /**
     * The headline is the level at {@code concurrency} senders (16 by default), never the best level.
     *
     * @param baselinePerSec         the database's floor: one event row inserted and committed per transaction
     * @param sameRowsBaselinePerSec one transaction writing exactly the rows one accepted delivery writes
     * @param poolSize               connections the baselines share, the command side's pool size
     */
    public record Ingest(int concurrency, double perSec, double baselinePerSec, double ratio, double p50Ms,
                         double p99Ms, double p999Ms, double sameRowsBaselinePerSec, double sameRowsRatio,
                         int repetitions, int poolSize, String poolSizeSource, String baseline, SameRows sameRows,
                         CpuSeconds cpuSeconds, Map<String, Spread> spread, List<IngestLevel> levels) {
    }

    /** What the same-rows baseline writes, per delivery, as read from rows the ledger wrote in this run. */
    public record SameRows(String description, String database, int sampleDeliveries, List<TableRows> tables) {
    }

    public record TableRows(String table, double rowsPerDelivery, List<String> columnsWritten,
                            List<String> uniqueColumns) {
    }

    public record IngestLevel(int concurrency, double perSec, double baselinePerSec, double ratio,
                              double sameRowsBaselinePerSec, double sameRowsRatio, double p50Ms, double p99Ms,
                              double p999Ms, CpuPerDelivery cpuMsPerDelivery, CpuSeconds cpuSeconds,
                              Map<String, Spread> spread, List<IngestRun> runs) {
    }

    public record IngestRun(int repetition, long sent, long accepted, double seconds, double perSec, Latency latency,
                            CpuSeconds cpuSeconds, BaselineRun insertBaseline, BaselineRun sameRowsBaseline) {
    }

    public record BaselineRun(long transactions, double seconds, double perSec, int threads, int poolSize,
                              Latency latency, CpuSeconds cpuSeconds) {
    }

    // ------------------------------------------------------------------------------------------ ingest at scale

    public record IngestAtScale(int concurrency, double minRatio, CpuSeconds cpuSeconds, List<ScaleLevel> levels) {
    }

    /**
     * @param storedEvents        events in the store when the level's first step began
     * @param catchUp             how the query side projected the bulk-loaded events (all views)
     */
    public record ScaleLevel(long targetEvents, long storedEvents, long bulkLoaded, double perSec, double ratio,
                             double p50Ms, double p99Ms, CatchUp catchUp, CpuPerDelivery cpuMsPerDelivery,
                             Map<String, Spread> spread, List<ScaleRun> runs) {
    }

    public record ScaleRun(long storedEvents, long sent, long accepted, double seconds, double perSec,
                           Latency latency, CpuSeconds cpuSeconds) {
    }

    /**
     * Views catching up with a backlog.
     *
     * @param statusPolls how often the harness asked where the views stood while they worked
     */
    public record CatchUp(long events, double seconds, double eventsPerSec, long statusPolls, CpuSeconds cpuSeconds) {
    }

    // --------------------------------------------------------------------------------------------------- burst

    /**
     * A retry storm released at once (see the bench's BurstScenario).
     *
     * @param answers    every call's answer over all runs: {@code accepted}, {@code duplicate}, or an HTTP status
     * @param unexpected answers the tally did not expect (a second accepted copy of a fact, a 5xx, no answer)
     */
    public record Burst(int calls, String workload, double p50Ms, double p99Ms, Map<String, Long> answers,
                        long unexpected, CpuSeconds cpuSeconds, Map<String, Spread> spread, List<BurstRun> runs) {
    }

    /** @param listenOverflows connections the kernel dropped from a full accept queue meanwhile (-1: not known) */
    public record BurstRun(int repetition, int calls, Latency latency, Map<String, Long> answers, long unexpected,
                           long listenOverflows, CpuSeconds cpuSeconds) {
    }

    // ---------------------------------------------------------------------------------------------- visibility

    /**
     * @param p50Ms  from the delivery's 200 to the changed view read back (the read sent at the 200, timed from it)
     * @param endToEnd from the delivery's intended send time (open loop) to the view read back
     */
    public record Visibility(double p50Ms, double p99Ms, double p999Ms, double maxMs, long samples,
                             long notVisibleWithin2s, double ratePerSec, String method, Percentiles endToEnd,
                             CpuSeconds cpuSeconds, Map<String, Spread> spread, List<VisibilityRun> runs) {
    }

    public record Percentiles(double p50Ms, double p99Ms) {
    }

    public record VisibilityRun(int repetition, long notVisible, Latency visible, Latency endToEnd,
                                Latency ingest, CpuSeconds cpuSeconds) {
    }

    // ------------------------------------------------------------------------------------------------- replay

    /**
     * @param eventsPerSec  stored events over the time until every view reads its rebuilt generation (all at once)
     * @param baselinePerSec the fastest raw JDBC read of the events table (median of its runs)
     * @param views          each view's rate: within the rebuild of all, and rebuilt alone
     */
    public record Replay(String status, Double eventsPerSec, Double baselinePerSec, Double ratio, long events,
                         Double seconds, String detail, RawRead rawRead, CpuSeconds cpuSeconds,
                         Map<String, Spread> spread, List<ViewReplay> views, List<ReplayRun> runs) {
    }

    /** The raw read: each way of reading the events table, events per second; the fastest is the baseline. */
    public record RawRead(String fastest, Map<String, String> methods, Map<String, Spread> eventsPerSec) {
    }

    /**
     * @param eventsPerSec     stored events over the time until this view switched, while all views rebuilt
     * @param soloEventsPerSec stored events over the time this view took when rebuilt alone
     */
    public record ViewReplay(String name, Double eventsPerSec, Double ratio, Double soloEventsPerSec,
                             Double soloRatio, CpuPerEvent soloCpuMicrosPerEvent, Map<String, Spread> spread) {
    }

    /** CPU microseconds per stored event. */
    public record CpuPerEvent(double command, double query, double driver, Double database) {
    }

    public record ReplayRun(int repetition, Map<String, Double> rawReadPerSec, Double seconds, Double eventsPerSec,
                            Map<String, Double> viewSeconds, Map<String, Double> soloSeconds, long statusPolls,
                            CpuSeconds cpuSeconds, Map<String, List<double[]>> progress) {
    }

    // -------------------------------------------------------------------------------------------------- reads

    /**
     * Dashboard reads, open loop at fixed rates, latency from each request's intended send time.
     *
     * @param p50Ms              the dashboard mix at the headline rate (the lowest rate measured); null when no run
     *                           of that rate completed (see {@link OpenLoopLevel#sustained()})
     * @param floor              the trivial request every read pays for, measured at the same rates
     * @param maxSustainable     the highest rate whose latency held within the criterion
     * @param operatorStatus     {@code /api/projections}, apart from the dashboard reads
     */
    public record Reads(Double p50Ms, Double p99Ms, double headlineRatePerSec, Floor floor,
                        List<OpenLoopLevel> openLoop, MaxSustainable maxSustainable, OperatorStatus operatorStatus,
                        long storedEvents, long errors, CpuSeconds cpuSeconds, Map<String, Spread> spread) {
    }

    public record Floor(String request, String why, Map<Integer, Long> statuses) {
    }

    /**
     * One offered rate of the dashboard mix, over every run. A run the load generator stopped because the server was
     * not keeping up (too many requests waiting) measured nothing that can be reported as a rate or a latency: its
     * figures are left out of the medians and spreads, and a figure no run measured is null (never 0/s or 0 ms).
     *
     * @param sustained   whether every run held the criterion of {@link MaxSustainable} (a rate stopped for
     *                    overload never does)
     * @param stoppedRuns the runs stopped for overload
     * @param latency     all completed runs together; null when none completed
     */
    public record OpenLoopLevel(double ratePerSec, Double p50Ms, Double p99Ms, Double p999Ms, Double achievedPerSec,
                                Double floorP50Ms, Double floorP99Ms, long requests, long errors, String firstError,
                                CpuSeconds cpuSeconds, Map<String, Spread> spread,
                                Map<String, EndpointReads> endpoints, Latency latency, Latency floorLatency,
                                boolean sustained, int stoppedRuns) {
    }

    /** @param p50Ms null when no completed run sent a request to the endpoint */
    public record EndpointReads(String example, Double p50Ms, Double p99Ms, long requests, long errors) {
    }

    public record MaxSustainable(double ratePerSec, String criterion, Spread spread, List<List<Probe>> runs) {
    }

    /**
     * One step of the search for the highest sustained rate.
     *
     * @param achievedPerSec null (as the latencies) when the step was stopped for overload ({@code stopped})
     */
    public record Probe(double ratePerSec, Double achievedPerSec, Double p50Ms, Double p99Ms, long errors,
                        boolean sustained, boolean stopped) {
    }

    public record OperatorStatus(String request, double ratePerSec, double p50Ms, double p99Ms, Double cpuMsPerCall,
                                 Map<String, Spread> spread) {
    }

    // ------------------------------------------------------------------------------------------------- memory

    /** Resident memory in MiB (the pinned field names say Mb; the unit is mebibytes, 2^20 bytes). */
    /**
     * The dashboard page's first meaningful render in headless Chromium with the store full: navigation start to the
     * overview's totals and chart drawn (the page's own performance mark), over {@code reloadsPerRun} reloads per run.
     *
     * @param firstRenderMs the median of the runs' medians; null when not measured ({@code status} says why)
     * @param runs          every reload's figure, per run
     */
    public record Dashboard(String status, Double firstRenderMs, long storedEvents, int reloadsPerRun,
                            Map<String, Spread> spread, List<List<Double>> runs) {
    }

    public record Memory(double commandRssMb, double queryRssMb, String unit, boolean peakResetPerPhase,
                         Map<String, PhaseMemory> phases) {
    }

    public record PhaseMemory(double commandPeakMb, double queryPeakMb) {
    }

    // ------------------------------------------------------------------------------------------- exactly once

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

    /** Series for the plots: accepted deliveries per second, phases, resident memory. */
    public record Timeline(List<Span> phases, long[] acceptedPerSecond, List<double[]> commandRssMb,
                           List<double[]> queryRssMb) {
    }

    public record Span(String name, double from, double to) {
    }
}
