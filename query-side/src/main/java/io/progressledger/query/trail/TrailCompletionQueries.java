package io.progressledger.query.trail;

import io.progressledger.events.trail.Course;
import io.progressledger.query.api.BadRequest;
import io.progressledger.query.api.Cursor;
import io.progressledger.query.api.NotFound;
import io.progressledger.query.api.Page;
import io.progressledger.query.api.PageRequest;
import io.progressledger.query.projection.ProjectionProcessors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Reads of the trail completions view (plain services, for the reason given on TalentProgressQueries). */
@Service
public class TrailCompletionQueries {

    private static final TypeReference<List<Course>> COURSES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ProjectionProcessors projections;

    public TrailCompletionQueries(JdbcClient jdbc, JsonMapper json, ProjectionProcessors projections) {
        this.jdbc = jdbc;
        this.json = json;
        this.projections = projections;
    }

    /** A learner's trails: one item per trail, its latest completion and how many times it was completed. */
    public Page<TrailCompletion> learnerTrails(long institutionId, long userId, PageRequest page) {
        String table = table();
        long afterTrail = page.first() ? -1 : parseLong(Cursor.decode(page.cursor(), 1)[0]);
        List<TrailCompletion> rows = jdbc.sql("""
                        SELECT * FROM %1$s c WHERE c.institution_id = ? AND c.user_id = ? AND c.trail_id > ?
                          AND c.completion_number = (SELECT MAX(d.completion_number) FROM %1$s d
                              WHERE d.institution_id = c.institution_id AND d.user_id = c.user_id
                                AND d.trail_id = c.trail_id)
                        ORDER BY c.trail_id FETCH FIRST ? ROWS ONLY""".formatted(table))
                .params(institutionId, userId, afterTrail, page.limit() + 1)
                .query((rs, n) -> completion(rs, true))
                .list();
        if (rows.isEmpty() && page.first()) {
            throw new NotFound("no completions for learner " + institutionId + "/" + userId);
        }
        return page(rows, page, last -> Cursor.encode(last.trailId()));
    }

    /** Every completion of a trail, by finish time (then institution, user, completion number). */
    public Page<TrailCompletion> trailCompletions(long trailId, PageRequest page) {
        String table = table();
        List<TrailCompletion> rows;
        if (page.first()) {
            rows = jdbc.sql("SELECT * FROM " + table + " WHERE trail_id = ? "
                            + "ORDER BY finished_at, institution_id, user_id, completion_number FETCH FIRST ? ROWS ONLY")
                    .params(trailId, page.limit() + 1)
                    .query((rs, n) -> completion(rs, false))
                    .list();
        } else {
            String[] after = Cursor.decode(page.cursor(), 4);
            OffsetDateTime finishedAt = OffsetDateTime.ofInstant(parseInstant(after[0]), ZoneOffset.UTC);
            long institution = parseLong(after[1]);
            long user = parseLong(after[2]);
            long number = parseLong(after[3]);
            rows = jdbc.sql("SELECT * FROM " + table + " WHERE trail_id = ? AND (finished_at > ? "
                            + "OR (finished_at = ? AND (institution_id > ? OR (institution_id = ? AND (user_id > ? "
                            + "OR (user_id = ? AND completion_number > ?)))))) "
                            + "ORDER BY finished_at, institution_id, user_id, completion_number FETCH FIRST ? ROWS ONLY")
                    .params(trailId, finishedAt, finishedAt, institution, institution, user, user, number,
                            page.limit() + 1)
                    .query((rs, n) -> completion(rs, false))
                    .list();
        }
        if (rows.isEmpty() && page.first()) {
            throw new NotFound("no completions of trail " + trailId);
        }
        return page(rows, page, last -> Cursor.encode(last.finishedAt(), last.institutionId(), last.userId(),
                last.completionNumber()));
    }

    private String table() {
        return projections.activeSlot(TrailCompletionsProjection.NAME).table("trail_completion");
    }

    private static Page<TrailCompletion> page(List<TrailCompletion> rows, PageRequest page,
                                              java.util.function.Function<TrailCompletion, String> cursorOf) {
        boolean more = rows.size() > page.limit();
        List<TrailCompletion> items = more ? rows.subList(0, page.limit()) : rows;
        return new Page<>(items, more ? cursorOf.apply(items.get(items.size() - 1)) : null);
    }

    private TrailCompletion completion(ResultSet rs, boolean withCount) throws SQLException {
        int number = rs.getInt("completion_number");
        return new TrailCompletion(
                rs.getLong("institution_id"),
                rs.getLong("user_id"),
                rs.getString("user_name"),
                rs.getString("user_email"),
                rs.getLong("trail_id"),
                rs.getString("trail_name"),
                rs.getObject("finished_at", OffsetDateTime.class).toInstant(),
                number,
                json.readValue(rs.getString("courses"), COURSES),
                withCount ? number : null);
    }

    private static long parseLong(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadRequest("cursor", "not a cursor returned by this API");
        }
    }

    private static Instant parseInstant(String value) {
        try {
            return Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadRequest("cursor", "not a cursor returned by this API");
        }
    }
}
