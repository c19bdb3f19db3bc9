package io.progressledger.bench.scenario;

import io.progressledger.bench.launch.Pause;
import io.progressledger.bench.report.Results;
import io.progressledger.bench.store.JdbcBaselines;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replay: every view rebuilt from the whole store at once ({@code POST /api/admin/projections/{name}/replay} for each),
 * timed from the first request until every view reads its new generation; events per second is the store's size
 * over that time. Against a raw JDBC sequential read of the same table, which no rebuild can beat. While the query
 * side has no replay API, the scenario reports "not available" and the run goes on.
 */
final class ReplayScenario {

    private final RunContext context;
    private final Map<String, List<double[]>> progressSeries = new LinkedHashMap<>();

    ReplayScenario(RunContext context) {
        this.context = context;
    }

    Map<String, List<double[]>> progressSeries() {
        return progressSeries;
    }

    Results.Replay run() {
        long events = context.store().count();
        AtomicLong read = context.progress().start("baseline: JDBC sequential read of the events table", events, "events", null);
        JdbcBaselines.ReadResult baseline = new JdbcBaselines(context.database()).sequentialRead(read);
        context.progress().finish(String.format(Locale.ROOT, "%,d events (%,d MB) in %.1f s: %,.0f events/s",
                baseline.rows(), baseline.bytes() / 1_000_000, baseline.seconds(), baseline.perSec()));
        double baselinePerSec = IngestScenario.round(baseline.perSec());

        QueryApi api = context.queryApi();
        Map<String, Integer> before = new LinkedHashMap<>();
        api.projections().forEach(item -> before.put(item.path("name").asString(), item.path("generation").asInt()));
        long start = System.nanoTime();
        List<String> started = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String name : before.keySet()) {
            QueryApi.Reply reply = api.post("/api/admin/projections/" + name + "/replay");
            if (reply.status() == 202) {
                started.add(name);
            } else if (started.isEmpty() && (reply.status() == 404 || reply.status() == 405)) {
                // No such endpoint (yet): asking for the other views would only repeat the same answer.
                refused.add("POST /api/admin/projections/" + name + "/replay: HTTP " + reply.status() + " "
                        + abbreviate(reply.body()));
                break;
            } else {
                refused.add(name + ": HTTP " + reply.status() + " " + abbreviate(reply.body()));
            }
        }
        if (started.isEmpty()) {
            context.progress().message("replay not available: %s", refused.isEmpty() ? "no projections" : refused.get(0));
            return new Results.Replay("not available", null, baselinePerSec, null, events, null,
                    "no rebuild started: " + String.join("; ", refused), List.of());
        }
        Map<String, Double> finishedAfter = new LinkedHashMap<>();
        Map<String, Double> serverRate = new LinkedHashMap<>();
        Map<String, Integer> generation = new LinkedHashMap<>();
        AtomicLong done = context.progress().start("replay of " + started.size() + " views", events * started.size(),
                "view-events", null);
        long deadline = start + (600 + events / 500) * 1_000_000_000L;
        while (finishedAfter.size() < started.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the rebuilds did not finish in time; done: " + finishedAfter.keySet());
            }
            Pause.millis(250);
            double now = (System.nanoTime() - start) / 1e9;
            long sum = 0;
            for (JsonNode item : api.projections()) {
                String name = item.path("name").asString();
                if (!started.contains(name)) {
                    continue;
                }
                JsonNode rebuild = item.path("rebuild");
                boolean switched = item.path("generation").asInt() > before.get(name) && !item.path("replaying").asBoolean();
                long eventsDone = switched ? events : rebuild.path("eventsDone").asLong(0);
                sum += eventsDone;
                progressSeries.computeIfAbsent(name, n -> new ArrayList<>()).add(new double[]{now, eventsDone});
                if (rebuild.has("ratePerSecond")) {
                    serverRate.put(name, rebuild.path("ratePerSecond").asDouble());
                }
                if (switched && !finishedAfter.containsKey(name)) {
                    finishedAfter.put(name, IngestScenario.round(now));
                    generation.put(name, item.path("generation").asInt());
                }
            }
            done.set(sum);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double perSec = events / seconds;
        context.progress().finish(String.format(Locale.ROOT, "%d views rebuilt from %,d events in %.1f s: %,.0f events/s",
                started.size(), events, seconds, perSec));
        List<Results.ProjectionReplay> projections = new ArrayList<>();
        before.forEach((name, from) -> projections.add(new Results.ProjectionReplay(name, from, generation.get(name),
                finishedAfter.get(name), serverRate.get(name))));
        return new Results.Replay(refused.isEmpty() ? "measured" : "partial", IngestScenario.round(perSec),
                baselinePerSec, IngestScenario.ratio(perSec, baselinePerSec), events, IngestScenario.round(seconds),
                refused.isEmpty() ? "all views rebuilt at once, timed until each reads its new generation"
                        : "refused: " + String.join("; ", refused), projections);
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
