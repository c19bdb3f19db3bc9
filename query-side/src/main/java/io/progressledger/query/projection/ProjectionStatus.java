package io.progressledger.query.projection;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * Where a projection stands.
 *
 * @param position   the highest global position every segment has reached (null before the first batch); events
 *                   committed late below it may still be pending, and `minPosition` waits for them
 * @param lagEvents  events stored after {@code position}
 * @param lagSeconds age of the oldest event not yet applied (0 when caught up)
 * @param replaying  whether a rebuild of this projection is running
 * @param rebuild    its progress, while it runs
 * @param parked     events parked in the dead-letter queue
 * @param switchedAt when dashboards started reading this generation, for a rebuilt one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectionStatus(String name, String processor, int generation, String slot, @Nullable Long position,
                               long headPosition, long lagEvents, double lagSeconds, boolean replaying,
                               ProjectionProcessors.@Nullable RebuildProgress rebuild, long parked,
                               @Nullable Instant switchedAt, List<Segment> segments) {

    /** One segment of the processor as this node sees it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ProjectionSegment")
    public record Segment(int segment, boolean processedHere, @Nullable String error) {
    }
}
