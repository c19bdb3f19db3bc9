package io.progressledger.query.trail;

import io.progressledger.query.api.BadRequest;
import io.progressledger.query.api.Cursor;
import io.progressledger.query.api.NotFound;
import io.progressledger.query.api.Page;
import io.progressledger.query.api.PageRequest;
import io.progressledger.query.projection.ProjectionProcessors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * Reads of the trail completions view. Plain services rather than Axon query handlers: the views are local tables
 * read in one process and the reads must stay in the low milliseconds; a query bus would add dispatch and
 * serialization and give location transparency the deployment does not need.
 */
@Service
public class TrailCompletionQueries {

    private final JdbcClient jdbc;
    private final CompletionLists lists;
    private final ProjectionProcessors projections;

    public TrailCompletionQueries(JdbcClient jdbc, CompletionLists lists, ProjectionProcessors projections) {
        this.jdbc = jdbc;
        this.lists = lists;
        this.projections = projections;
    }

    /** A learner's trails, by trail id: each trail's latest completion and how many times it was completed. */
    public Page<TrailCompletion> learnerTrails(long institutionId, long userId, PageRequest page) {
        long afterTrail = page.first() ? Long.MIN_VALUE : parse(Cursor.decode(page.cursor(), 1)[0]);
        // Completion numbers run 1..n per learner and trail, so the highest is the latest and is the count. The
        // ORDER BY is the primary key's own (the learner's columns are constant): the page comes off it in order.
        List<TrailCompletion> rows = jdbc.sql("""
                        SELECT * FROM %1$s c WHERE c.institution_id = ? AND c.user_id = ? AND c.trail_id > ?
                          AND c.completion_number = (SELECT MAX(d.completion_number) FROM %1$s d
                              WHERE d.institution_id = c.institution_id AND d.user_id = c.user_id
                                AND d.trail_id = c.trail_id)
                        ORDER BY c.institution_id, c.user_id, c.trail_id FETCH FIRST ? ROWS ONLY""".formatted(table()))
                .params(institutionId, userId, afterTrail, page.limit() + 1)
                .query((rs, n) -> lists.completion(rs, rs.getInt("completion_number")))
                .list();
        if (rows.isEmpty() && page.first()) {
            throw new NotFound("no completions for learner " + institutionId + "/" + userId);
        }
        return Page.of(rows, page, last -> Cursor.encode(last.trailId()));
    }

    /** Every completion of a trail. */
    public Page<TrailCompletion> ofTrail(long trailId, CompletionFilter filter, PageRequest page) {
        Page<TrailCompletion> result = lists.list(table(), "trail_id", trailId, filter, page);
        if (result.items().isEmpty() && page.first() && !exists("trail_id", trailId)) {
            throw new NotFound("no completions of trail " + trailId);
        }
        return result;
    }

    /** Every completion in an institution. */
    public Page<TrailCompletion> ofInstitution(long institutionId, CompletionFilter filter, PageRequest page) {
        Page<TrailCompletion> result = lists.list(table(), "institution_id", institutionId, filter, page);
        if (result.items().isEmpty() && page.first() && !exists("institution_id", institutionId)) {
            throw new NotFound("no completions in institution " + institutionId);
        }
        return result;
    }

    private boolean exists(String column, long id) {
        return jdbc.sql("SELECT 1 FROM " + table() + " WHERE " + column + " = ? FETCH FIRST 1 ROWS ONLY")
                .param(id).query().listOfRows().size() == 1;
    }

    private String table() {
        return projections.activeSlot(TrailCompletionsProjection.NAME).table("trail_completion");
    }

    private static long parse(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadRequest("cursor", "not a cursor returned by this API");
        }
    }
}
