package io.progressledger.bench.scenario;

import io.progressledger.bench.launch.Pause;
import io.progressledger.bench.report.Results;
import io.progressledger.bench.report.Spread;
import io.progressledger.bench.store.RawReads;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replay: every view rebuilt from the whole store at once ({@code POST /api/admin/projections/replay?names=...}, one
 * request for all, which the query side may serve from one read of the store; on a build without it,
 * {@code POST /api/admin/projections/{name}/replay} for each), timed from the first request until every view reads
 * its new generation, and (unless turned off) each view rebuilt alone. Events per second is the store's size over that time: for all views at once, for each view within
 * that rebuild, and for each view alone; all against the same baseline, the fastest plain JDBC read of the events
 * table measured in the same run (see {@link RawReads}): a rebuild of any number of views must read the store at
 * least once. Repeated. While the query side has no replay API, the scenario reports "not available".
 */
final class ReplayScenario {

    private final RunContext context;
    /** Whether the query side took one request for all views (one read of the store), rather than one per view. */
    private boolean oneRequest;

    ReplayScenario(RunContext context) {
        this.context = context;
    }

    /** The query side refused to start a rebuild (no replay API in the build under test, say). */
    private static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason);
        }
    }

    /** One rebuild: seconds until each view switched, and the progress series for the plot. */
    private record Rebuild(double seconds, Map<String, Double> viewSeconds, Map<String, List<double[]>> progress,
                           long polls, Results.CpuSeconds cpu) {
    }

    Results.Replay run() {
        long events = context.store().count();
        QueryApi api = context.queryApi();
        List<String> views = api.projections().stream().map(item -> item.path("name").asString()).toList();
        List<Results.ReplayRun> runs = new ArrayList<>();
        Map<String, List<Results.CpuSeconds>> soloCpu = new LinkedHashMap<>();
        String refused = null;
        for (int repetition = 1; repetition <= context.settings().repetitions() && refused == null; repetition++) {
            String run = ", run " + repetition + "/" + context.settings().repetitions();
            Views.awaitCaughtUp(context, "before the replay");
            Map<String, Double> raw = new LinkedHashMap<>();
            for (String method : RawReads.methods().keySet()) {
                AtomicLong read = context.progress().start("baseline: raw JDBC read of the events table, " + method + run,
                        events, "events", null);
                RawReads.Result result = RawReads.read(method, context.database(), read);
                context.progress().finish(String.format(Locale.ROOT, "%,d events (%,d MiB) in %.1f s: %,.0f events/s",
                        result.rows(), result.bytes() >> 20, result.seconds(), result.perSec()));
                raw.put(method, round(result.perSec()));
            }
            Rebuild rebuild;
            try {
                rebuild = rebuild(views, "replay of all views" + run, events);
            } catch (Refused e) {
                refused = e.getMessage();
                runs.add(new Results.ReplayRun(repetition, raw, null, null, Map.of(), Map.of(), 0, null, Map.of()));
                break;
            }
            Map<String, Double> solo = new LinkedHashMap<>();
            if (context.settings().replaySolo()) {
                for (String view : views) {
                    Rebuild alone = rebuild(List.of(view), "replay of " + view + " alone" + run, events);
                    solo.put(view, alone.seconds());
                    soloCpu.computeIfAbsent(view, v -> new ArrayList<>()).add(alone.cpu());
                }
            }
            runs.add(new Results.ReplayRun(repetition, raw, rebuild.seconds(), round(events / rebuild.seconds()),
                    rebuild.viewSeconds(), solo, rebuild.polls(), rebuild.cpu(), rebuild.progress()));
        }
        return result(events, views, runs, soloCpu, refused);
    }

    private Results.Replay result(long events, List<String> views, List<Results.ReplayRun> runs,
                                  Map<String, List<Results.CpuSeconds>> soloCpu, String refused) {
        Map<String, Spread> rawSpread = new LinkedHashMap<>();
        for (String method : RawReads.methods().keySet()) {
            rawSpread.put(method, IngestScenario.spread(runs, r -> r.rawReadPerSec().getOrDefault(method, Double.NaN)));
        }
        String fastest = rawSpread.entrySet().stream().max(Comparator.comparingDouble(e -> e.getValue().median()))
                .map(Map.Entry::getKey).orElseThrow();
        Results.RawRead rawRead = new Results.RawRead(fastest, RawReads.methods(), rawSpread);
        double baseline = rawSpread.get(fastest).median();
        List<Results.ReplayRun> measured = runs.stream().filter(r -> r.seconds() != null).toList();
        if (refused != null && measured.isEmpty()) {
            context.progress().message("replay not available: %s", refused);
            return new Results.Replay("not available", null, baseline, null, events, null,
                    "no rebuild started: " + refused, rawRead, null, Map.of("baselinePerSec", rawSpread.get(fastest)),
                    List.of(), runs);
        }
        Map<String, Spread> spread = new LinkedHashMap<>();
        spread.put("eventsPerSec", IngestScenario.spread(measured, Results.ReplayRun::eventsPerSec));
        spread.put("seconds", IngestScenario.spread(measured, Results.ReplayRun::seconds));
        spread.put("baselinePerSec", rawSpread.get(fastest));
        spread.put("ratio", IngestScenario.spread(measured, r -> IngestScenario.ratio(r.eventsPerSec(),
                r.rawReadPerSec().get(fastest))));
        double perSec = spread.get("eventsPerSec").median();
        List<Results.ViewReplay> viewReplays = new ArrayList<>();
        for (String view : views) {
            Map<String, Spread> viewSpread = new LinkedHashMap<>();
            viewSpread.put("eventsPerSec", IngestScenario.spread(measured, r -> r.viewSeconds().containsKey(view)
                    ? events / r.viewSeconds().get(view) : Double.NaN));
            viewSpread.put("soloEventsPerSec", IngestScenario.spread(measured, r -> r.soloSeconds().containsKey(view)
                    ? events / r.soloSeconds().get(view) : Double.NaN));
            double within = viewSpread.get("eventsPerSec").median();
            double alone = viewSpread.get("soloEventsPerSec").median();
            Results.CpuSeconds cpu = soloCpu.containsKey(view) ? CpuMeter.sum(soloCpu.get(view)) : null;
            long rebuilt = events * (soloCpu.containsKey(view) ? soloCpu.get(view).size() : 0);
            viewReplays.add(new Results.ViewReplay(view, nan(within), nan(IngestScenario.ratio(within, baseline)),
                    nan(alone), nan(IngestScenario.ratio(alone, baseline)), cpu == null || rebuilt == 0 ? null
                    : new Results.CpuPerEvent(round(cpu.command() * 1e6 / rebuilt), round(cpu.query() * 1e6 / rebuilt),
                    round(cpu.driver() * 1e6 / rebuilt), cpu.database() == null ? null : round(cpu.database() * 1e6 / rebuilt)),
                    viewSpread));
        }
        return new Results.Replay(refused == null ? "measured" : "partial", perSec, baseline,
                IngestScenario.ratio(perSec, baseline), events, spread.get("seconds").median(),
                (refused == null ? "" : "refused: " + refused + "; ") + "all " + views.size() + " views rebuilt at "
                        + "once (" + (oneRequest ? "one request for all: POST /api/admin/projections/replay"
                        : "one request per view: POST /api/admin/projections/{name}/replay") + "), timed until each "
                        + "reads its new generation" + (context.settings().replaySolo()
                        ? "; then each view alone" : ""), rawRead,
                CpuMeter.sum(measured.stream().map(Results.ReplayRun::cpuSeconds).toList()), spread, viewReplays,
                runs);
    }

    /** Rebuilds {@code views} at once and waits until each reads its new generation. */
    private Rebuild rebuild(List<String> views, String name, long events) {
        QueryApi api = context.queryApi();
        settle(api, views);
        Map<String, Integer> before = new LinkedHashMap<>();
        api.projections().forEach(item -> before.put(item.path("name").asString(), item.path("generation").asInt()));
        CpuMeter.Phase cpu = context.cpu().start(name);
        long start = System.nanoTime();
        List<String> started = new ArrayList<>();
        if (views.size() > 1) {
            // One request for all: the query side rebuilds them from one read of the store, where it can.
            QueryApi.Reply reply = post(api, "/api/admin/projections/replay?names=" + String.join(",", views));
            if (reply.status() == 202) {
                started.addAll(views);
                oneRequest = true;
            } else if (reply.status() != 404 && reply.status() != 405) {
                cpu.end();
                throw new Refused("POST /api/admin/projections/replay: HTTP " + reply.status() + " " + abbreviate(reply.body()));
            }
        }
        for (String view : views) {
            if (started.contains(view)) {
                continue;
            }
            // A build without the request for all: one request per view.
            QueryApi.Reply reply = post(api, "/api/admin/projections/" + view + "/replay");
            if (reply.status() == 202) {
                started.add(view);
            } else {
                cpu.end();
                throw new Refused("POST /api/admin/projections/" + view + "/replay: HTTP " + reply.status() + " "
                        + abbreviate(reply.body()));
            }
        }
        Map<String, Double> finishedAfter = new LinkedHashMap<>();
        Map<String, List<double[]>> progress = new LinkedHashMap<>();
        AtomicLong done = context.progress().start(name, events * started.size(), "view-events", null);
        long deadline = start + (600 + events / 500) * 1_000_000_000L;
        while (finishedAfter.size() < started.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the rebuild did not finish in time; done: " + finishedAfter.keySet());
            }
            Pause.millis(Views.pollInterval(System.nanoTime() - start));
            double now = (System.nanoTime() - start) / 1e9;
            long sum = 0;
            for (JsonNode item : api.projections()) {
                String view = item.path("name").asString();
                if (!started.contains(view)) {
                    continue;
                }
                if (item.path("rebuild").path("awaitingDecision").asBoolean(false)) {
                    throw new IllegalStateException("the rebuild of " + view + " caught up but parked events and waits "
                            + "for an operator's decision: " + item);
                }
                boolean switched = item.path("generation").asInt() > before.get(view) && !item.path("replaying").asBoolean();
                long eventsDone = switched ? events : item.path("rebuild").path("eventsDone").asLong(0);
                sum += eventsDone;
                progress.computeIfAbsent(view, n -> new ArrayList<>()).add(new double[]{round(now), eventsDone});
                if (switched && !finishedAfter.containsKey(view)) {
                    finishedAfter.put(view, round(now));
                }
            }
            done.set(sum);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long polls = cpu.polls();
        Results.CpuSeconds cpuSeconds = cpu.end();
        context.progress().finish(String.format(Locale.ROOT, "%d view(s) rebuilt from %,d events in %.1f s: %,.0f events/s "
                + "(%d status calls)", started.size(), events, seconds, events / seconds, polls));
        return new Rebuild(round(seconds), finishedAfter, progress, polls, cpuSeconds);
    }

    /** A replay request; 409 (a view switched moments ago, or is still switching) is retried for up to 30 s. */
    private static QueryApi.Reply post(QueryApi api, String path) {
        QueryApi.Reply reply = api.post(path);
        for (long until = System.nanoTime() + 30_000_000_000L; reply.status() == 409 && System.nanoTime() < until; ) {
            Pause.millis(500);
            reply = api.post(path);
        }
        return reply;
    }

    /**
     * Waits (untimed, at most 30 s) until none of {@code views} switched generation in the last few seconds: the
     * query side refuses a rebuild of a view that has just switched, and a refusal must not be timed as rebuilding.
     */
    private void settle(QueryApi api, List<String> views) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            java.time.Instant recent = java.time.Instant.now().minusSeconds(3);
            boolean settled = api.projections().stream()
                    .filter(item -> views.contains(item.path("name").asString()))
                    .map(item -> item.path("switchedAt").asString(null))
                    .allMatch(at -> at == null || java.time.Instant.parse(at).isBefore(recent));
            if (settled) {
                return;
            }
            Pause.millis(500);
        }
    }

    private static Double nan(double value) {
        return Double.isNaN(value) ? null : value;
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
