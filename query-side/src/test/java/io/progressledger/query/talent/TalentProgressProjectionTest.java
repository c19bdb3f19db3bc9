package io.progressledger.query.talent;

import io.progressledger.events.talent.BlockStatus;
import io.progressledger.query.projection.SampleEvents;
import io.progressledger.query.projection.Slot;
import io.progressledger.query.projection.ViewDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

import static io.progressledger.query.projection.SampleEvents.changed;
import static io.progressledger.query.projection.SampleEvents.unlocked;
import static org.assertj.core.api.Assertions.assertThat;

/** The talent progress view's writes, on a bare database: given events in batches, expect rows. */
class TalentProgressProjectionTest {

    final ViewDatabase db = new ViewDatabase();
    final TalentProgressProjection projection = new TalentProgressProjection(db.jdbc(), JsonMapper.builder().build());
    final String table = Slot.A.table(TalentBlocks.TABLE);

    @Test
    void an_unlock_and_its_status_changes_in_one_batch_fold_into_one_row_with_the_last_status() {
        db.apply(projection, unlocked("t1", "b1", 1),
                changed("t1", "b1", 1, BlockStatus.NOT_STARTED, BlockStatus.IN_PROGRESS, 60),
                changed("t1", "b1", 1, BlockStatus.IN_PROGRESS, BlockStatus.FINISHED, 120));

        List<Map<String, Object>> rows = db.rows(table);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("STATUS", "FINISHED").containsEntry("TALENT_ACTIVITY_IDS",
                "[\"a1\",\"a120\"]").containsEntry("BLOCK_ORDER", 1);
    }

    @Test
    void a_status_change_of_a_block_unlocked_in_an_earlier_batch_updates_its_row() {
        db.apply(projection, unlocked("t1", "b1", 1), unlocked("t1", "b2", 2));
        db.apply(projection, changed("t1", "b2", 2, BlockStatus.NOT_STARTED, BlockStatus.FINISHED, 90));

        assertThat(db.rows(table)).extracting(row -> row.get("TALENT_BLOCK_ID") + ":" + row.get("STATUS"))
                .containsExactly("b1:NOT_STARTED", "b2:FINISHED");
    }

    @Test
    void the_rows_are_the_same_however_the_events_are_cut_into_batches() {
        ViewDatabase.assertBatchesEqualEventByEvent(jdbc -> new TalentProgressProjection(jdbc, JsonMapper.builder().build()), SampleEvents.talentHistory());
    }
}
