package io.progressledger.query.projection;

import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Where each projection stands, as this node sees it: the one computation behind the status API and the gauges. */
@Component
public class ProjectionStatuses {

    private final ProjectionProcessors processors;
    private final ProcessedPositions positions;
    private final ProjectionStates states;

    public ProjectionStatuses(ProjectionProcessors processors, ProcessedPositions positions,
                              ProjectionStates states) {
        this.processors = processors;
        this.positions = positions;
        this.states = states;
    }

    /** Every projection, by name. */
    public List<ProjectionStatus> all() {
        long head = positions.head();
        return processors.active().stream()
                .sorted(Comparator.comparing(running -> running.projection().name()))
                .map(running -> status(running, head))
                .toList();
    }

    /** One projection; empty when there is none of that name. */
    public Optional<ProjectionStatus> of(String name) {
        return processors.active(name).map(running -> status(running, positions.head()));
    }

    private ProjectionStatus status(ProjectionProcessors.Running running, long head) {
        OptionalLong position = processors.progress(running).position();
        long processed = position.orElse(0);
        List<ProjectionStatus.Segment> segments = running.processor().processingStatus().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> new ProjectionStatus.Segment(entry.getKey(), true,
                        entry.getValue().isErrorState() ? entry.getValue().getError().getClass().getSimpleName()
                                : null))
                .toList();
        var rebuild = processors.rebuild(running.projection().name());
        var switchedAt = states.find(running.projection().name()).map(ProjectionStates.State::switchedAt).orElse(null);
        return new ProjectionStatus(running.projection().name(), running.processorName(), running.generation(),
                running.slot().name(), position.isPresent() ? position.getAsLong() : null, head,
                Math.max(0, head - processed), positions.waitingSince(processed).toMillis() / 1000.0,
                rebuild.isPresent(), rebuild.orElse(null), running.deadLetters().size(), switchedAt, segments);
    }
}
