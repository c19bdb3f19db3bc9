package io.progressledger.query.program;

import io.progressledger.events.talent.BlockStatus;
import io.progressledger.query.projection.SampleEvents;
import io.progressledger.query.projection.Slot;
import io.progressledger.query.projection.ViewDatabase;
import org.junit.jupiter.api.Test;

import static io.progressledger.query.projection.SampleEvents.changed;
import static io.progressledger.query.projection.SampleEvents.unlocked;
import static org.assertj.core.api.Assertions.assertThat;

/** The program funnel's counters, on a bare database: given events in batches, expect rows. */
class ProgramFunnelProjectionTest {

    final ViewDatabase db = new ViewDatabase();
    final ProgramFunnelProjection projection = new ProgramFunnelProjection(db.jdbc());

    @Test
    void a_batch_sums_its_changes_per_counter_and_keeps_a_counter_whose_changes_cancel_out() {
        db.apply(projection, unlocked("t1", "b1", 1), unlocked("t2", "b1", 1),
                changed("t1", "b1", 1, BlockStatus.NOT_STARTED, BlockStatus.FINISHED, 60),
                changed("t2", "b1", 1, BlockStatus.NOT_STARTED, BlockStatus.FINISHED, 60));

        assertThat(db.rows(Slot.A.table(FunnelCounts.TABLE))).extracting(row -> row.get("STATUS") + ":"
                + row.get("BLOCKS")).containsExactlyInAnyOrder("NOT_STARTED:0", "FINISHED:2");
    }

    @Test
    void the_rows_are_the_same_however_the_events_are_cut_into_batches() {
        ViewDatabase.assertBatchesEqualEventByEvent(ProgramFunnelProjection::new, SampleEvents.talentHistory());
    }
}
