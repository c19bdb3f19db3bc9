package io.progressledger.bench.scenario;

import io.progressledger.bench.launch.Pause;
import io.progressledger.bench.load.Catalog;
import io.progressledger.bench.load.Latencies;
import io.progressledger.bench.load.OpenLoop;
import io.progressledger.bench.report.Latency;
import io.progressledger.bench.report.Results;
import io.progressledger.bench.report.Spread;
import org.HdrHistogram.Histogram;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Reads, open loop: dashboard GETs at fixed rates (each request for a random endpoint and a random talent, learner,
 * program, trail, institution or course that has data), whatever the answers, every latency timed from the request's
 * intended send time (so a server or driver that falls behind shows in the figures: no coordinated omission). At each
 * rate, first the floor: a request that goes through everything a dashboard read goes through (the connector, the
 * token check, Spring's dispatch, a problem+json answer) but no handler and no database. The operator's status call
 * ({@code /api/projections}) is measured apart, with its CPU cost per call. Then the highest rate the reads sustain
 * (latency within the criterion, every request answered, nothing piling up), found by probing. Each step starts with
 * an unmeasured lead-in at its own rate; everything is repeated.
 */
final class ReadsScenario {

    /** No route serves it: the query side answers 404 problem+json after authentication and dispatch. */
    static final String FLOOR = "/api/benchmark-floor";
    private static final String STATUS = "/api/projections";
    private static final double STATUS_RATE = 10;

    private final RunContext context;
    private final QueryApi api;
    private final Map<String, Function<SplittableRandom, String>> endpoints = new LinkedHashMap<>();
    private final SplittableRandom random;
    private final Map<Integer, Long> floorStatuses = new ConcurrentHashMap<>();

    private ReadsScenario(RunContext context) {
        this.context = context;
        this.api = context.queryApi();
        this.random = new SplittableRandom(context.settings().seed() + 7);
        Catalog catalog = context.catalog();
        List<Integer> talents = context.world().recordedTalents(random, 500);
        List<Integer> learners = context.world().recordedLearners(random, 500);
        if (talents.isEmpty() || learners.isEmpty()) {
            throw new IllegalStateException("no talent or learner with data to read");
        }
        List<Long> trails = Catalog.trailIds();
        List<Long> institutions = Catalog.institutionIds();
        List<Long> courses = List.copyOf(new TreeSet<>(trails.stream().flatMap(t -> catalog.courseIds(t).stream()).toList()));
        endpoints.put("GET /api/talents/{talentId}", r -> "/api/talents/" + catalog.talentId(pick(r, talents)));
        endpoints.put("GET /api/talents/{talentId}/blocks", r -> "/api/talents/" + catalog.talentId(pick(r, talents)) + "/blocks");
        endpoints.put("GET /api/programs/{programId}/funnel", r -> "/api/programs/"
                + catalog.programId(r.nextInt(Catalog.PROGRAMS)) + "/funnel");
        endpoints.put("GET /api/learners/{institutionId}/{userId}/trails", r -> {
            int learner = pick(r, learners);
            return "/api/learners/" + catalog.institutionId(learner) + "/" + catalog.toolzzUserId(learner) + "/trails";
        });
        endpoints.put("GET /api/trails/{trailId}/completions", r -> "/api/trails/" + pick(r, trails) + "/completions");
        endpoints.put("GET /api/institutions/{institutionId}/completions", r -> "/api/institutions/"
                + pick(r, institutions) + "/completions");
        endpoints.put("GET /api/courses/{courseId}", r -> "/api/courses/" + pick(r, courses));
        endpoints.put("GET /api/courses/{courseId}/completions", r -> "/api/courses/" + pick(r, courses) + "/completions");
        endpoints.put("GET /api/stats/daily", r -> "/api/stats/daily?from=" + Catalog.YEAR_FROM + "&to=" + Catalog.YEAR_TO);
    }

    static Results.Reads run(RunContext context) {
        return new ReadsScenario(context).measure();
    }

    /** What one open-loop step measured. */
    record Step(double rate, double achieved, long requests, long errors, String firstError, boolean overloaded,
                        Histogram all, Map<String, Histogram> byEndpoint, Map<String, long[]> counts,
                        Results.CpuSeconds cpu) {

        Latency latency() {
            return Latency.of(all);
        }

        /**
         * Whether the step ran its course: one stopped for overload (or that measured nothing) has no rate or latency
         * to report, only that the rate was not sustained.
         */
        boolean completed() {
            return !overloaded && requests > 0;
        }

        boolean sustained(double sloMs) {
            return completed() && errors == 0 && achieved >= 0.95 * rate
                    && all.getValueAtPercentile(99) / 1000.0 <= sloMs;
        }

        /** A figure of a completed step; NaN (left out of every spread) for a step that was stopped. */
        double figure(ToDoubleFunction<Step> figure) {
            return completed() ? figure.applyAsDouble(this) : Double.NaN;
        }

        Results.Probe probe(double sloMs) {
            if (!completed()) {
                return new Results.Probe(rate, null, null, null, errors, false, overloaded);
            }
            Latency latency = latency();
            return new Results.Probe(rate, round(achieved), latency.p50Ms(), latency.p99Ms(), errors, sustained(sloMs),
                    false);
        }
    }

    private Results.Reads measure() {
        long stored = context.store().count();
        int repetitions = context.settings().repetitions();
        List<Integer> rates = context.settings().readRates();
        double seconds = context.settings().readSeconds();
        Map<Integer, List<Step>> mix = new LinkedHashMap<>();
        Map<Integer, List<Step>> floor = new LinkedHashMap<>();
        List<Step> status = new ArrayList<>();
        List<Double> statusCpuMs = new ArrayList<>();
        List<List<Results.Probe>> probes = new ArrayList<>();
        List<Double> sustainable = new ArrayList<>();
        warmUp(java.util.Collections.min(rates), seconds);
        for (int repetition = 1; repetition <= repetitions; repetition++) {
            String run = ", run " + repetition + "/" + repetitions;
            List<Results.Probe> probed = new ArrayList<>();
            for (int rate : rates) {
                floor.computeIfAbsent(rate, r -> new ArrayList<>()).add(step("floor " + FLOOR + run, rate,
                        Math.max(1, seconds / 2), Map.of("floor", r -> FLOOR), true));
                Step step = step("dashboard reads" + run, rate, seconds, endpoints, false);
                mix.computeIfAbsent(rate, r -> new ArrayList<>()).add(step);
                probed.add(step.probe(context.settings().readSloMs()));
            }
            Step statusStep = operatorStatus(run, seconds, statusCpuMs);
            status.add(statusStep);
            sustainable.add(maxSustainable(run, probed));
            probes.add(probed);
        }

        List<Results.OpenLoopLevel> levels = new ArrayList<>();
        for (int rate : rates) {
            levels.add(level(rate, mix.get(rate), floor.get(rate), endpoints, context.settings().readSloMs()));
        }
        Results.OpenLoopLevel headline = levels.get(0);
        Map<String, Spread> statusSpread = new LinkedHashMap<>();
        statusSpread.put("p50Ms", IngestScenario.spread(status, s -> s.latency().p50Ms()));
        statusSpread.put("p99Ms", IngestScenario.spread(status, s -> s.latency().p99Ms()));
        statusSpread.put("cpuMsPerCall", Spread.of(statusCpuMs));
        Results.OperatorStatus operator = new Results.OperatorStatus("GET " + STATUS, STATUS_RATE,
                statusSpread.get("p50Ms").median(), statusSpread.get("p99Ms").median(),
                Double.isNaN(statusSpread.get("cpuMsPerCall").median()) ? null : statusSpread.get("cpuMsPerCall").median(),
                statusSpread);
        Spread maxSpread = Spread.of(sustainable);
        Results.MaxSustainable max = new Results.MaxSustainable(maxSpread.median(), String.format(Locale.ROOT,
                "the highest rate of the dashboard mix with p99 (from the intended send time) within %d ms, every "
                        + "request answered 200, at least 95 %% of the offered rate achieved and no backlog",
                context.settings().readSloMs()), maxSpread, probes);
        Map<String, Spread> spread = new LinkedHashMap<>();
        spread.put("p50Ms", headline.spread().get("p50Ms"));
        spread.put("p99Ms", headline.spread().get("p99Ms"));
        spread.put("maxSustainablePerSec", maxSpread);
        long errors = levels.stream().mapToLong(Results.OpenLoopLevel::errors).sum();
        List<Results.CpuSeconds> cpu = new ArrayList<>();
        mix.values().forEach(steps -> steps.forEach(s -> cpu.add(s.cpu())));
        return new Results.Reads(headline.p50Ms(), headline.p99Ms(), headline.ratePerSec(),
                new Results.Floor("GET " + FLOOR + " with the reader token", "no handler and no database: the "
                        + "connector, the token check, Spring's dispatch and a 404 problem+json, which every dashboard "
                        + "read pays as well (GET /actuator/health runs every health indicator, a database query "
                        + "among them, and is no floor)", new TreeMap<>(floorStatuses)),
                levels, max, operator, stored, errors, CpuMeter.sum(cpu), spread);
    }

    /**
     * A rate over every run. Runs stopped for overload are left out of its figures (they measured no rate or latency
     * worth a number); a figure no run measured is null, and the level is not sustained.
     */
    static Results.OpenLoopLevel level(int rate, List<Step> runs, List<Step> floors,
                                       Map<String, Function<SplittableRandom, String>> endpoints, double sloMs) {
        Map<String, Spread> spread = new LinkedHashMap<>();
        spread.put("p50Ms", IngestScenario.spread(runs, s -> s.figure(x -> x.latency().p50Ms())));
        spread.put("p99Ms", IngestScenario.spread(runs, s -> s.figure(x -> x.latency().p99Ms())));
        spread.put("p999Ms", IngestScenario.spread(runs, s -> s.figure(x -> x.latency().p999Ms())));
        spread.put("achievedPerSec", IngestScenario.spread(runs, s -> s.figure(x -> round(x.achieved()))));
        spread.put("floorP50Ms", IngestScenario.spread(floors, s -> s.figure(x -> x.latency().p50Ms())));
        spread.put("floorP99Ms", IngestScenario.spread(floors, s -> s.figure(x -> x.latency().p99Ms())));
        Map<String, Results.EndpointReads> byEndpoint = new LinkedHashMap<>();
        for (String endpoint : endpoints.keySet()) {
            Spread p50 = IngestScenario.spread(runs, s -> s.figure(x -> ms(x.byEndpoint().get(endpoint), 50)));
            Spread p99 = IngestScenario.spread(runs, s -> s.figure(x -> ms(x.byEndpoint().get(endpoint), 99)));
            spread.put(endpoint + " p50Ms", p50);
            spread.put(endpoint + " p99Ms", p99);
            byEndpoint.put(endpoint, new Results.EndpointReads(endpoints.get(endpoint).apply(new SplittableRandom(1)),
                    measured(p50), measured(p99), runs.stream().mapToLong(s -> s.counts().get(endpoint)[0]).sum(),
                    runs.stream().mapToLong(s -> s.counts().get(endpoint)[1]).sum()));
        }
        return new Results.OpenLoopLevel(rate, measured(spread.get("p50Ms")), measured(spread.get("p99Ms")),
                measured(spread.get("p999Ms")), measured(spread.get("achievedPerSec")),
                measured(spread.get("floorP50Ms")), measured(spread.get("floorP99Ms")),
                runs.stream().mapToLong(Step::requests).sum(),
                runs.stream().mapToLong(Step::errors).sum(), runs.stream().map(Step::firstError)
                .filter(e -> e != null).findFirst().orElse(null),
                CpuMeter.sum(runs.stream().map(Step::cpu).toList()), spread, byEndpoint, together(runs),
                together(floors), runs.stream().allMatch(s -> s.sustained(sloMs)),
                (int) runs.stream().filter(Step::overloaded).count());
    }

    /** A spread's median, or null when no run measured it. */
    private static Double measured(Spread spread) {
        return Double.isNaN(spread.median()) ? null : spread.median();
    }

    /** The latencies of the completed runs together; null when none completed. */
    private static Latency together(List<Step> runs) {
        List<Step> completed = runs.stream().filter(Step::completed).toList();
        if (completed.isEmpty()) {
            return null;
        }
        Histogram all = completed.get(0).all().copy();
        completed.stream().skip(1).forEach(s -> all.add(s.all()));
        return Latency.of(all);
    }

    /** The status call at a steady low rate; its CPU per call is the query side's CPU above its idle rate. */
    private Step operatorStatus(String run, double seconds, List<Double> cpuMsPerCall) {
        Views.awaitCaughtUp(context, "before the status calls");
        CpuMeter.Phase idle = context.cpu().start("reads: query side idle");
        Pause.millis((long) (Math.min(5, seconds) * 1000));
        Results.CpuSeconds idleCpu = idle.end();
        Step step = step("operator status " + STATUS + run, STATUS_RATE, seconds, Map.of("status", r -> STATUS), false);
        double idleQuery = idleCpu.query() / Math.max(1e-3, idleCpu.wallSeconds()) * step.cpu().wallSeconds();
        if (step.requests() > 0) {
            cpuMsPerCall.add(round(Math.max(0, step.cpu().query() - idleQuery) * 1000 / step.requests()));
        }
        return step;
    }

    /**
     * Starting from the fixed rates' outcome: doubles above the highest sustained rate (or halves below the lowest
     * rate) until the outcome changes, then halves the gap twice.
     */
    private double maxSustainable(String run, List<Results.Probe> probes) {
        double highestSustained = probes.stream().filter(Results.Probe::sustained)
                .mapToDouble(Results.Probe::ratePerSec).max().orElse(Double.NaN);
        double good = highestSustained;
        double bad = probes.stream().filter(p -> !p.sustained()
                        && (Double.isNaN(highestSustained) || p.ratePerSec() > highestSustained))
                .mapToDouble(Results.Probe::ratePerSec).min().orElse(Double.NaN);
        while (Double.isNaN(bad) && good * 2 <= context.settings().readMaxRate()) {
            if (probe(run, good * 2, probes)) {
                good *= 2;
            } else {
                bad = good * 2;
            }
        }
        while (Double.isNaN(good) && bad / 2 >= 5) {
            if (probe(run, bad / 2, probes)) {
                good = bad / 2;
            } else {
                bad /= 2;
            }
        }
        if (Double.isNaN(good)) {
            return 0;
        }
        for (int i = 0; i < 2 && !Double.isNaN(bad); i++) {
            double rate = Math.round((good + bad) / 2);
            if (probe(run, rate, probes)) {
                good = rate;
            } else {
                bad = rate;
            }
        }
        probes.sort(Comparator.comparingDouble(Results.Probe::ratePerSec));
        context.progress().message("highest sustained rate%s: %,.0f reads/s", run, good);
        return good;
    }

    /** The dashboard mix at {@code rate}, shorter than a measured level; whether the rate was sustained. */
    private boolean probe(String run, double rate, List<Results.Probe> probes) {
        double seconds = Math.max(1, context.settings().readSeconds() / 2.0);
        Results.Probe probe = step("highest sustained rate: probing" + run, rate, seconds, endpoints, false)
                .probe(context.settings().readSloMs());
        probes.add(probe);
        return probe.sustained();
    }

    /**
     * The first reads after the store was filled meet cold code and caches: in every run of 2026-12-02 (eight runs, two
     * builds) the first repetition of each rate was stopped for overload, the later ones sustained. So the dashboard
     * mix is sent first, unmeasured, at a quarter, a half and all of the lowest rate, each as long as a measured step;
     * a warm-up step that is stopped for overload has still warmed the server.
     */
    private void warmUp(int lowestRate, double seconds) {
        for (double share : new double[] {0.25, 0.5, 1}) {
            step("warm-up of the dashboard reads (not measured)", Math.max(1, lowestRate * share), seconds, endpoints,
                    false);
        }
    }

    /**
     * One open-loop step: an unmeasured lead-in at the same rate, then {@code seconds} measured. A request's latency
     * runs from its intended send time to its answer.
     */
    private Step step(String name, double rate, double seconds, Map<String, Function<SplittableRandom, String>> paths,
                      boolean floor) {
        double leadIn = Math.min(5, Math.max(1, seconds / 4));
        long total = Math.round(rate * (leadIn + seconds));
        Latencies all = new Latencies();
        Map<String, Latencies> byEndpoint = new LinkedHashMap<>();
        Map<String, long[]> counts = new ConcurrentHashMap<>();
        paths.keySet().forEach(endpoint -> {
            byEndpoint.put(endpoint, new Latencies());
            counts.put(endpoint, new long[2]);
        });
        AtomicLong first = new AtomicLong(-1);
        AtomicLong measured = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<String> names = List.copyOf(paths.keySet());
        AtomicLong done = context.progress().start(String.format(Locale.ROOT, "%s at %,.0f/s", name, rate), total,
                "requests", errors::get);
        CpuMeter.Phase[] cpu = new CpuMeter.Phase[1];
        OpenLoop.Outcome outcome = OpenLoop.run(rate, total, maxInFlight(rate), due -> {
            first.compareAndSet(-1, due);
            boolean measuring = due >= first.get() + (long) (leadIn * 1e9);
            if (measuring && cpu[0] == null) {
                cpu[0] = context.cpu().start(String.format(Locale.ROOT, "%s at %,.0f/s", name, rate));
            }
            String endpoint;
            String path;
            synchronized (random) {
                endpoint = names.get(random.nextInt(names.size()));
                path = paths.get(endpoint).apply(random);
            }
            return context.http().client().sendAsync(api.read(path), HttpResponse.BodyHandlers.discarding())
                    .handle((response, failure) -> {
                        int status = failure != null ? 0 : response.statusCode();
                        boolean ok = status == (floor ? 404 : 200);
                        if (floor) {
                            floorStatuses.merge(status, 1L, Long::sum);
                        }
                        if (measuring) {
                            all.recordSince(due);
                            byEndpoint.get(endpoint).recordSince(due);
                            measured.incrementAndGet();
                            long[] count = counts.get(endpoint);
                            synchronized (count) {
                                count[0]++;
                                if (!ok) {
                                    count[1]++;
                                }
                            }
                            if (!ok) {
                                errors.incrementAndGet();
                                firstError.compareAndSet(null, path + " -> " + (failure != null ? failure.toString()
                                        : "HTTP " + status));
                            }
                        }
                        done.incrementAndGet();
                        return null;
                    });
        });
        Results.CpuSeconds cpuSeconds = cpu[0] == null ? null : cpu[0].end();
        double measuredSeconds = Math.max(1e-3, outcome.seconds() - leadIn);
        Step step = new Step(rate, measured.get() / measuredSeconds, measured.get(), errors.get(), firstError.get(),
                outcome.overloaded(), all.snapshot(), snapshot(byEndpoint), counts, cpuSeconds);
        Latency latency = step.latency();
        context.progress().finish(step.completed()
                ? String.format(Locale.ROOT, "%,.0f/s achieved, p50 %.2f ms, p99 %.2f ms, errors %d",
                step.achieved(), latency.p50Ms(), latency.p99Ms(), errors.get())
                : String.format(Locale.ROOT, "not sustained: stopped, more than %d requests waiting, errors %d",
                maxInFlight(rate), errors.get()));
        return step;
    }

    /** A second's worth of requests waiting (at least 64, at most 1,000): beyond that the server is not keeping up. */
    private static int maxInFlight(double rate) {
        return (int) Math.max(64, Math.min(1_000, rate));
    }

    private static Map<String, Histogram> snapshot(Map<String, Latencies> byEndpoint) {
        Map<String, Histogram> snapshots = new LinkedHashMap<>();
        byEndpoint.forEach((name, latencies) -> snapshots.put(name, latencies.snapshot()));
        return snapshots;
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram == null || histogram.getTotalCount() == 0 ? Double.NaN
                : histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    private static <T> T pick(SplittableRandom random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
