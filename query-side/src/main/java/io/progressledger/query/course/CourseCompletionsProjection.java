package io.progressledger.query.course;

import io.progressledger.events.learner.LearnerDataErased;
import io.progressledger.events.trail.Course;
import io.progressledger.events.trail.TrailCompleted;
import io.progressledger.query.api.ViewTime;
import io.progressledger.query.projection.Projection;
import io.progressledger.query.projection.Slot;
import io.progressledger.query.projection.ViewBatch;
import io.progressledger.query.trail.CompletionRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Courses seen in completions: each course with how many completions included it (and its latest title), and the
 * completions that include each course. A course's count grows only when a completion row is actually inserted, so
 * applying an event twice changes nothing.
 */
@Component
public class CourseCompletionsProjection implements Projection {

    public static final String NAME = "course-completions";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public CourseCompletionsProjection(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of(Courses.COURSE, Courses.COURSE_COMPLETION);
    }

    @Override
    public Set<Class<?>> eventTypes() {
        return Set.of(TrailCompleted.class, LearnerDataErased.class);
    }

    @Override
    public ViewBatch batch(Slot slot) {
        return new Batch(slot);
    }

    /** A course's change in a batch: completions added, and its title as of the latest of them. */
    private static final class CourseCount {
        long completions;
        String title;
        OffsetDateTime lastCompletedAt;
    }

    private final class Batch extends CompletionRows {

        private final String countCourses;

        Batch(Slot slot) {
            super(jdbc, json, slot.table(Courses.COURSE_COMPLETION), """
                    MERGE INTO %s t
                    USING (SELECT CAST(? AS BIGINT) AS course_id, CAST(? AS BIGINT) AS institution_id,
                                  CAST(? AS BIGINT) AS user_id, CAST(? AS BIGINT) AS trail_id,
                                  CAST(? AS INTEGER) AS completion_number) k
                    ON t.course_id = k.course_id AND t.institution_id = k.institution_id AND t.user_id = k.user_id
                       AND t.trail_id = k.trail_id AND t.completion_number = k.completion_number
                    WHEN NOT MATCHED THEN INSERT (course_id, institution_id, user_id, trail_id, completion_number,
                        user_name, user_email, personal_data_typed, trail_name, finished_at, courses)
                        VALUES (k.course_id, k.institution_id, k.user_id, k.trail_id, k.completion_number,
                                ?, ?, TRUE, ?, ?, ?)""".formatted(slot.table(Courses.COURSE_COMPLETION)));
            countCourses = """
                    MERGE INTO %s t
                    USING (SELECT CAST(? AS BIGINT) AS course_id, CAST(? AS BIGINT) AS completions,
                                  CAST(? AS VARCHAR(1000)) AS title,
                                  CAST(? AS TIMESTAMP(6) WITH TIME ZONE) AS completed_at) k
                    ON t.course_id = k.course_id
                    WHEN MATCHED THEN UPDATE SET completions = t.completions + k.completions,
                        title = CASE WHEN k.completed_at >= t.last_completed_at THEN k.title ELSE t.title END,
                        last_completed_at = GREATEST(t.last_completed_at, k.completed_at)
                    WHEN NOT MATCHED THEN INSERT (course_id, title, completions, last_completed_at)
                        VALUES (k.course_id, k.title, k.completions, k.completed_at)"""
                    .formatted(slot.table(Courses.COURSE));
        }

        /** One row per distinct course of the completion (the first title of a course listed twice). */
        @Override
        protected List<Long> rowsOf(TrailCompleted completion) {
            return completion.courses().stream().map(Course::id).distinct().toList();
        }

        /** Each course counts the completions inserted; its title is the one of its latest completion. */
        @Override
        protected void inserted(List<Row> inserted) {
            Map<Long, CourseCount> counts = new LinkedHashMap<>();
            for (Row row : inserted) {
                OffsetDateTime finishedAt = ViewTime.column(row.completion().finishedAt());
                String title = row.completion().courses().stream().filter(course -> course.id() == row.courseId())
                        .findFirst().orElseThrow().title();
                CourseCount count = counts.computeIfAbsent(row.courseId(), id -> new CourseCount());
                count.completions++;
                if (count.lastCompletedAt == null || !finishedAt.isBefore(count.lastCompletedAt)) {
                    count.title = title;
                    count.lastCompletedAt = finishedAt;
                }
            }
            if (counts.isEmpty()) {
                return;
            }
            List<Object[]> parameters = new ArrayList<>(counts.size());
            counts.forEach((course, count) -> parameters.add(new Object[]{course, count.completions, count.title,
                    count.lastCompletedAt}));
            jdbc.batchUpdate(countCourses, parameters);
        }
    }
}
