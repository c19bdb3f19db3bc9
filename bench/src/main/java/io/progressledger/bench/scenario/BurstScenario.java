package io.progressledger.bench.scenario;

import io.progressledger.bench.load.Answer;
import io.progressledger.bench.load.Delivery;
import io.progressledger.bench.load.Latencies;
import io.progressledger.bench.load.WebhookRequests;
import io.progressledger.bench.load.World;
import io.progressledger.bench.report.Latency;
import io.progressledger.bench.report.Results;
import io.progressledger.bench.report.Spread;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * A retry storm, as a sender recovering from an outage sends it, in the shape of {@code BurstIT}: 500 calls released
 * at once, each on a connection of its own. One delivery 150 times under one {@code webhook-id}, one fact 100 times
 * under 100 {@code webhook-id}s, and 125 deliveries of the run's mix each twice under its {@code webhook-id}. Each fact
 * is accepted exactly once, by whichever copy comes first, and every other copy answered {@code duplicate} (an invalid
 * delivery refused each time). Answer times count from the release of the storm (every request is built and signed
 * before), so they include connecting: a listen queue that overflows shows as a second of SYN retransmission, counted
 * from the kernel's {@code ListenOverflows}. Repeated; CPU per process over each storm. Issue 14's target: p99 under
 * 2 s, no 5xx.
 */
final class BurstScenario {

    static final int STORM_COPIES = 150;
    static final int NATURAL_COPIES = 100;
    static final int PAIRS = 125;

    private BurstScenario() {
    }

    /** One call of a storm: the delivery its answer is judged against, and the original it copies. */
    private record Call(Delivery original, Delivery sent, HttpRequest request) {
    }

    private record Answered(Call call, Answer answer) {
    }

    static Results.Burst run(RunContext context) {
        List<Results.BurstRun> runs = new ArrayList<>();
        for (int repetition = 1; repetition <= context.settings().repetitions(); repetition++) {
            runs.add(once(context, repetition, new Random(context.settings().seed() + repetition)));
        }
        Map<String, Spread> spread = new LinkedHashMap<>();
        spread.put("p50Ms", IngestScenario.spread(runs, r -> r.latency().p50Ms()));
        spread.put("p99Ms", IngestScenario.spread(runs, r -> r.latency().p99Ms()));
        spread.put("maxMs", IngestScenario.spread(runs, r -> r.latency().maxMs()));
        spread.put("listenOverflows", IngestScenario.spread(runs, r -> r.listenOverflows()));
        Map<String, Long> answers = new TreeMap<>();
        runs.forEach(run -> run.answers().forEach((answer, count) -> answers.merge(answer, count, Long::sum)));
        return new Results.Burst(runs.get(0).calls(), "released at once, one connection per call: one delivery "
                + STORM_COPIES + "× under one webhook-id, one fact " + NATURAL_COPIES + "× under as many webhook-ids, "
                + PAIRS + " deliveries of the mix each twice; times from the release to each answer",
                spread.get("p50Ms").median(), spread.get("p99Ms").median(), answers,
                runs.stream().mapToLong(Results.BurstRun::unexpected).sum(),
                CpuMeter.sum(runs.stream().map(Results.BurstRun::cpuSeconds).toList()), spread, runs);
    }

