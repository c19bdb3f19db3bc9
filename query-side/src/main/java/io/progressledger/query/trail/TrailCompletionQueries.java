package io.progressledger.query.trail;

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
    public Page<TrailCompletion> learnerTrails(long institutionId, long userId,
                                               PageRequest<TrailCompletions.LearnerPosition> page) {
        List<TrailCompletion> rows = view.latestPerTrail(institutionId, userId, page.after(), page.limit() + 1);
        if (rows.isEmpty() && page.first()) {
            throw new NotFound("no completions for learner " + institutionId + "/" + userId);
        }
        return Page.of(rows, page, TrailCompletions.LearnerPosition::of);
    }

    /** Every completion of a trail. */
    public Page<TrailCompletion> ofTrail(long trailId, CompletionFilter filter,
                                         PageRequest<CompletionLists.Position> page) {
        Page<TrailCompletion> result = view.list("trail_id", trailId, filter, page);
        boolean exists = filter.institutions() == null ? view.exists("trail_id", trailId)
                : view.existsWithin("trail_id", trailId, filter.institutions());
        if (result.items().isEmpty() && page.first() && !exists) {
            throw new NotFound("no completions of trail " + trailId);
        }
        return result;
    }

    /** Every completion in an institution. */
    public Page<TrailCompletion> ofInstitution(long institutionId, CompletionFilter filter,
                                               PageRequest<CompletionLists.Position> page) {
        Page<TrailCompletion> result = view.list("institution_id", institutionId, filter, page);
        if (result.items().isEmpty() && page.first() && !view.exists("institution_id", institutionId)) {
            throw new NotFound("no completions in institution " + institutionId);
        }
        return result;
    }
}
