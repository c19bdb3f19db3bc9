package io.progressledger.query.stats;

import io.progressledger.query.api.OutOfScope;
import io.progressledger.query.api.ReadScope;
import io.progressledger.query.api.BadRequest;
import io.progressledger.query.projection.ReadYourWrites;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/** Activity over time for dashboards. */
@RestController
@Tag(name = "Statistics", description = "Unlocks and completions per day")
public class StatsController {

    private final StatsQueries queries;
    private final ReadYourWrites readYourWrites;

    public StatsController(StatsQueries queries, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping("/api/stats/daily")
    @Operation(summary = "Unlocks and completions per day",
            description = "Every day of the range (at most 366; default the last 30 days) in progress.stats.zone, "
                    + "for everything, one institution (completions) or one program (unlocks).")
    public DailyActivity daily(
            @Parameter(description = "first day, yyyy-MM-dd") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "last day, yyyy-MM-dd") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "only this institution's completions") @RequestParam(required = false) Long institutionId,
            @Parameter(description = "only this program's unlocks") @RequestParam(required = false) String programId,
            @RequestParam(required = false) @Min(1) Long minPosition, ReadScope scope) throws BadRequest, OutOfScope {
        if (!scope.all() && institutionId == null && programId == null) {
            throw new OutOfScope("totals over everything count every institution and program: a scoped token "
                    + "passes institutionId or programId, one within its scope");
        }
        if ((institutionId != null && !scope.institution(institutionId))
                || (programId != null && !scope.program(programId))) {
            throw new OutOfScope((institutionId != null ? "institutionId" : "programId")
                    + " is outside this token's scope");
        }
        readYourWrites.await(DailyActivityProjection.NAME, minPosition);
        return queries.daily(from, to, institutionId, programId);
    }
}
