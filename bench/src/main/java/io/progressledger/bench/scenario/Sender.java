package io.progressledger.bench.scenario;

import io.progressledger.bench.load.Answer;
import io.progressledger.bench.load.Delivery;
import io.progressledger.bench.load.Latencies;
import io.progressledger.bench.load.WebhookRequests;
import io.progressledger.bench.load.World;

import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/** Sends one delivery and does its accounting: the tally, the world, the throughput meter, the latency. */
final class Sender {

    private final RunContext context;
    private final WebhookRequests webhooks;

    Sender(RunContext context) {
        this.context = context;
        this.webhooks = new WebhookRequests(context.applications().commandSide().url(""),
                context.applications().credentials());
    }

    /** An answer and when it arrived ({@link System#nanoTime()}). */
    record Answered(Answer answer, long atNanos) {
    }

    /**
     * @param startNanos     when the delivery was due: its latency counts from then
     * @param acceptedLatency where accepted deliveries' latencies go (null: nowhere)
     */
    CompletableFuture<Answered> send(Delivery delivery, long startNanos, Latencies acceptedLatency, AtomicLong done) {
        return context.http().client().sendAsync(webhooks.request(delivery), HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    long end = System.nanoTime();
                    Answer answer = Answer.of(response, failure, context.json());
                    World.Outcome outcome = context.tally().record(delivery, answer);
                    if (delivery.reserved()) {
                        context.world().release(delivery.fact(), outcome);
                    }
                    if (outcome == World.Outcome.RECORDED) {
                        context.mix().remember(delivery);
                        context.meter().mark();
                        if (acceptedLatency != null) {
                            acceptedLatency.recordNanos(end - startNanos);
                        }
                    }
                    done.incrementAndGet();
                    return new Answered(answer, end);
                });
    }
}
