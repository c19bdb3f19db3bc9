package io.progressledger.query.talent;

import io.progressledger.events.talent.TalentBlockStatusChanged;
import io.progressledger.events.talent.TalentBlockUnlocked;
import io.progressledger.query.api.ViewTime;
import io.progressledger.query.projection.Projection;
import io.progressledger.query.projection.Slot;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/** Talent progress: each talent's unlocked blocks with their current status. */
@Component
public class TalentProgressProjection implements Projection {

    public static final String NAME = "talent-progress";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public TalentProgressProjection(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of(TalentBlocks.TABLE);
    }

    @Override
    public Object writerFor(Slot slot) {
        return new Writer(slot);
    }

    /** Writes one slot. Every write is an upsert or a keyed update: applying an event twice changes nothing. */
    final class Writer {

        private final String upsertBlock;
        private final String updateStatus;

        Writer(Slot slot) {
            String table = slot.table(TalentBlocks.TABLE);
            upsertBlock = """
                    MERGE INTO %s t
                    USING (SELECT CAST(? AS VARCHAR(255)) AS talent_id, CAST(? AS VARCHAR(255)) AS talent_block_id) k
                    ON t.talent_id = k.talent_id AND t.talent_block_id = k.talent_block_id
                    WHEN MATCHED THEN UPDATE SET user_id = ?, block_id = ?, block_order = ?, status = ?,
                        program_id = ?, talent_phase_id = ?, talent_activity_ids = ?, unlocked_at = ?,
                        status_updated_at = ?
                    WHEN NOT MATCHED THEN INSERT (talent_id, talent_block_id, user_id, block_id, block_order, status,
                        program_id, talent_phase_id, talent_activity_ids, unlocked_at, status_updated_at)
                        VALUES (k.talent_id, k.talent_block_id, ?, ?, ?, ?, ?, ?, ?, ?, ?)""".formatted(table);
            updateStatus = """
                    UPDATE %s SET status = ?, talent_activity_ids = ?, status_updated_at = ?
                    WHERE talent_id = ? AND talent_block_id = ?""".formatted(table);
        }

        @EventHandler
        void on(TalentBlockUnlocked event) {
            Object[] values = {event.userId(), event.blockId(), event.order(), event.status().name(),
                    event.programId(), event.talentPhaseId(), json.writeValueAsString(event.talentActivityIds()),
                    ViewTime.column(event.unlockedAt()), ViewTime.column(event.statusUpdatedAt())};
            jdbc.sql(upsertBlock)
                    .params(event.talentId(), event.talentBlockId())
                    .params(values)
                    .params(values)
                    .update();
        }

        @EventHandler
        void on(TalentBlockStatusChanged event) {
            jdbc.sql(updateStatus)
                    .params(event.status().name(), json.writeValueAsString(event.talentActivityIds()),
                            ViewTime.column(event.statusUpdatedAt()), event.talentId(), event.talentBlockId())
                    .update();
        }
    }

}
