package io.progressledger.query.trail;

import io.progressledger.query.api.ReadScope;
import io.progressledger.query.api.PersonalData;
import io.progressledger.query.api.BadRequest;
import io.progressledger.query.api.NotFound;
import io.progressledger.query.api.Page;
import io.progressledger.query.api.PageRequest;
import io.progressledger.query.api.Unavailable;
import io.progressledger.query.projection.ReadYourWrites;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** Trail completions for dashboards: per learner, per trail, per institution. */
@RestController
@Tag(name = "Trail completions", description = "Toolzz trail completions, with their course lists")
public class TrailController {

    private final TrailCompletionQueries queries;
    private final ObjectProvider<LearnerTrailsAt> history;
    private final ReadYourWrites readYourWrites;

    public TrailController(TrailCompletionQueries queries, ObjectProvider<LearnerTrailsAt> history,
                           ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.history = history;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping("/api/learners/{institutionId}/{userId}/trails")
    @Operation(summary = "A learner's trails",
            description = "One item per trail, sorted by trail id: the learner's latest completion of it, with "
                    + "completionCount, how many times the learner completed it.")
    @PersonalData
    public Page<TrailCompletion> learnerTrails(@PathVariable long institutionId, @PathVariable long userId,
                                               @Parameter(description = "the learner's trails as they were at this "
                                                       + "instant (ISO-8601), computed from the events")
                                               @RequestParam(required = false) Instant asOf,
                                               @RequestParam(required = false) String cursor,
                                               @RequestParam(defaultValue = PageRequest.DEFAULT) @Min(1)
                                               @Max(PageRequest.MAX_LIMIT) int limit,
                                               @RequestParam(required = false) @Min(1) Long minPosition,
                                               ReadScope scope)
            throws NotFound, BadRequest, Unavailable {
        scope.requireInstitution(institutionId, "no completions for learner " + institutionId + "/" + userId);
        PageRequest<TrailCompletions.LearnerPosition> page = PageRequest.of(cursor, limit,
                TrailCompletions.LearnerPosition.class);
        if (asOf != null) {
            LearnerTrailsAt atInstant = history.getIfAvailable();
            if (atInstant == null) {
                throw new Unavailable("a learner's trails as of an instant need the events in the application's "
                        + "database (H2 or PostgreSQL), not in Axon Server");
            }
            return atInstant.trails(institutionId, userId, asOf, page);
        }
        readYourWrites.await(TrailCompletionsProjection.NAME, minPosition);
        return queries.learnerTrails(institutionId, userId, page);
    }

    @GetMapping("/api/trails/{trailId}/completions")
    @Operation(summary = "Every completion of a trail",
            description = "Sorted by finishedAt, then institutionId, userId, trailId, completionNumber.")
    @PersonalData
    public Page<TrailCompletion> trailCompletions(
            @PathVariable long trailId,
            @Parameter(description = "only this institution's learners") @RequestParam(required = false) Long institutionId,
            @Parameter(description = "finished at or after (ISO-8601 instant)") @RequestParam(required = false) Instant from,
            @Parameter(description = "finished before (ISO-8601 instant)") @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = PageRequest.DEFAULT) @Min(1) @Max(PageRequest.MAX_LIMIT) int limit,
            @RequestParam(required = false) @Min(1) Long minPosition, ReadScope scope) throws NotFound, BadRequest {
        CompletionFilter filter = new CompletionFilter(institutionId, null, from, to);
        if (!scope.all()) {
            if (institutionId != null) {
                scope.requireInstitution(institutionId, "no completions of trail " + trailId);
            }
            filter = filter.within(scope.institutions());
        }
        readYourWrites.await(TrailCompletionsProjection.NAME, minPosition);
        return queries.ofTrail(trailId, filter,
                PageRequest.of(cursor, limit, CompletionLists.Position.class));
    }

    @GetMapping("/api/institutions/{institutionId}/completions")
    @Operation(summary = "Every completion in an institution",
            description = "Sorted by finishedAt, then institutionId, userId, trailId, completionNumber.")
    @PersonalData
    public Page<TrailCompletion> institutionCompletions(
            @PathVariable long institutionId,
            @Parameter(description = "only this trail") @RequestParam(required = false) Long trailId,
            @Parameter(description = "finished at or after (ISO-8601 instant)") @RequestParam(required = false) Instant from,
            @Parameter(description = "finished before (ISO-8601 instant)") @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = PageRequest.DEFAULT) @Min(1) @Max(PageRequest.MAX_LIMIT) int limit,
            @RequestParam(required = false) @Min(1) Long minPosition, ReadScope scope) throws NotFound, BadRequest {
        scope.requireInstitution(institutionId, "no completions in institution " + institutionId);
        readYourWrites.await(TrailCompletionsProjection.NAME, minPosition);
        return queries.ofInstitution(institutionId, new CompletionFilter(null, trailId, from, to),
                PageRequest.of(cursor, limit, CompletionLists.Position.class));
    }
}
