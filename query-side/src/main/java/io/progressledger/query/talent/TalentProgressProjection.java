package io.progressledger.query.talent;

import io.progressledger.events.talent.TalentBlockStatusChanged;
import io.progressledger.events.talent.TalentBlockUnlocked;
import io.progressledger.query.api.ViewTime;
import io.progressledger.query.projection.Projection;
import io.progressledger.query.projection.Slot;
import io.progressledger.query.projection.ViewBatch;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Talent progress: each talent's unlocked blocks with their current status. */
@Component
public class TalentProgressProjection implements Projection {

    public static final String NAME = "talent-progress";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public TalentProgressProjection(JdbcTemplate jdbc, JsonMapper json) {
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
    public Set<Class<?>> eventTypes() {
        return Set.of(TalentBlockUnlocked.class, TalentBlockStatusChanged.class);
    }

    @Override
    public ViewBatch batch(Slot slot) {
        return new Batch(slot.table(TalentBlocks.TABLE));
    }

    /** A block's row as a batch leaves it: a whole row (unlocked in the batch) or only its new status. */
    private record BlockKey(String talentId, String talentBlockId) {
    }

    private static final class Change {
        Object[] whole;      // user_id .. status_updated_at, when the block was unlocked in this batch
        Object[] status;     // status, talent_activity_ids, status_updated_at, when only its status changed
    }

    /**
     * The batch's blocks, one change per block: an unlock writes the whole row (an upsert), a status change only
     * the status; a status change of a block unlocked in the same batch folds into its row. Applying the same
     * events twice changes nothing.
     */
    private final class Batch implements ViewBatch {

        private final String table;
        private final Map<BlockKey, Change> changes = new LinkedHashMap<>();

        Batch(String table) {
            this.table = table;
        }

        @Override
        public void add(EventMessage<?> event) {
            Object payload = event.getPayload();
            if (payload instanceof TalentBlockUnlocked unlocked) {
                Change change = changes.computeIfAbsent(new BlockKey(unlocked.talentId(), unlocked.talentBlockId()),
                        key -> new Change());
                change.whole = new Object[]{unlocked.userId(), unlocked.blockId(), unlocked.order(),
                        unlocked.status().name(), unlocked.programId(), unlocked.talentPhaseId(),
                        json.writeValueAsString(unlocked.talentActivityIds()),
                        ViewTime.column(unlocked.unlockedAt()), ViewTime.column(unlocked.statusUpdatedAt())};
                change.status = null;
            } else if (payload instanceof TalentBlockStatusChanged changed) {
                Change change = changes.computeIfAbsent(new BlockKey(changed.talentId(), changed.talentBlockId()),
                        key -> new Change());
                Object[] status = {changed.status().name(), json.writeValueAsString(changed.talentActivityIds()),
                        ViewTime.column(changed.statusUpdatedAt())};
                if (change.whole != null) {
                    change.whole[3] = status[0];
                    change.whole[6] = status[1];
                    change.whole[8] = status[2];
                } else {
                    change.status = status;
                }
            }
        }

        @Override
        public void write() {
            List<Object[]> upserts = new ArrayList<>();
            List<Object[]> updates = new ArrayList<>();
            changes.forEach((key, change) -> {
                if (change.whole != null) {
                    Object[] row = new Object[2 + 2 * change.whole.length];
                    row[0] = key.talentId();
                    row[1] = key.talentBlockId();
                    System.arraycopy(change.whole, 0, row, 2, change.whole.length);
                    System.arraycopy(change.whole, 0, row, 2 + change.whole.length, change.whole.length);
                    upserts.add(row);
                } else {
                    updates.add(new Object[]{change.status[0], change.status[1], change.status[2], key.talentId(),
                            key.talentBlockId()});
                }
            });
            if (!upserts.isEmpty()) {
                jdbc.batchUpdate("""
                        MERGE INTO %s t
                        USING (SELECT CAST(? AS VARCHAR(255)) AS talent_id, CAST(? AS VARCHAR(255)) AS talent_block_id) k
                        ON t.talent_id = k.talent_id AND t.talent_block_id = k.talent_block_id
                        WHEN MATCHED THEN UPDATE SET user_id = ?, block_id = ?, block_order = ?, status = ?,
                            program_id = ?, talent_phase_id = ?, talent_activity_ids = ?, unlocked_at = ?,
                            status_updated_at = ?
                        WHEN NOT MATCHED THEN INSERT (talent_id, talent_block_id, user_id, block_id, block_order, status,
                            program_id, talent_phase_id, talent_activity_ids, unlocked_at, status_updated_at)
                            VALUES (k.talent_id, k.talent_block_id, ?, ?, ?, ?, ?, ?, ?, ?, ?)""".formatted(table),
                        upserts);
            }
            if (!updates.isEmpty()) {
                jdbc.batchUpdate("""
                        UPDATE %s SET status = ?, talent_activity_ids = ?, status_updated_at = ?
                        WHERE talent_id = ? AND talent_block_id = ?""".formatted(table), updates);
            }
        }
    }
}
