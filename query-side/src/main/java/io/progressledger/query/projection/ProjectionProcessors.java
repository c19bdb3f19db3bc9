package io.progressledger.query.projection;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.EventTrackerStatusChangeListener;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the projections: one tracking event processor per projection and generation, named
 * {@code <projection>-g<generation>}, over the event store. Tokens live in the views database, so a view row and its
 * token commit together; each batch of events is folded in memory and written once ({@link BatchedViewHandler}), and an
 * event that still fails alone after a few tries is parked in Axon's dead-letter queue (with the later events of the
 * same aggregate, to keep their order) while the projection goes on.
 * <p>
 * <b>Rebuilds without downtime.</b> A rebuild fills the next generation in the other slot, from the first event,
 * while dashboards keep reading the active generation; once the new generation has caught up with the active one,
 * a compare-and-set in {@code projection_state} switches reads to it and the old processor stops. Every node
 * reconciles its processors with that table twice a second, so all nodes follow, and a node that starts late joins.
 * <p>
 * Processors are built here rather than from {@code @ProcessingGroup} beans because generations come and go at run
 * time. They are tuned by Axon's usual properties, {@code axon.eventhandling.processors.<projection>.*} (batch size,
 * segments, threads, token claim interval).
 */
@Component
public class ProjectionProcessors implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionProcessors.class);
    private static final Duration RECONCILE_EVERY = Duration.ofMillis(500);
    /** After a switch, other nodes may run the old generation for up to one reconciliation: wait that out. */
    private static final Duration QUIET_AFTER_SWITCH = Duration.ofSeconds(2);
    private static final Duration PROGRESS_LOG_EVERY = Duration.ofSeconds(5);

    private final Map<String, Projection> projections = new ConcurrentHashMap<>();
    private final Map<String, Running> active = new ConcurrentHashMap<>();
    private final Map<String, Running> building = new ConcurrentHashMap<>();
    private final Map<String, Long> progressLoggedAt = new ConcurrentHashMap<>();
    private final List<Consumer<String>> advanceListeners = new CopyOnWriteArrayList<>();
    private final StreamableMessageSource<TrackedEventMessage<?>> eventStore;
    private final TokenStore tokenStore;
    private final TransactionManager transactionManager;
    private final PlatformTransactionManager springTransactions;
    private final ConnectionProvider connections;
    private final Serializer serializer;
    private final Serializer eventSerializer;
    private final EventProcessorProperties processorProperties;
    private final ProjectionStates states;
    private final ProcessedPositions positions;
    private final AdminActions adminActions;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final RebuildRates rates;
    private final ActiveGenerations generations;
    private ScheduledExecutorService reconciler;
    private volatile boolean running;

    public ProjectionProcessors(List<Projection> projections,
                                StreamableMessageSource<TrackedEventMessage<?>> eventStore, TokenStore tokenStore,
                                TransactionManager transactionManager, PlatformTransactionManager springTransactions,
                                ConnectionProvider connections, Serializer serializer,
                                @Qualifier("eventSerializer") Serializer eventSerializer,
                                EventProcessorProperties processorProperties, ProjectionStates states,
                                ProcessedPositions positions, AdminActions adminActions, JdbcClient jdbc, Clock clock,
                                ActiveGenerations generations, ObjectProvider<ViewSchema> viewsMigratedFirst) {
        viewsMigratedFirst.ifAvailable(schema -> { });
        projections.forEach(projection -> this.projections.put(projection.name(), projection));
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.transactionManager = transactionManager;
        this.springTransactions = springTransactions;
        this.connections = connections;
        this.serializer = serializer;
        this.eventSerializer = eventSerializer;
        this.processorProperties = processorProperties;
        this.states = states;
        this.positions = positions;
        this.adminActions = adminActions;
        this.jdbc = jdbc;
        this.clock = clock;
        this.rates = new RebuildRates(clock);
        this.generations = generations;
    }

    /** A projection's processor at one generation, the slot it writes into, and its dead letters. */
    public record Running(Projection projection, int generation, Slot slot, TrackingEventProcessor processor,
                          JdbcSequencedDeadLetterQueue<EventMessage<?>> deadLetters,
                          DeadLetteringEventHandlerInvoker invoker) {

        public String processorName() {
            return processor.getName();
        }
    }

    /** Where a running processor stands, as this node knows it best. */
    public ProcessedPositions.Progress progress(Running running) {
        return positions.progress(running.processorName(), running.processor().processingStatus());
    }

    /**
     * Calls {@code listener} with a processor's name each time its position moves on this node: after each batch has
     * committed (view rows and token together), and when it skips events it has nothing to do with. On the
     * processor's thread: the listener must be quick.
     */
    public void onAdvance(Consumer<String> listener) {
        advanceListeners.add(listener);
    }

    /** Wakes whoever waits on a processor that reads no longer use, so they wait on its successor instead. */
    private void superseded(Running replaced) {
        advanceListeners.forEach(listener -> listener.accept(replaced.processorName()));
    }

    /** Axon calls this on every change of a segment's status, its position included. */
    private EventTrackerStatusChangeListener advanceListener(String processorName) {
        return new EventTrackerStatusChangeListener() {
            @Override
            public void onEventTrackerStatusChange(Map<Integer, EventTrackerStatus> updatedTrackerStatus) {
                advanceListeners.forEach(listener -> listener.accept(processorName));
            }

            @Override
            public boolean validatePositions() {
                return true;
            }
        };
    }

    /** How far a rebuild has got. */
    public record RebuildProgress(int generation, String processor, long eventsDone, long eventsTotal,
                                  double ratePerSecond, @Nullable Double etaSeconds, String requestedBy,
                                  Instant requestedAt) {
    }

    /** A rebuild that cannot start now: unknown projection (404), or one already running or just switched (409). */
    public static class RebuildRefused extends RuntimeException {

        private final boolean unknown;

        RebuildRefused(boolean unknown, String message) {
            super(message);
            this.unknown = unknown;
        }

        public boolean unknown() {
            return unknown;
        }
    }

    @Override
    public void start() {
        reconcile();
        reconciler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "projection-reconciler");
            thread.setDaemon(true);
            return thread;
        });
        reconciler.scheduleWithFixedDelay(this::reconcileQuietly, RECONCILE_EVERY.toMillis(),
                RECONCILE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    /** Stops every processor, releasing its segments to other nodes; {@link #start()} builds them anew. */
    @Override
    public synchronized void stop() {
        if (reconciler != null) {
            reconciler.shutdownNow();
        }
        building.values().forEach(r -> r.processor().shutDown());
        active.values().forEach(r -> r.processor().shutDown());
        building.clear();
        active.clear();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The slot dashboards read for a projection. */
    public Slot activeSlot(String projection) {
        return generations.slot(projection);
    }

    public Optional<Running> active(String projection) {
        return Optional.ofNullable(active.get(projection));
    }

    public Collection<Running> active() {
        return active.values();
    }

    /** The rebuild of a projection under way, as far as this node can see it. */
    public Optional<RebuildProgress> rebuild(String projection) {
        return states.find(projection).filter(ProjectionStates.State::rebuilding).map(state -> {
            String processor = projection + "-g" + state.buildingGeneration();
            long done = positions.progress(processor).position().orElse(0);
            long total = positions.head();
            double rate = rates.perSecond(projection);
            Double eta = rate > 0 ? Math.max(0, total - done) / rate : null;
            return new RebuildProgress(state.buildingGeneration(), processor, done, total, rate, eta,
                    state.buildRequestedBy(), state.buildRequestedAt());
        });
    }

    /**
     * Starts rebuilding a projection from the first event into its other slot; dashboards keep reading the active
     * generation until the new one has caught up.
     *
     * @return the generation being built
     */
    public int startRebuild(String name, String requestedBy) {
        Projection projection = projections.get(name);
        if (projection == null) {
            throw new RebuildRefused(true, "no projection " + name);
        }
        ProjectionStates.State state = states.ensure(name);
        if (state.switchedAt() != null && state.switchedAt().plus(QUIET_AFTER_SWITCH).isAfter(clock.instant())) {
            throw new RebuildRefused(false, name + " switched to generation " + state.activeGeneration()
                    + " moments ago; retry in a few seconds");
        }
        int generation = states.reserveRebuild(name, requestedBy, clock.instant())
                .orElseThrow(() -> new RebuildRefused(false, "a rebuild of " + name + " is already running"));
        Slot slot = Slot.of(generation);
        projection.tables().forEach(table -> jdbc.sql("TRUNCATE TABLE " + slot.table(table)).update());
        forgetGenerationsOtherThan(name, state.activeGeneration());
        states.markReady(name, generation);
        adminActions.record("rebuild", name, requestedBy, "generation " + generation + " into slot " + slot);
        log.info("rebuild of {} requested by {}: generation {} fills slot {} from the first event", name,
                requestedBy, generation, slot);
        reconcile();
        return generation;
    }

    /** Tokens and dead letters of generations no longer read nor built: a new generation starts from nothing. */
    private void forgetGenerationsOtherThan(String name, int keep) {
        String pattern = name + "-g%";
        String kept = name + "-g" + keep;
        jdbc.sql("DELETE FROM TokenEntry WHERE processorName LIKE ? AND processorName <> ?").params(pattern, kept)
                .update();
        jdbc.sql("DELETE FROM DeadLetterEntry WHERE processingGroup LIKE ? AND processingGroup <> ?")
                .params(pattern, kept).update();
    }

    private void reconcileQuietly() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            log.warn("projection reconciliation failed; next attempt in {} ms ({})", RECONCILE_EVERY.toMillis(),
                    e.getClass().getSimpleName());
        }
    }

    /** Brings this node's processors in line with {@code projection_state}, and switches finished rebuilds. */
    synchronized void reconcile() {
        for (Projection projection : projections.values()) {
            String name = projection.name();
            ProjectionStates.State state = states.ensure(name);
            Running current = active.get(name);
            if (current == null || current.generation() != state.activeGeneration()) {
                Running built = building.get(name);
                boolean promote = built != null && built.generation() == state.activeGeneration();
                active.put(name, promote ? building.remove(name) : startProcessor(projection, state.activeGeneration()));
                generations.activate(name, state.activeGeneration());
                if (current != null) {
                    current.processor().shutdownAsync();
                    superseded(current);
                    log.info("projection {} reads generation {} now; generation {} stopped", name,
                            state.activeGeneration(), current.generation());
                }
            }
            Running built = building.get(name);
            if (state.rebuilding() && state.buildingReady()) {
                if (built == null || built.generation() != state.buildingGeneration()) {
                    if (built != null) {
                        built.processor().shutdownAsync();
                    }
                    building.put(name, startProcessor(projection, state.buildingGeneration()));
                } else {
                    switchWhenCaughtUp(name, built);
                }
            } else if (built != null && !state.rebuilding()) {
                building.remove(name);
                built.processor().shutdownAsync();
                rates.forget(name);
            }
        }
    }

    private void switchWhenCaughtUp(String name, Running built) {
        OptionalLong rebuilt = progress(built).position();
        OptionalLong live = progress(active.get(name)).position();
        long head = positions.head();
        sample(name, rebuilt.orElse(0));
        boolean nothingToRebuild = head == 0;
        boolean caughtUp = rebuilt.isPresent() && rebuilt.getAsLong() >= live.orElse(0);
        if ((nothingToRebuild || caughtUp) && states.switchTo(name, built.generation(), clock.instant())) {
            Running old = active.put(name, building.remove(name));
            generations.activate(name, built.generation());
            rates.forget(name);
            progressLoggedAt.remove(name);
            if (old != null) {
                old.processor().shutdownAsync();
                superseded(old);
            }
            log.info("rebuild of {} complete: generation {} (slot {}) caught up at position {} and is read now",
                    name, built.generation(), built.slot(), rebuilt.orElse(0));
        }
    }

    private void sample(String name, long position) {
        rates.sample(name, position);
        long now = clock.millis();
        Long loggedAt = progressLoggedAt.get(name);
        if (loggedAt == null || now - loggedAt >= PROGRESS_LOG_EVERY.toMillis()) {
            progressLoggedAt.put(name, now);
            long head = positions.head();
            log.info("rebuild of {}: {}/{} events ({}%), {} events/s", name, position, head,
                    head == 0 ? 100 : position * 100 / head, Math.round(rates.perSecond(name)));
        }
    }

    private Running startProcessor(Projection projection, int generation) {
        Slot slot = Slot.of(generation);
        String name = projection.name() + "-g" + generation;
        EventProcessorProperties.ProcessorSettings settings = processorProperties.getProcessors()
                .getOrDefault(projection.name(), new EventProcessorProperties.ProcessorSettings());
        int segments = settings.getInitialSegmentCount() == null || projection.singleOrder() ? 1
                : settings.getInitialSegmentCount();
        int threads = settings.getThreadCount() > 0 && !projection.singleOrder() ? settings.getThreadCount()
                : segments;
        JdbcSequencedDeadLetterQueue<EventMessage<?>> deadLetters = JdbcSequencedDeadLetterQueue.builder()
                .processingGroup(name)
                .connectionProvider(connections)
                .transactionManager(transactionManager)
                .schema(DeadLetterSchema.defaultSchema())
                .genericSerializer(serializer)
                .eventSerializer(eventSerializer)
                .build();
        DeadLetteringEventHandlerInvoker invoker = DeadLetteringEventHandlerInvoker.builder()
                .eventHandlers(new BatchedViewHandler(projection, slot, springTransactions))
                .sequencingPolicy(projection.singleOrder() ? (SequencingPolicy<EventMessage<?>>) event -> "single-order"
                        : SequentialPerAggregatePolicy.instance())
                // Which aggregates have parked events, kept in memory per segment: no query per event.
                .enableSequenceIdentifierCache()
                .queue(deadLetters)
                .transactionManager(transactionManager)
                .build();
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(invoker)
                .messageSource(eventStore)
                .tokenStore(tokenStore)
                .transactionManager(transactionManager)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration
                        .forParallelProcessing(threads)
                        .andInitialSegmentsCount(segments)
                        .andBatchSize(Math.max(1, settings.getBatchSize()))
                        .andTokenClaimInterval(settings.getTokenClaimInterval(), TimeUnit.MILLISECONDS)
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken)
                        .andEventTrackerStatusChangeListener(advanceListener(name)))
                .build();
        processor.start();
        log.info("projection {} generation {} runs in slot {} as processor {}", projection.name(), generation, slot,
                name);
        return new Running(projection, generation, slot, processor, deadLetters, invoker);
    }
}
