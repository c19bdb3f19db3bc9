package io.progressledger.bench.scenario;

import io.progressledger.bench.load.Catalog;
import io.progressledger.bench.load.ClosedLoop;
import io.progressledger.bench.load.Latencies;
import io.progressledger.bench.report.Latency;
import io.progressledger.bench.report.Results;
import org.HdrHistogram.Histogram;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Reads: every dashboard GET, one after the other, by {@code readers} concurrent readers (closed loop) on the full
 * store, each request for a random talent, learner, program, trail, institution or course that has data; against
 * the cheapest GET the same server answers ({@code /actuator/health}), measured the same way.
 */
final class ReadsScenario {

    private ReadsScenario() {
    }

    static Results.Reads run(RunContext context) {
        SplittableRandom random = new SplittableRandom(context.settings().seed() + 7);
        Catalog catalog = context.catalog();
        List<Integer> talents = context.world().recordedTalents(random, 500);
        List<Integer> learners = context.world().recordedLearners(random, 500);
        if (talents.isEmpty() || learners.isEmpty()) {
            throw new IllegalStateException("no talent or learner with data to read");
        }
        List<Long> trails = Catalog.trailIds();
        List<Long> institutions = Catalog.institutionIds();
        List<Long> courses = List.copyOf(new TreeSet<>(trails.stream().flatMap(t -> catalog.courseIds(t).stream()).toList()));

        Map<String, Function<SplittableRandom, String>> endpoints = new LinkedHashMap<>();
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
        endpoints.put("GET /api/projections", r -> "/api/projections");

        long stored = context.store().count();
        Results.EndpointReads baseline = measure(context, "GET /actuator/health", r -> "/actuator/health", random).reads();
        Map<String, Results.EndpointReads> results = new LinkedHashMap<>();
        Histogram all = null;
        long errors = 0;
        for (Map.Entry<String, Function<SplittableRandom, String>> endpoint : endpoints.entrySet()) {
            Measured measured = measure(context, endpoint.getKey(), endpoint.getValue(), random);
            Results.EndpointReads reads = measured.reads();
            results.put(endpoint.getKey(), reads);
            Histogram histogram = measured.histogram();
            if (all == null) {
                all = histogram;
            } else {
                all.add(histogram);
            }
            errors += reads.errors();
        }
        Latency combined = Latency.of(all);
        return new Results.Reads(combined.p50Ms(), combined.p99Ms(), combined.p999Ms(), baseline.p50Ms(),
                baseline.p99Ms(), IngestScenario.ratio(combined.p99Ms(), baseline.p99Ms()),
                context.settings().readers(), stored, errors, baseline.latency(), results);
    }

    /** One endpoint's figures and its raw histogram (to combine them all). */
    private record Measured(Results.EndpointReads reads, Histogram histogram) {
    }

    private static Measured measure(RunContext context, String name, Function<SplittableRandom, String> paths,
                                                 SplittableRandom seed) {
        QueryApi api = context.queryApi();
        int reads = context.settings().readsPerEndpoint();
        int readers = context.settings().readers();
        SplittableRandom random = seed.split();
        Latencies latencies = new Latencies();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        // Unmeasured first: the first calls of an endpoint pay for class loading and compilation.
        run(context, api, paths, random, Math.max(readers, reads / 5), readers, null, errors, firstError,
                new AtomicLong());
        errors.set(0);
        AtomicLong done = context.progress().start("reads: " + name + ", " + readers + " readers", reads, "reads", errors::get);
        run(context, api, paths, random, reads, readers, latencies, errors, firstError, done);
        Histogram histogram = latencies.snapshot();
        Latency latency = Latency.of(histogram);
        context.progress().finish(String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms, errors %d", latency.p50Ms(),
                latency.p99Ms(), errors.get()));
        return new Measured(new Results.EndpointReads(paths.apply(new SplittableRandom(1)), latency.p50Ms(),
                latency.p99Ms(), errors.get(), firstError.get(), latency), histogram);
    }

    private static void run(RunContext context, QueryApi api, Function<SplittableRandom, String> paths,
                            SplittableRandom random, int count, int readers, Latencies latencies, AtomicLong errors,
                            AtomicReference<String> firstError, AtomicLong done) {
        AtomicLong remaining = new AtomicLong(count);
        ClosedLoop.run(readers, Duration.ofSeconds(Math.max(60, context.settings().stepSeconds())),
                context.http().executor(), () -> {
                    if (remaining.decrementAndGet() < 0) {
                        return null;
                    }
                    String path;
                    synchronized (random) {
                        path = paths.apply(random);
                    }
                    long start = System.nanoTime();
                    return context.http().client().sendAsync(api.read(path), HttpResponse.BodyHandlers.ofString())
                            .handle((response, failure) -> {
                                if (latencies != null) {
                                    latencies.recordSince(start);
                                }
                                if (failure != null || response.statusCode() != 200) {
                                    errors.incrementAndGet();
                                    firstError.compareAndSet(null, path + " -> " + (failure != null ? failure.toString()
                                            : response.statusCode() + " " + abbreviate(response.body())));
                                }
                                done.incrementAndGet();
                                return null;
                            });
                });
    }

    private static <T> T pick(SplittableRandom random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
