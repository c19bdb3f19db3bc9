package io.progressledger.query.overview;

import io.progressledger.query.api.OutOfScope;
import io.progressledger.query.api.ReadScope;
import io.progressledger.query.projection.ReadYourWrites;
import io.progressledger.query.stats.DailyActivityProjection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The totals a dashboard opens with (no other endpoint counts talents or learners), each a read of a few rows. */
@RestController
@Tag(name = "Overview", description = "The ledger at a glance")
public class OverviewController {

    private static final List<String> VIEWS = List.of(OverviewProjection.NAME, DailyActivityProjection.NAME);

    private final OverviewQueries queries;
    private final ReadYourWrites readYourWrites;

    public OverviewController(OverviewQueries queries, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping("/api/overview")
    @Operation(summary = "Totals", description = "Talents, unlocks, learners, trail completions and courses, all "
            + "time; the first and last day with activity; the first 200 programs and "
            + "institutions seen, by id. With minPosition, waits until every view it reads has applied that position.")
    public Overview overview(@RequestParam(required = false) @Min(1) Long minPosition, ReadScope scope)
            throws OutOfScope {
        scope.requireAll("the overview counts every institution and program: a scoped token reads "
                + "/api/stats/daily with institutionId or programId, and its institutions' and programs' own pages");
        VIEWS.forEach(view -> readYourWrites.await(view, minPosition));
        return queries.overview();
    }
}
