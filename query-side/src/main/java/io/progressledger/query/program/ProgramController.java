package io.progressledger.query.program;

import io.progressledger.query.api.ReadScope;
import io.progressledger.query.api.NotFound;
import io.progressledger.query.projection.ReadYourWrites;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The program funnel for dashboards. */
@RestController
@Tag(name = "Programs", description = "Phoenix programs: how far their talents have got")
public class ProgramController {

    private final ProgramFunnelQueries queries;
    private final ReadYourWrites readYourWrites;

    public ProgramController(ProgramFunnelQueries queries, ReadYourWrites readYourWrites) {
        this.queries = queries;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping("/api/programs/{programId}/funnel")
    @Operation(summary = "A program's funnel", description = "Per phase and block order: how many talents unlocked "
            + "the block and how many are in each status. Phases by id, blocks by order.")
    public ProgramFunnel funnel(@PathVariable String programId,
                                @Parameter(description = "only this phase") @RequestParam(required = false) String talentPhaseId,
                                @RequestParam(required = false) @Min(1) Long minPosition, ReadScope scope)
            throws NotFound {
        scope.requireProgram(programId, "no unlocked blocks in program " + programId
                + (talentPhaseId == null ? "" : " phase " + talentPhaseId));
        readYourWrites.await(ProgramFunnelProjection.NAME, minPosition);
        return queries.funnel(programId, talentPhaseId);
    }
}
