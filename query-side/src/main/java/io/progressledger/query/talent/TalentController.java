package io.progressledger.query.talent;

import io.progressledger.query.api.OutOfScope;
import io.progressledger.query.api.ReadScope;
import io.progressledger.events.talent.BlockStatus;
import io.progressledger.query.api.BadRequest;
import io.progressledger.query.api.NotFound;
import io.progressledger.query.api.Page;
import io.progressledger.query.api.PageRequest;
import io.progressledger.query.projection.ReadYourWrites;
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

/** Talent progress for dashboards. */
@RestController
@Tag(name = "Talent progress", description = "Phoenix talent paths: unlocked blocks and their status")
public class TalentController {

    static final String AS_OF = "the view as it was at this instant (ISO-8601), computed from the events";

    private final TalentProgressQueries queries;
    private final TalentProgressAt history;
    private final ReadYourWrites readYourWrites;

    public TalentController(TalentProgressQueries queries, TalentProgressAt history, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.history = history;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping("/api/talents/{talentId}")
    @Operation(summary = "A talent at a glance", description = "Blocks unlocked, how many in each status, programs, "
            + "first unlock and last activity.")
    public TalentSummary talent(@PathVariable String talentId,
                                @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf,
                                @RequestParam(required = false) @Min(1) Long minPosition, ReadScope scope)
            throws NotFound, OutOfScope {
        if (asOf != null) {
            return visible(history.summary(talentId, asOf), scope);
        }
        readYourWrites.await(TalentProgressProjection.NAME, minPosition);
        return visible(queries.summary(talentId), scope);
    }

    /**
     * A talent as a scoped token may see it: unknown (404) when none of its programs is in the scope; 403 when only
     * some are (its summary counts the others), where its blocks of one program can still be read.
     */
    private static TalentSummary visible(TalentSummary summary, ReadScope scope) {
        if (scope.all()) {
            return summary;
        }
        if (summary.programIds().stream().noneMatch(scope::program)) {
            throw new NotFound("no talent " + summary.talentId());
        }
        if (!summary.programIds().stream().allMatch(scope::program)) {
            throw new OutOfScope("this talent also has blocks in programs outside this token's scope: read its "
                    + "blocks with programId, one within the scope");
        }
        return summary;
    }

    @GetMapping("/api/talents/{talentId}/blocks")
    @Operation(summary = "A talent's unlocked blocks", description = "Sorted by block order, then talent block id.")
    public Page<TalentBlock> blocks(
            @PathVariable String talentId,
            @Parameter(description = "only blocks in this status (any case)") @RequestParam(required = false) BlockStatus status,
            @Parameter(description = "only blocks of this program") @RequestParam(required = false) String programId,
            @Parameter(description = AS_OF) @RequestParam(required = false) Instant asOf,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = PageRequest.DEFAULT) @Min(1) @Max(PageRequest.MAX_LIMIT) int limit,
            @RequestParam(required = false) @Min(1) Long minPosition, ReadScope scope)
            throws NotFound, BadRequest, OutOfScope {
        PageRequest<TalentBlocks.Position> page = PageRequest.of(cursor, limit, TalentBlocks.Position.class);
        if (!scope.all()) {
            TalentSummary summary = asOf != null ? history.summary(talentId, asOf) : queries.summary(talentId);
            if (programId == null) {
                visible(summary, scope);
            } else if (!scope.program(programId) || !summary.programIds().contains(programId)) {
                // As for a talent unknown: whether it exists outside the scope is not said.
                throw new NotFound("no talent " + talentId);
            }
        }
        if (asOf != null) {
            return history.blocks(talentId, asOf, status, programId, page);
        }
        readYourWrites.await(TalentProgressProjection.NAME, minPosition);
        return queries.blocks(talentId, status, programId, page);
    }
}
