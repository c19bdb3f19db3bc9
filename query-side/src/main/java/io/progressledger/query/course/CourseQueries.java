package io.progressledger.query.course;

import io.progressledger.query.api.BadRequest;
import io.progressledger.query.api.Cursor;
import io.progressledger.query.api.NotFound;
import io.progressledger.query.api.Page;
import io.progressledger.query.api.PageRequest;
import io.progressledger.query.projection.ProjectionProcessors;
import io.progressledger.query.trail.CompletionFilter;
import io.progressledger.query.trail.CompletionLists;
import io.progressledger.query.trail.TrailCompletion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** Reads of the course views (plain services, for the reason given on TrailCompletionQueries). */
@Service
public class CourseQueries {

    private final JdbcClient jdbc;
    private final CompletionLists lists;
    private final ProjectionProcessors projections;

    public CourseQueries(JdbcClient jdbc, CompletionLists lists, ProjectionProcessors projections) {
        this.jdbc = jdbc;
        this.lists = lists;
        this.projections = projections;
    }

    /** Every course seen, by course id. */
    public Page<CourseSummary> courses(PageRequest page) {
        long after = page.first() ? Long.MIN_VALUE : parse(Cursor.decode(page.cursor(), 1)[0]);
        var rows = jdbc.sql("SELECT * FROM " + table("course") + " WHERE course_id > ? ORDER BY course_id "
                        + "FETCH FIRST ? ROWS ONLY")
                .params(after, page.limit() + 1)
                .query(CourseQueries::course)
                .list();
        return Page.of(rows, page, last -> Cursor.encode(last.courseId()));
    }

    public CourseSummary course(long courseId) {
        return jdbc.sql("SELECT * FROM " + table("course") + " WHERE course_id = ?").param(courseId)
                .query(CourseQueries::course)
                .optional()
                .orElseThrow(() -> new NotFound("no completion includes course " + courseId));
    }

    /** The completions that include a course. */
    public Page<TrailCompletion> completions(long courseId, CompletionFilter filter, PageRequest page) {
        course(courseId);
        return lists.list(table("course_completion"), "course_id", courseId, filter, page);
    }

    private String table(String view) {
        return projections.activeSlot(CourseCompletionsProjection.NAME).table(view);
    }

    private static CourseSummary course(ResultSet rs, int row) throws SQLException {
        return new CourseSummary(rs.getLong("course_id"), rs.getString("title"), rs.getLong("completions"),
                rs.getObject("last_completed_at", OffsetDateTime.class).toInstant());
    }

    private static long parse(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadRequest("cursor", "not a cursor returned by this API");
        }
    }
}
