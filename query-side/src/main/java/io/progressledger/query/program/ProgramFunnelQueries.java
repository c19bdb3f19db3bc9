package io.progressledger.query.program;

import io.progressledger.events.talent.BlockStatus;
import io.progressledger.query.api.NotFound;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads of the program funnel view (plain services, for the reason given on TrailCompletionQueries). */
@Service
public class ProgramFunnelQueries {

    private final FunnelCounts view;

    public ProgramFunnelQueries(FunnelCounts view) {
        this.view = view;
    }

    /** A program's funnel, optionally of one phase only. */
    public ProgramFunnel funnel(String programId, String talentPhaseId) {
        Map<String, Map<Integer, Map<String, Long>>> byPhase = new TreeMap<>();
        for (FunnelCounts.Count count : view.ofProgram(programId, talentPhaseId)) {
            byPhase.computeIfAbsent(count.talentPhaseId(), p -> new TreeMap<>())
                    .computeIfAbsent(count.blockOrder(), o -> zeroes())
                    .merge(count.status(), count.blocks(), Long::sum);
        }
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
