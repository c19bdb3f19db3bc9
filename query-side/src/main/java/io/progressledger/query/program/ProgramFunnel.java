package io.progressledger.query.program;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * How far a program's talents have got.
 *
 * @param statusCounts every block of the program, by status
 * @param phases       per phase (by id), per block order: how many talents unlocked the block, and their statuses
 */
public record ProgramFunnel(String programId, long unlocked, Map<String, Long> statusCounts, List<Phase> phases) {

    @Schema(name = "FunnelPhase")
    public record Phase(String talentPhaseId, long unlocked, List<Step> blocks) {
    }

    /** One block order of a phase: how many talents unlocked it, and where they are with it. */
    @Schema(name = "FunnelStep")
    public record Step(int order, long unlocked, Map<String, Long> statusCounts) {
    }
}
