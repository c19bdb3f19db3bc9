package io.progressledger.query.program;

import io.progressledger.events.talent.BlockStatus;
import io.progressledger.events.talent.TalentBlockStatusChanged;
import io.progressledger.events.talent.TalentBlockUnlocked;
import io.progressledger.query.projection.Projection;
import io.progressledger.query.projection.Slot;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The program funnel: per program, phase and block order, how many talents' blocks are in each status. Counters,
 * because a program's blocks are too many to count per request; they are exact because each event is applied once,
 * in the same transaction as the processor's token.
 */
@Component
public class ProgramFunnelProjection implements Projection {

    public static final String NAME = "program-funnel";

    private final JdbcClient jdbc;

    public ProgramFunnelProjection(JdbcClient jdbc) {
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
    public Object writerFor(Slot slot) {
        return new Writer(slot);
    }

    final class Writer {

        private final String add;

        Writer(Slot slot) {
            add = """
                    MERGE INTO %s t
                    USING (SELECT CAST(? AS VARCHAR(255)) AS program_id, CAST(? AS VARCHAR(255)) AS talent_phase_id,
                                  CAST(? AS INTEGER) AS block_order, CAST(? AS VARCHAR(16)) AS status,
                                  CAST(? AS BIGINT) AS delta) k
                    ON t.program_id = k.program_id AND t.talent_phase_id = k.talent_phase_id
                       AND t.block_order = k.block_order AND t.status = k.status
                    WHEN MATCHED THEN UPDATE SET blocks = t.blocks + k.delta
                    WHEN NOT MATCHED THEN INSERT (program_id, talent_phase_id, block_order, status, blocks)
                        VALUES (k.program_id, k.talent_phase_id, k.block_order, k.status, k.delta)"""
                    .formatted(slot.table(FunnelCounts.TABLE));
        }

        @EventHandler
        void on(TalentBlockUnlocked event) {
            count(event.programId(), event.talentPhaseId(), event.order(), event.status(), 1);
        }

        @EventHandler
        void on(TalentBlockStatusChanged event) {
            count(event.programId(), event.talentPhaseId(), event.order(), event.previousStatus(), -1);
            count(event.programId(), event.talentPhaseId(), event.order(), event.status(), 1);
        }

        private void count(String program, String phase, int order, BlockStatus status, long delta) {
            jdbc.sql(add).params(program, phase, order, status.name(), delta).update();
        }
    }
}
