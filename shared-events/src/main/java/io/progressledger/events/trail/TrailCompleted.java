package io.progressledger.events.trail;

import io.progressledger.events.Provenance;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A learner finished every activity of a trail. A learner may complete the same trail again later; each completion
 * is numbered (1, 2, ...) in the order the ledger recorded them.
 */
@Revision("1")
public record TrailCompleted(
        long institutionId,
        long userId,
        String userName,
        String userEmail,
        long trailId,
        String trailName,
        Instant finishedAt,
        int completionNumber,
        List<Course> courses,
        Provenance provenance) implements TrailEvent {

    public TrailCompleted {
        courses = List.copyOf(courses);
    }
}