    private static Results.BurstRun once(RunContext context, int repetition, Random random) {
        WebhookRequests webhooks = new WebhookRequests(context.applications().commandSide().url(""),
                context.applications().credentials());
        List<Call> calls = new ArrayList<>();
        List<Delivery> originals = new ArrayList<>();
        boolean stormTaken = false;
        boolean naturalTaken = false;
        while (originals.size() < PAIRS + 2) {
            Delivery original = context.mix().next();
            if (original == null) {
                break;
            }
            originals.add(original);
            boolean fresh = original.expect() == Delivery.Expect.ACCEPTED;
            if (fresh && !stormTaken) {
                stormTaken = true;
                copies(calls, webhooks, original, STORM_COPIES, false, repetition);
            } else if (fresh && !naturalTaken) {
                naturalTaken = true;
                copies(calls, webhooks, original, NATURAL_COPIES, true, repetition);
            } else {
                copies(calls, webhooks, original, 2, false, repetition);
            }
        }
        Collections.shuffle(calls, random);
        long unexpectedBefore = context.tally().unexpectedTotal();
        long overflowsBefore = ListenQueue.overflows();
        Latencies latencies = new Latencies();
        context.progress().start("burst " + repetition + "/" + context.settings().repetitions() + ": " + calls.size()
                + " calls at once", 0, "", null);
        CpuMeter.Phase cpu = context.cpu().start("burst run " + repetition);
        // A client of its own, so that every call opens a connection, as a storm of senders does (the run's client
        // would reuse the previous storm's 500 idle connections).
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(context.http().executor()).build();
        long released = System.nanoTime();
        List<CompletableFuture<Answered>> pending = new ArrayList<>(calls.size());
        for (Call call : calls) {
            pending.add(client.sendAsync(call.request(), HttpResponse.BodyHandlers.ofString())
                    .handle((response, failure) -> {
                        latencies.recordSince(released);
                        return new Answered(call, Answer.of(response, failure, context.json()));
                    }));
        }
        List<Answered> answered = pending.stream().map(CompletableFuture::join).toList();
        Results.CpuSeconds cpuSeconds = cpu.end();
        long overflowsAfter = ListenQueue.overflows();
        long overflows = overflowsBefore < 0 || overflowsAfter < 0 ? -1 : overflowsAfter - overflowsBefore;
        Map<String, Long> answers = new TreeMap<>();
        answered.forEach(a -> answers.merge(a.answer().label(), 1L, Long::sum));
        judge(context, originals, answered);
        long unexpected = context.tally().unexpectedTotal() - unexpectedBefore;
        Latency latency = Latency.of(latencies.snapshot());
        context.progress().finish(String.format(Locale.ROOT, "%s; p50 %.0f ms, p99 %.0f ms, max %.0f ms; %d unexpected; "
                + "%d listen-queue overflows", answers, latency.p50Ms(), latency.p99Ms(), latency.maxMs(), unexpected,
                overflows));
        return new Results.BurstRun(repetition, calls.size(), latency, answers, unexpected, overflows, cpuSeconds);
    }

    /** {@code count} calls of {@code original}: the first is the original, the others copies (new ids or its own). */
    private static void copies(List<Call> calls, WebhookRequests webhooks, Delivery original, int count,
                               boolean newIds, int repetition) {
        calls.add(new Call(original, original, webhooks.request(original)));
        for (int i = 1; i < count; i++) {
            Delivery copy = newIds ? copy(original, original.webhookId() + "_burst" + repetition + "_" + i,
                    "burst-copy-new-id") : copy(original, original.webhookId(), "burst-copy-same-id");
            calls.add(new Call(original, copy, webhooks.request(copy)));
        }
    }

    /** A copy of {@code original}: refused as it is, or else a duplicate of the fact; it reserves nothing. */
    private static Delivery copy(Delivery original, String webhookId, String kind) {
        return new Delivery(original.source(), original.body(), webhookId,
                original.expect() == Delivery.Expect.REJECTED ? Delivery.Expect.REJECTED : Delivery.Expect.DUPLICATE,
                original.fact(), false, kind, original.forgedSignature());
    }

    /**
     * The tally judges each answer as the run's other scenarios do, once the storm is over: of a fact's copies,
     * whichever was accepted is judged as the original (it must name the fact's event), every other as a duplicate;
     * the fact is released to the world once.
     */
    private static void judge(RunContext context, List<Delivery> originals, List<Answered> answered) {
        Map<Delivery, List<Answered>> byOriginal = new LinkedHashMap<>();
        originals.forEach(original -> byOriginal.put(original, new ArrayList<>()));
        answered.forEach(a -> byOriginal.get(a.call().original()).add(a));
        byOriginal.forEach((original, copies) -> {
            Answered own = copies.stream().filter(a -> a.call().sent() == original).findFirst().orElseThrow();
            Answered representative = original.expect() != Delivery.Expect.ACCEPTED ? own
                    : copies.stream().filter(a -> a.answer().accepted()).findFirst().orElse(own);
            World.Outcome outcome = context.tally().record(original, representative.answer());
            if (original.reserved()) {
                context.world().release(original.fact(), outcome);
            }
            if (outcome == World.Outcome.RECORDED) {
                context.mix().remember(original);
                context.meter().mark();
            }
            for (Answered other : copies) {
                if (other != representative) {
                    // The original's own call lost the race to a copy: it is judged as a copy.
                    Delivery judgedAs = other.call().sent() != original ? other.call().sent()
                            : copy(original, original.webhookId(), "burst-copy-same-id");
                    context.tally().record(judgedAs, other.answer());
                }
            }
        });
    }
}
