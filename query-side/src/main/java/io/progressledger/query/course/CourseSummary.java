package io.progressledger.query.course;

import java.time.Instant;

/**
 * A course seen in completions.
 *
 * @param title       its title in its latest completion
 * @param completions how many completions included it
 */
public record CourseSummary(long courseId, String title, long completions, Instant lastCompletedAt) {
}
