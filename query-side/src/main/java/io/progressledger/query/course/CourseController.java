package io.progressledger.query.course;

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

    @GetMapping("/api/courses")
    @Operation(summary = "Every course seen in completions", description = "Sorted by course id.")
    public Page<CourseSummary> courses(@RequestParam(required = false) String cursor,
                                       @RequestParam(defaultValue = PageRequest.DEFAULT) @Min(1)
                                       @Max(PageRequest.MAX_LIMIT) int limit,
                                       @RequestParam(required = false) @Min(1) Long minPosition) throws BadRequest {
        readYourWrites.await(CourseCompletionsProjection.NAME, minPosition);
        return queries.courses(PageRequest.of(cursor, limit, Courses.Position.class));
    }

    @GetMapping("/api/courses/{courseId}")
    @Operation(summary = "A course", description = "Its latest title and how many completions included it.")
    public CourseSummary course(@PathVariable long courseId, @RequestParam(required = false) @Min(1) Long minPosition)
            throws NotFound {
        readYourWrites.await(CourseCompletionsProjection.NAME, minPosition);
        return queries.course(courseId);
    }

    @GetMapping("/api/courses/{courseId}/completions")
    @Operation(summary = "The completions that include a course",
            description = "Sorted by finishedAt, then institutionId, userId, trailId, completionNumber.")
    public Page<TrailCompletion> courseCompletions(
            @PathVariable long courseId,
            @Parameter(description = "only this institution's learners") @RequestParam(required = false) Long institutionId,
            @Parameter(description = "finished at or after (ISO-8601 instant)") @RequestParam(required = false) Instant from,
            @Parameter(description = "finished before (ISO-8601 instant)") @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = PageRequest.DEFAULT) @Min(1) @Max(PageRequest.MAX_LIMIT) int limit,
            @RequestParam(required = false) @Min(1) Long minPosition) throws NotFound, BadRequest {
        readYourWrites.await(CourseCompletionsProjection.NAME, minPosition);
        return queries.completions(courseId, new CompletionFilter(institutionId, null, from, to),
                PageRequest.of(cursor, limit, CompletionLists.Position.class));
    }
}
