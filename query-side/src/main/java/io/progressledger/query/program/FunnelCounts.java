package io.progressledger.query.program;

import io.progressledger.query.projection.ActiveGenerations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;

/**
 * The program funnel view's table, {@code program_funnel_<slot>}: per program, phase, block order and status, how
 * many talents' blocks are there. Reads go to the generation dashboards read now.
 */
@Repository
public class FunnelCounts {

    static final String TABLE = "program_funnel";

    /** One counter of the funnel. */
    public record Count(String talentPhaseId, int blockOrder, String status, long blocks) {
    }

    private final JdbcClient jdbc;
    private final ActiveGenerations generations;

    public FunnelCounts(JdbcClient jdbc, ActiveGenerations generations) {
        this.jdbc = jdbc;
        this.generations = generations;
    }

    /** A program's counters, of one phase only when {@code talentPhaseId} is not null. */
    public List<Count> ofProgram(String programId, String talentPhaseId) {
        return jdbc.sql("SELECT talent_phase_id, block_order, status, blocks FROM " + table() + " WHERE program_id = ?"
                        + (talentPhaseId == null ? "" : " AND talent_phase_id = ?"))
                .params(talentPhaseId == null ? List.of(programId) : List.of(programId, talentPhaseId))
                .query((rs, n) -> new Count(rs.getString("talent_phase_id"), rs.getInt("block_order"),
                        rs.getString("status"), rs.getLong("blocks")))
                .list();
    }

    private String table() {
        return generations.table(ProgramFunnelProjection.NAME, TABLE);
    }
}
