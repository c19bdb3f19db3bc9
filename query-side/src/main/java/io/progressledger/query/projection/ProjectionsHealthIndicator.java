package io.progressledger.query.projection;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness ({@code projections}): every view's processor runs, and none of the segments this node processes is
 * failing. Lag is not a reason to be unready (a node catching up serves complete, older views); it is a metric.
 */
@Component
public class ProjectionsHealthIndicator implements HealthIndicator {

    private final ProjectionProcessors processors;

    public ProjectionsHealthIndicator(ProjectionProcessors processors) {
        this.processors = processors;
    }

    @Override
    public Health health() {
        if (!processors.isRunning()) {
            return Health.down().withDetail("reason", "projections not started").build();
        }
        for (ProjectionProcessors.Running running : processors.active()) {
            if (!running.processor().isRunning()) {
                return Health.down().withDetail("stopped", running.processorName()).build();
            }
            boolean failing = running.processor().processingStatus().values().stream()
                    .anyMatch(status -> status.isErrorState());
            if (failing) {
                return Health.down().withDetail("failing", running.processorName()).build();
            }
        }
        return Health.up().build();
    }
}
