package io.progressledger.query.program;

import io.progressledger.events.talent.BlockStatus;
import io.progressledger.events.talent.TalentBlockStatusChanged;
import io.progressledger.events.talent.TalentBlockUnlocked;
import io.progressledger.query.projection.Projection;
import io.progressledger.query.projection.Slot;
import io.progressledger.query.projection.ViewBatch;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The program funnel: per program, phase and block order, how many talents' blocks are in each status. Counters,
 * because a program's blocks are too many to count per request; they are exact because each event is applied once,
 * in the same transaction as the processor's token. A batch sums its changes per counter and writes each counter
 * once (a counter it touched is written even when its changes cancel out, as event by event would leave it).
 */
@Component
public class ProgramFunnelProjection implements Projection {

    public static final String NAME = "program-funnel";

    private final JdbcTemplate jdbc;

    public ProgramFunnelProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of(FunnelCounts.TABLE);
    }

    @Override
    public Set<Class<?>> eventTypes() {
        return Set.of(TalentBlockUnlocked.class, TalentBlockStatusChanged.class);
    }

    @Override
    public ViewBatch batch(Slot slot) {
        return new Batch(slot.table(FunnelCounts.TABLE));
    }

    private record Counter(String programId, String talentPhaseId, int order, BlockStatus status) {
    }

    private final class Batch implements ViewBatch {

        private final String table;
        private final Map<Counter, Long> deltas = new LinkedHashMap<>();

        Batch(String table) {
            this.table = table;
        }

        @Override
        public void add(EventMessage<?> event) {
            Object payload = event.getPayload();
            if (payload instanceof TalentBlockUnlocked unlocked) {
                count(unlocked.programId(), unlocked.talentPhaseId(), unlocked.order(), unlocked.status(), 1);
            } else if (payload instanceof TalentBlockStatusChanged changed) {
                count(changed.programId(), changed.talentPhaseId(), changed.order(), changed.previousStatus(), -1);
                count(changed.programId(), changed.talentPhaseId(), changed.order(), changed.status(), 1);
            }
        }

        private void count(String program, String phase, int order, BlockStatus status, long delta) {
            deltas.merge(new Counter(program, phase, order, status), delta, Long::sum);
        }

        @Override
        public void write() {
            if (deltas.isEmpty()) {
                return;
            }
            List<Object[]> parameters = new ArrayList<>(deltas.size());
            deltas.forEach((counter, delta) -> parameters.add(new Object[]{counter.programId(),
                    counter.talentPhaseId(), counter.order(), counter.status().name(), delta}));
            jdbc.batchUpdate("""
                    MERGE INTO %s t
                    USING (SELECT CAST(? AS VARCHAR(255)) AS program_id, CAST(? AS VARCHAR(255)) AS talent_phase_id,
                                  CAST(? AS INTEGER) AS block_order, CAST(? AS VARCHAR(16)) AS status,
                                  CAST(? AS BIGINT) AS delta) k
                    ON t.program_id = k.program_id AND t.talent_phase_id = k.talent_phase_id
                       AND t.block_order = k.block_order AND t.status = k.status
                    WHEN MATCHED THEN UPDATE SET blocks = t.blocks + k.delta
                    WHEN NOT MATCHED THEN INSERT (program_id, talent_phase_id, block_order, status, blocks)
                        VALUES (k.program_id, k.talent_phase_id, k.block_order, k.status, k.delta)"""
                    .formatted(table), parameters);
        }
    }
}
