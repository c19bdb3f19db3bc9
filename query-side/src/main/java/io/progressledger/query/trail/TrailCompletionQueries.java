package io.progressledger.query.trail;

import io.progressledger.query.api.BadRequest;
import io.progressledger.query.api.Cursor;
import io.progressledger.query.api.NotFound;
import io.progressledger.query.api.Page;
import io.progressledger.query.api.PageRequest;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * Reads of the trail completions view. Plain services rather than Axon query handlers: the views are local tables
 * read in one process and the reads must stay in the low milliseconds; a query bus would add dispatch and
 * serialization and give location transparency the deployment does not need.
 */
@Service
public class TrailCompletionQueries {

    private final TrailCompletions view;

    public TrailCompletionQueries(TrailCompletions view) {
        this.view = view;
    }

    /** A learner's trails, by trail id: each trail's latest completion and how many times it was completed. */
    public Page<TrailCompletion> learnerTrails(long institutionId, long userId, PageRequest page) {
        long afterTrail = page.first() ? Long.MIN_VALUE : parse(Cursor.decode(page.cursor(), 1)[0]);
        List<TrailCompletion> rows = view.latestPerTrail(institutionId, userId, afterTrail, page.limit() + 1);
        if (rows.isEmpty() && page.first()) {
            throw new NotFound("no completions for learner " + institutionId + "/" + userId);
        }
        return Page.of(rows, page, last -> Cursor.encode(last.trailId()));
    }

    /** Every completion of a trail. */
    public Page<TrailCompletion> ofTrail(long trailId, CompletionFilter filter, PageRequest page) {
        Page<TrailCompletion> result = view.list("trail_id", trailId, filter, page);
        if (result.items().isEmpty() && page.first() && !view.exists("trail_id", trailId)) {
            throw new NotFound("no completions of trail " + trailId);
        }
        return result;
    }

    /** Every completion in an institution. */
    public Page<TrailCompletion> ofInstitution(long institutionId, CompletionFilter filter, PageRequest page) {
        Page<TrailCompletion> result = view.list("institution_id", institutionId, filter, page);
        if (result.items().isEmpty() && page.first() && !view.exists("institution_id", institutionId)) {
            throw new NotFound("no completions in institution " + institutionId);
        }
        return result;
    }

    private static long parse(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadRequest("cursor", "not a cursor returned by this API");
        }
    }
}
