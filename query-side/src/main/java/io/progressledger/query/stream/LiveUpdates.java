package io.progressledger.query.stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.progressledger.events.talent.TalentBlockStatusChanged;
import io.progressledger.events.talent.TalentBlockUnlocked;
import io.progressledger.events.trail.TrailCompleted;
import io.progressledger.query.api.Overloaded;
import io.progressledger.query.api.TooManyRequests;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collections;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Pushes every change of progress to the live-stream clients connected to this node, within
 * {@link StreamProperties}: streams capped overall and per caller, a heartbeat, a maximum lifetime, a bounded queue
 * per client. Each node runs its own processor (in-memory token, starting at the head of the store) so that its
 * clients see every event, whichever node's projections apply it; a change is encoded once and offered to each
 * subscriber without blocking (a slow client never holds up the processor or the others). A client that resumes
 * ({@code Last-Event-ID}) is first replayed what it missed from the store, on a replay thread, then goes live.
 */
@Component
public class LiveUpdates implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    private static final byte[] CONNECTED = ":connected\n\n".getBytes(StandardCharsets.UTF_8);
    private static final int REPLAY_THREADS = 2;

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final StreamableMessageSource<TrackedEventMessage<?>> eventStore;
    private final StreamProperties limits;
    private final StreamSlots slots;
    private final JsonMapper json;
    private final Clock clock;
    private final TrackingEventProcessor processor;
    private volatile ScheduledExecutorService heartbeats;
    private volatile ExecutorService replays;
    private volatile boolean running;

    public LiveUpdates(StreamableMessageSource<TrackedEventMessage<?>> eventStore, StreamProperties limits,
                       JsonMapper json, Clock clock, ObjectProvider<MeterRegistry> meters) {
        this.eventStore = eventStore;
        this.limits = limits;
        this.slots = new StreamSlots(limits);
        this.json = json;
        this.clock = clock;
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
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            Gauge.builder("progress.stream.clients", subscribers, Set::size)
                    .description("live streams open on this node").register(registry);
        }
    }

    /**
     * Opens a live stream for {@code caller} on this request, or refuses it (429 when the caller holds its share, 503
     * when the node is full) before anything is allocated. With {@code after}, the client is first replayed every
     * change after that position (or told it is too far behind).
     */
    void open(HttpServletRequest request, HttpServletResponse response, String caller,
              Predicate<ProgressChange> filter, Long after) throws TooManyRequests, Overloaded, IOException {
        if (!running) {
            throw new Overloaded("this node is stopping; connect to another", limits.retryAfter());
        }
        slots.take(caller);
        Subscriber subscriber;
        try {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
            response.setHeader("X-Accel-Buffering", "no");
            AsyncContext async = request.startAsync(request, response);
            async.setTimeout(limits.maxLifetime().toMillis());
            ServletOutputStream out = response.getOutputStream();
            subscriber = new Subscriber(caller, filter, limits.sendBuffer(), limits.heartbeat().multipliedBy(3), clock,
                    async, out, this::closed);
            async.addListener(subscriber);
            subscriber.send(CONNECTED);
            if (after != null) {
                subscriber.replayAfter(after);
            }
            out.setWriteListener(subscriber);
            subscribers.add(subscriber);
        } catch (RuntimeException | IOException e) {
            slots.release(caller);
            throw e;
        }
        if (after != null) {
            try {
                replays.execute(() -> replay(subscriber, after));
            } catch (RuntimeException stopping) {
                subscriber.close("node stopping");
            }
        }
    }

    int clients() {
        return subscribers.size();
    }

    private void closed(Subscriber subscriber) {
        if (subscribers.remove(subscriber)) {
            slots.release(subscriber.caller());
        }
    }

    /** Sends what the client missed after {@code after}, from the store, then lets its live changes through. */
    private void replay(Subscriber subscriber, long after) {
        TrackingToken headToken = eventStore.createHeadToken();
        long head = headToken == null ? 0 : headToken.position().orElse(0);
        if (head - after > limits.maxReplay()) {
            subscriber.send(frame(head, TooFarBehind.TYPE, new TooFarBehind(after, head, limits.maxReplay())));
            subscriber.replayDone(head);
            return;
        }
        long reached = after;
        if (head > after) {
            TrackingToken start = headToken instanceof GapAwareTrackingToken
                    ? GapAwareTrackingToken.newInstance(after, Collections.emptySet())
                    : new GlobalSequenceTrackingToken(after);
            try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(start)) {
                while (reached < head && !subscriber.closed()
                        && stream.hasNextAvailable((int) limits.heartbeat().toMillis(), TimeUnit.MILLISECONDS)) {
                    TrackedEventMessage<?> message = stream.nextAvailable();
                    long position = message.trackingToken().position().orElse(reached);
                    ProgressChange change = change(message.getPayload(), position);
                    if (change != null && !subscriber.replayed(new Subscriber.Frame(change, frame(change)))) {
                        return;
                    }
                    reached = Math.max(reached, position);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                subscriber.close("node stopping");
                return;
            } catch (RuntimeException e) {
                log.warn("replay of a live stream failed: {}", e.getClass().getName());
                subscriber.close("replay failed");
                return;
            }
        }
        subscriber.replayDone(reached);
    }

    private void broadcast(ProgressChange change) {
        if (subscribers.isEmpty()) {
            return;
        }
        Subscriber.Frame frame = new Subscriber.Frame(change, frame(change));
        subscribers.forEach(subscriber -> subscriber.live(frame));
    }

    private byte[] frame(ProgressChange change) {
        return frame(change.position(), change.type(), change);
    }

    private byte[] frame(long id, String event, Object data) {
        return ("id:" + id + "\nevent:" + event + "\ndata:" + json.writeValueAsString(data) + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static ProgressChange change(Object payload, long position) {
        if (payload instanceof TalentBlockUnlocked event) {
            return ProgressChange.of(event, position);
        }
        if (payload instanceof TalentBlockStatusChanged event) {
            return ProgressChange.of(event, position);
        }
        if (payload instanceof TrailCompleted event) {
            return ProgressChange.of(event, position);
        }
        return null;
    }

    @Override
    public void start() {
        heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "live-heartbeats"));
        replays = Executors.newFixedThreadPool(REPLAY_THREADS, runnable -> daemon(runnable, "live-replays"));
        processor.start();
        long every = limits.heartbeat().toMillis();
        heartbeats.scheduleAtFixedRate(() -> subscribers.forEach(Subscriber::heartbeat), every, every,
                TimeUnit.MILLISECONDS);
        running = true;
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void stop() {
        running = false;
        processor.shutDown();
        subscribers.forEach(subscriber -> subscriber.close("node stopping"));
        heartbeats.shutdownNow();
        replays.shutdownNow();
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
