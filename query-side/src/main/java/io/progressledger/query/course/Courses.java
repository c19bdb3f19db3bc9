package io.progressledger.query.course;

import io.progressledger.query.api.Page;
import io.progressledger.query.api.PageRequest;
import io.progressledger.query.projection.ActiveGenerations;
import io.progressledger.query.trail.CompletionFilter;
import io.progressledger.query.trail.CompletionLists;
import io.progressledger.query.trail.TrailCompletion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The course view's tables: {@code course_<slot>} (each course seen, with its count and latest title) and
 * {@code course_completion_<slot>} (the completions that include each course). Reads go to the generation
 * dashboards read now.
 */
@Repository
public class Courses {

    static final String COURSE = "course";
    static final String COURSE_COMPLETION = "course_completion";

    private final JdbcClient jdbc;
    private final CompletionLists lists;
    private final ActiveGenerations generations;

    public Courses(JdbcClient jdbc, CompletionLists lists, ActiveGenerations generations) {
        this.jdbc = jdbc;
        this.lists = lists;
        this.generations = generations;
    }

    /** Up to {@code limit} courses after {@code after} (from the first when null), by course id. */
    public List<CourseSummary> after(Position after, int limit) {
        return jdbc.sql("SELECT * FROM " + table(COURSE) + " WHERE course_id > ? ORDER BY course_id "
                        + "FETCH FIRST ? ROWS ONLY")
                .params(after == null ? Long.MIN_VALUE : after.courseId(), limit)
                .query(Courses::course)
                .list();
    }

    public Optional<CourseSummary> find(long courseId) {
        return jdbc.sql("SELECT * FROM " + table(COURSE) + " WHERE course_id = ?").param(courseId)
                .query(Courses::course)
                .optional();
    }

    /** Whether a completion that includes the course is in one of {@code institutions}. */
    public boolean includedWithin(long courseId, java.util.Set<Long> institutions) {
        return lists.existsWithin(table(COURSE_COMPLETION), "course_id", courseId, institutions);
    }

    /** The completions that include a course. */
    public Page<TrailCompletion> completions(long courseId, CompletionFilter filter,
                                             PageRequest<CompletionLists.Position> page) {
        return lists.list(table(COURSE_COMPLETION), "course_id", courseId, filter, page);
    }

    /** A place in the list of courses: the sort key, and cursor, of a page of it. */
    public record Position(long courseId) {

        public static Position of(CourseSummary course) {
            return new Position(course.courseId());
        }
    }

    private String table(String baseName) {
        return generations.table(CourseCompletionsProjection.NAME, baseName);
    }

    private static CourseSummary course(ResultSet rs, int row) throws SQLException {
        return new CourseSummary(rs.getLong("course_id"), rs.getString("title"), rs.getLong("completions"),
                rs.getObject("last_completed_at", OffsetDateTime.class).toInstant());
    }
}
