package io.progressledger.query.stream;

import io.progressledger.events.talent.TalentBlockStatusChanged;
import io.progressledger.events.talent.TalentBlockUnlocked;
import io.progressledger.events.trail.TrailCompleted;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Pushes every change of progress to the live-stream clients connected to this node. Each node runs its own
 * processor (in-memory token, starting at the head of the store) so that its clients see every event, whichever
 * node's projections apply it. Sending happens on a thread of its own: a slow client never holds up the processor.
 */
@Component
public class LiveUpdates implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    private static final long HEARTBEAT_SECONDS = 15;

    private final Map<SseEmitter, StreamFilter> clients = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService sender;
    private final TrackingEventProcessor processor;
    private volatile boolean running;

    public LiveUpdates(StreamableMessageSource<TrackedEventMessage<?>> eventStore) {
        this.processor = TrackingEventProcessor.builder()
                .name("live-updates-" + UUID.randomUUID())
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(new Publisher()).build())
                .messageSource(eventStore)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(100)
                        .andInitialTrackingToken(StreamableMessageSource::createHeadToken))
                .build();
    }

    /**
     * Registers a client; it receives every matching change from now on, and a comment every 15 seconds. Changes
     * are sent on a thread of their own, created when the application starts and gone when it stops.
     */
    SseEmitter connect(StreamFilter filter) {
        SseEmitter emitter = new SseEmitter(0L);
        clients.put(emitter, filter);
        emitter.onCompletion(() -> clients.remove(emitter));
        emitter.onTimeout(() -> clients.remove(emitter));
        emitter.onError(error -> clients.remove(emitter));
        sender.execute(() -> send(emitter, SseEmitter.event().comment("connected")));
        return emitter;
    }

    int clients() {
        return clients.size();
    }

    private void broadcast(ProgressChange change) {
        sender.execute(() -> clients.forEach((emitter, filter) -> {
            if (filter.matches(change)) {
                send(emitter, SseEmitter.event().id(Long.toString(change.position())).name(change.type())
                        .data(change, MediaType.APPLICATION_JSON));
            }
        }));
    }

    private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException gone) {
            clients.remove(emitter);
            emitter.completeWithError(gone);
        }
    }

    @Override
    public void start() {
        sender = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "live-updates");
            thread.setDaemon(true);
            return thread;
        });
        processor.start();
        sender.scheduleAtFixedRate(() -> clients.keySet().forEach(emitter ->
                send(emitter, SseEmitter.event().comment("heartbeat"))), HEARTBEAT_SECONDS, HEARTBEAT_SECONDS,
                TimeUnit.SECONDS);
        running = true;
    }

    @Override
    public void stop() {
        processor.shutDown();
        clients.keySet().forEach(SseEmitter::complete);
        sender.shutdownNow();
        running = false;
        log.debug("live updates stopped");
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Turns events into changes; runs on the live processor's thread. */
    private final class Publisher {

        @EventHandler
        void on(TalentBlockUnlocked event, TrackingToken token) {
            broadcast(ProgressChange.of(event, token.position().orElseThrow()));
        }

        @EventHandler
        void on(TalentBlockStatusChanged event, TrackingToken token) {
            broadcast(ProgressChange.of(event, token.position().orElseThrow()));
        }

        @EventHandler
        void on(TrailCompleted event, TrackingToken token) {
            broadcast(ProgressChange.of(event, token.position().orElseThrow()));
        }
    }
}
