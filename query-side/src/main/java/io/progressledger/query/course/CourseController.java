package io.progressledger.query.course;

import io.progressledger.query.api.OutOfScope;
import io.progressledger.query.api.ReadScope;
import io.progressledger.query.api.PersonalData;
import io.progressledger.query.api.BadRequest;
import io.progressledger.query.api.NotFound;
import io.progressledger.query.api.Page;
import io.progressledger.query.api.PageRequest;
import io.progressledger.query.projection.ReadYourWrites;
import io.progressledger.query.trail.CompletionFilter;
import io.progressledger.query.trail.CompletionLists;
import io.progressledger.query.trail.TrailCompletion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** Courses for dashboards. */
@RestController
@Tag(name = "Courses", description = "Toolzz courses seen in trail completions")
public class CourseController {

    private final CourseQueries queries;
    private final ReadYourWrites readYourWrites;

    public CourseController(CourseQueries queries, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    static final String COUNTS_EVERYTHING = "a course's totals count the completions of every institution: a token "
            + "scoped to institutions reads /api/courses/{courseId}/completions instead";

    @GetMapping("/api/courses")
    @Operation(summary = "Every course seen in completions", description = "Sorted by course id.")
    public Page<CourseSummary> courses(@RequestParam(required = false) String cursor,
                                       @RequestParam(defaultValue = PageRequest.DEFAULT) @Min(1)
                                       @Max(PageRequest.MAX_LIMIT) int limit,
                                       @RequestParam(required = false) @Min(1) Long minPosition,
                                       ReadScope scope) throws BadRequest, OutOfScope {
        scope.requireAll(COUNTS_EVERYTHING);
        readYourWrites.await(CourseCompletionsProjection.NAME, minPosition);
        return queries.courses(PageRequest.of(cursor, limit, Courses.Position.class));
    }

    @GetMapping("/api/courses/{courseId}")
    @Operation(summary = "A course", description = "Its latest title and how many completions included it.")
    public CourseSummary course(@PathVariable long courseId, @RequestParam(required = false) @Min(1) Long minPosition,
                                ReadScope scope) throws NotFound, OutOfScope {
        scope.requireAll(COUNTS_EVERYTHING);
        readYourWrites.await(CourseCompletionsProjection.NAME, minPosition);
        return queries.course(courseId);
    }

    @GetMapping("/api/courses/{courseId}/completions")
    @Operation(summary = "The completions that include a course",
            description = "Sorted by finishedAt, then institutionId, userId, trailId, completionNumber.")
    @PersonalData
    public Page<TrailCompletion> courseCompletions(
            @PathVariable long courseId,
            @Parameter(description = "only this institution's learners") @RequestParam(required = false) Long institutionId,
            @Parameter(description = "finished at or after (ISO-8601 instant)") @RequestParam(required = false) Instant from,
            @Parameter(description = "finished before (ISO-8601 instant)") @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = PageRequest.DEFAULT) @Min(1) @Max(PageRequest.MAX_LIMIT) int limit,
            @RequestParam(required = false) @Min(1) Long minPosition, ReadScope scope) throws NotFound, BadRequest {
        CompletionFilter filter = new CompletionFilter(institutionId, null, from, to);
        if (!scope.all()) {
            if (institutionId != null) {
                scope.requireInstitution(institutionId, "no completion includes course " + courseId);
            }
            filter = filter.within(scope.institutions());
        }
        readYourWrites.await(CourseCompletionsProjection.NAME, minPosition);
        return queries.completions(courseId, filter,
                PageRequest.of(cursor, limit, CompletionLists.Position.class));
    }
}
