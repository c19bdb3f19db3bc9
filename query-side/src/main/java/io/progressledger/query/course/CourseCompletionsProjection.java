package io.progressledger.query.course;

import io.progressledger.events.trail.Course;
import io.progressledger.events.learner.LearnerDataErased;
import io.progressledger.events.trail.TrailCompleted;
import io.progressledger.query.trail.CompletionLists;
import io.progressledger.query.api.ViewTime;
import io.progressledger.query.projection.Projection;
import io.progressledger.query.projection.Slot;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Courses seen in completions: each course with how many completions included it (and its latest title), and the
 * completions that include each course. A course's count grows only when a completion row is actually inserted, so
 * applying an event twice changes nothing.
 */
@Component
public class CourseCompletionsProjection implements Projection {

    public static final String NAME = "course-completions";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public CourseCompletionsProjection(JdbcClient jdbc, JsonMapper json) {
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
    public Object writerFor(Slot slot) {
        return new Writer(slot);
    }

    final class Writer {

        private final String insertCompletion;
        private final String countCourse;
        private final String erasePersonalData;

        Writer(Slot slot) {
            erasePersonalData = CompletionLists.erasePersonalData(slot.table(Courses.COURSE_COMPLETION));
            insertCompletion = """
                    MERGE INTO %s t
                    USING (SELECT CAST(? AS BIGINT) AS course_id, CAST(? AS BIGINT) AS institution_id,
                                  CAST(? AS BIGINT) AS user_id, CAST(? AS BIGINT) AS trail_id,
                                  CAST(? AS INTEGER) AS completion_number) k
                    ON t.course_id = k.course_id AND t.institution_id = k.institution_id AND t.user_id = k.user_id
                       AND t.trail_id = k.trail_id AND t.completion_number = k.completion_number
                    WHEN NOT MATCHED THEN INSERT (course_id, institution_id, user_id, trail_id, completion_number,
                        user_name, user_email, personal_data_typed, trail_name, finished_at, courses)
                        VALUES (k.course_id, k.institution_id, k.user_id, k.trail_id, k.completion_number,
                                ?, ?, TRUE, ?, ?, ?)""".formatted(slot.table(Courses.COURSE_COMPLETION));
            countCourse = """
                    MERGE INTO %s t
                    USING (SELECT CAST(? AS BIGINT) AS course_id, CAST(? AS VARCHAR(1000)) AS title,
                                  CAST(? AS TIMESTAMP(6) WITH TIME ZONE) AS completed_at) k
                    ON t.course_id = k.course_id
                    WHEN MATCHED THEN UPDATE SET completions = t.completions + 1,
                        title = CASE WHEN k.completed_at >= t.last_completed_at THEN k.title ELSE t.title END,
                        last_completed_at = GREATEST(t.last_completed_at, k.completed_at)
                    WHEN NOT MATCHED THEN INSERT (course_id, title, completions, last_completed_at)
                        VALUES (k.course_id, k.title, 1, k.completed_at)""".formatted(slot.table(Courses.COURSE));
        }

        @EventHandler
        void on(TrailCompleted event) {
            OffsetDateTime finishedAt = ViewTime.column(event.finishedAt());
            String courses = json.writeValueAsString(event.courses());
            for (Course course : event.courses().stream().distinct().toList()) {
                int inserted = jdbc.sql(insertCompletion)
                        .params(course.id(), event.institutionId(), event.userId(), event.trailId(),
                                event.completionNumber(), CompletionLists.column(json, event.userName()),
                                CompletionLists.column(json, event.userEmail()), event.trailName(),
                                finishedAt, courses)
                        .update();
                if (inserted == 1) {
                    jdbc.sql(countCourse).params(course.id(), course.title(), finishedAt).update();
                }
            }
        }

        @EventHandler
        void on(LearnerDataErased event) {
            jdbc.sql(erasePersonalData)
                    .params(CompletionLists.erasedColumn(json), CompletionLists.erasedColumn(json),
                            event.institutionId(), event.userId())
                    .update();
        }
    }
}
