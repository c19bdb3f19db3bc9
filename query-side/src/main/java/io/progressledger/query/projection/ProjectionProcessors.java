package io.progressledger.query.projection;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.springboot.EventProcessorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs one tracking event processor per projection and generation, named {@code <projection>-g<generation>}, over
 * the event store, with its tokens in the views database so that a view row and its token commit together. The
 * processors are built here rather than from {@code @ProcessingGroup} beans because generations come and go at run
 * time (a rebuild starts a new one); they are tuned by Axon's usual properties,
 * {@code axon.eventhandling.processors.<projection>.*} (batch size, segments, threads).
 */
@Component
public class ProjectionProcessors implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionProcessors.class);

    private final Map<String, Projection> projections = new ConcurrentHashMap<>();
    private final Map<String, Running> active = new ConcurrentHashMap<>();
    private final StreamableMessageSource<TrackedEventMessage<?>> eventStore;
    private final TokenStore tokenStore;
    private final TransactionManager transactionManager;
    private final EventProcessorProperties processorProperties;
    private final ProjectionStates states;
    private volatile boolean running;

    public ProjectionProcessors(List<Projection> projections,
                                StreamableMessageSource<TrackedEventMessage<?>> eventStore, TokenStore tokenStore,
                                TransactionManager transactionManager, EventProcessorProperties processorProperties,
                                ProjectionStates states) {
        projections.forEach(projection -> this.projections.put(projection.name(), projection));
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
        this.transactionManager = transactionManager;
        this.processorProperties = processorProperties;
        this.states = states;
    }

    /** A projection's processor at one generation, and the slot it writes into. */
    public record Running(Projection projection, int generation, Slot slot, TrackingEventProcessor processor) {

        public String processorName() {
            return processor.getName();
        }
    }

    @Override
    public void start() {
        projections.values().forEach(projection -> {
            int generation = states.activeGeneration(projection.name());
            Running started = startProcessor(projection, generation);
            active.put(projection.name(), started);
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
        Running current = active.get(projection);
        if (current == null) {
            throw new IllegalArgumentException("no projection " + projection);
        }
        return current.slot();
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
        EventHandlerInvoker invoker = SimpleEventHandlerInvoker.builder()
                .eventHandlers(projection.writerFor(slot))
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
        return new Running(projection, generation, slot, processor);
    }
}
