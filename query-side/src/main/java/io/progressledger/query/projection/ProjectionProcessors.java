package io.progressledger.query.projection;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.annotation.ClasspathHandlerDefinition;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs one tracking event processor per projection and generation, named {@code <projection>-g<generation>}, over
 * the event store. Its tokens live in the views database, so a view row and its token commit together, and each
 * event is applied in a savepoint: an event that still fails after a few tries is parked in Axon's dead-letter queue
 * (with the later events of the same aggregate, to keep their order) and the projection goes on.
 * <p>
 * Processors are built here rather than from {@code @ProcessingGroup} beans because generations come and go at run
 * time (a rebuild starts a new one). They are tuned by Axon's usual properties,
 * {@code axon.eventhandling.processors.<projection>.*} (batch size, segments, threads, token claim interval).
 */
@Component
public class ProjectionProcessors implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionProcessors.class);

    private final Map<String, Projection> projections = new ConcurrentHashMap<>();
    private final Map<String, Running> active = new ConcurrentHashMap<>();
    private final StreamableMessageSource<TrackedEventMessage<?>> eventStore;
    private final TokenStore tokenStore;
    private final TransactionManager transactionManager;
    private final PlatformTransactionManager springTransactions;
    private final ConnectionProvider connections;
    private final Serializer serializer;
    private final Serializer eventSerializer;
    private final EventProcessorProperties processorProperties;
    private final ProjectionStates states;
    private volatile boolean running;

    public ProjectionProcessors(List<Projection> projections,
                                StreamableMessageSource<TrackedEventMessage<?>> eventStore, TokenStore tokenStore,
                                TransactionManager transactionManager, PlatformTransactionManager springTransactions,
                                ConnectionProvider connections, Serializer serializer,
                                @Qualifier("eventSerializer") Serializer eventSerializer,
                                EventProcessorProperties processorProperties, ProjectionStates states,
                                ObjectProvider<ViewSchema> viewsMigratedFirst) {
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
    }

    /** A projection's processor at one generation, the slot it writes into, and its dead letters. */
    public record Running(Projection projection, int generation, Slot slot, TrackingEventProcessor processor,
                          JdbcSequencedDeadLetterQueue<EventMessage<?>> deadLetters,
                          DeadLetteringEventHandlerInvoker invoker) {

        public String processorName() {
            return processor.getName();
        }
    }

    @Override
    public void start() {
        projections.values().forEach(projection -> {
            int generation = states.activeGeneration(projection.name());
            active.put(projection.name(), startProcessor(projection, generation));
        });
        running = true;
    }

    @Override
    public void stop() {
        active.values().forEach(r -> r.processor().shutDown());
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The slot dashboards read for a projection. */
    public Slot activeSlot(String projection) {
        return active(projection).orElseThrow(() -> new IllegalArgumentException("no projection " + projection))
                .slot();
    }

    public Optional<Running> active(String projection) {
        return Optional.ofNullable(active.get(projection));
    }

    public Collection<Running> active() {
        return active.values();
    }

    private Running startProcessor(Projection projection, int generation) {
        Slot slot = Slot.of(generation);
        String name = projection.name() + "-g" + generation;
        EventProcessorProperties.ProcessorSettings settings = processorProperties.getProcessors()
                .getOrDefault(projection.name(), new EventProcessorProperties.ProcessorSettings());
        int segments = settings.getInitialSegmentCount() == null ? 1 : settings.getInitialSegmentCount();
        int threads = settings.getThreadCount() > 0 ? settings.getThreadCount() : segments;
        JdbcSequencedDeadLetterQueue<EventMessage<?>> deadLetters = JdbcSequencedDeadLetterQueue.builder()
                .processingGroup(name)
                .connectionProvider(connections)
                .transactionManager(transactionManager)
                .schema(DeadLetterSchema.defaultSchema())
                .genericSerializer(serializer)
                .eventSerializer(eventSerializer)
                .build();
        Object writer = projection.writerFor(slot);
        var annotated = new AnnotationEventHandlerAdapter(writer,
                ClasspathParameterResolverFactory.forClass(writer.getClass()),
                ClasspathHandlerDefinition.forClass(writer.getClass()));
        DeadLetteringEventHandlerInvoker invoker = DeadLetteringEventHandlerInvoker.builder()
                .eventHandlers(new SavepointHandler(annotated, springTransactions))
                .sequencingPolicy(SequentialPerAggregatePolicy.instance())
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
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                .build();
        processor.start();
        log.info("projection {} generation {} runs in slot {} as processor {}", projection.name(), generation, slot,
                name);
        return new Running(projection, generation, slot, processor, deadLetters, invoker);
    }
}
