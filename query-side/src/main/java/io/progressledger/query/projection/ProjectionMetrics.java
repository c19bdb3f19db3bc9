package io.progressledger.query.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Gauges per view, read when scraped, from the same status operators read in {@code /api/projections}: lag in
 * events and in seconds, events parked, rebuild progress (0 to 1, or -1 when no rebuild runs). Tagged with the view's
 * name only: no ids, no personal data in labels.
 */
@Component
public class ProjectionMetrics implements MeterBinder {

    private final ProjectionStatuses statuses;
    private final List<Projection> projections;

    public ProjectionMetrics(ProjectionStatuses statuses, List<Projection> projections) {
        this.statuses = statuses;
        this.projections = projections;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Projection projection : projections) {
            String name = projection.name();
            gauge(registry, "progress.projection.lag.events", name, "events stored but not yet applied",
                    ProjectionStatus::lagEvents);
            gauge(registry, "progress.projection.lag.seconds", name, "age of the oldest event not yet applied",
                    ProjectionStatus::lagSeconds);
            gauge(registry, "progress.projection.parked", name, "events parked in the dead-letter queue",
                    ProjectionStatus::parked);
            gauge(registry, "progress.projection.rebuild.progress", name, "share of the events a rebuild has applied",
                    status -> status.rebuild() == null ? -1 : status.rebuild().eventsTotal() == 0 ? 1
                            : (double) status.rebuild().eventsDone() / status.rebuild().eventsTotal());
        }
    }

    private void gauge(MeterRegistry registry, String metric, String view, String description,
                       ToDoubleFunction<ProjectionStatus> value) {
        Gauge.builder(metric, () -> statuses.of(view).map(value::applyAsDouble).orElse(Double.NaN))
                .tag("projection", view).description(description).register(registry);
    }
}
