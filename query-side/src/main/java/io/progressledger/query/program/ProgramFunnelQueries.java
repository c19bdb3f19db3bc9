package io.progressledger.query.program;

import io.progressledger.events.talent.BlockStatus;
import io.progressledger.query.api.NotFound;
import io.progressledger.query.projection.ProjectionProcessors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads of the program funnel view (plain services, for the reason given on TrailCompletionQueries). */
@Service
public class ProgramFunnelQueries {

    private final JdbcClient jdbc;
    private final ProjectionProcessors projections;

    public ProgramFunnelQueries(JdbcClient jdbc, ProjectionProcessors projections) {
        this.jdbc = jdbc;
        this.projections = projections;
    }

    /** A program's funnel, optionally of one phase only. */
    public ProgramFunnel funnel(String programId, String talentPhaseId) {
        String table = projections.activeSlot(ProgramFunnelProjection.NAME).table("program_funnel");
        Map<String, Map<Integer, Map<String, Long>>> byPhase = new TreeMap<>();
        jdbc.sql("SELECT talent_phase_id, block_order, status, blocks FROM " + table + " WHERE program_id = ?"
                        + (talentPhaseId == null ? "" : " AND talent_phase_id = ?"))
                .params(talentPhaseId == null ? List.of(programId) : List.of(programId, talentPhaseId))
                .query(rs -> {
                    byPhase.computeIfAbsent(rs.getString("talent_phase_id"), p -> new TreeMap<>())
                            .computeIfAbsent(rs.getInt("block_order"), o -> zeroes())
                            .merge(rs.getString("status"), rs.getLong("blocks"), Long::sum);
                });
        if (byPhase.isEmpty()) {
            throw new NotFound("no unlocked blocks in program " + programId
                    + (talentPhaseId == null ? "" : " phase " + talentPhaseId));
        }
        Map<String, Long> programCounts = zeroes();
        List<ProgramFunnel.Phase> phases = new ArrayList<>();
        byPhase.forEach((phase, orders) -> {
            List<ProgramFunnel.Step> steps = new ArrayList<>();
            orders.forEach((order, counts) -> {
                counts.forEach((status, n) -> programCounts.merge(status, n, Long::sum));
                steps.add(new ProgramFunnel.Step(order, sum(counts), counts));
            });
            phases.add(new ProgramFunnel.Phase(phase, steps.stream().mapToLong(ProgramFunnel.Step::unlocked).sum(),
                    steps));
        });
        return new ProgramFunnel(programId, sum(programCounts), programCounts, phases);
    }

    private static Map<String, Long> zeroes() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (BlockStatus status : BlockStatus.values()) {
            counts.put(status.name(), 0L);
        }
        return counts;
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
