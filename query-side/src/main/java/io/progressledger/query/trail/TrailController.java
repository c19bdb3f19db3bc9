package io.progressledger.query.trail;

import io.progressledger.query.api.Page;
import io.progressledger.query.api.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Trail completions for dashboards: per learner and per trail. */
@RestController
public class TrailController {

    private final TrailCompletionQueries queries;

    public TrailController(TrailCompletionQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/learners/{institutionId}/{userId}/trails")
    public Page<TrailCompletion> learnerTrails(@PathVariable long institutionId, @PathVariable long userId,
                                               @RequestParam(required = false) String cursor,
                                               @RequestParam(required = false) Integer limit) {
        return queries.learnerTrails(institutionId, userId, PageRequest.of(cursor, limit));
    }

    @GetMapping("/api/trails/{trailId}/completions")
    public Page<TrailCompletion> trailCompletions(@PathVariable long trailId,
                                                  @RequestParam(required = false) String cursor,
                                                  @RequestParam(required = false) Integer limit) {
        return queries.trailCompletions(trailId, PageRequest.of(cursor, limit));
    }
}
