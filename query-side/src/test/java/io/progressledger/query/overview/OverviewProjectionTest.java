package io.progressledger.query.overview;

import io.progressledger.query.projection.SampleEvents;
import io.progressledger.query.projection.Slot;
import io.progressledger.query.projection.ViewDatabase;
import org.junit.jupiter.api.Test;

import static io.progressledger.query.projection.SampleEvents.completed;
import static org.assertj.core.api.Assertions.assertThat;

/** The overview's distinct counts, on a bare database: given events in batches, expect rows. */
class OverviewProjectionTest {

    final ViewDatabase db = new ViewDatabase();
    final OverviewProjection projection = new OverviewProjection(db.jdbc());

    @Test
    void each_talent_learner_and_course_is_counted_once_across_batches() {
        db.apply(projection, SampleEvents.unlocked("t1", "b1", 1),
                SampleEvents.unlocked("t1", "b2", 2), completed(1, 10, 1, 5, 6), completed(1, 11, 1, 5));
        db.apply(projection, SampleEvents.unlocked("t2", "b1", 1), completed(1, 12, 1, 7),
                completed(2, 10, 1, 5));

        assertThat(db.rows(Slot.A.table(OverviewTotals.TOTAL))).extracting(row -> row.get("TOTAL") + ":"
                + row.get("AMOUNT")).containsExactlyInAnyOrder("talents:2", "learners:2", "courses:3");
        assertThat(db.rows(Slot.A.table(OverviewTotals.INSTITUTION))).hasSize(1);
    }

    @Test
    void the_rows_are_the_same_however_the_events_are_cut_into_batches() {
        ViewDatabase.assertBatchesEqualEventByEvent(OverviewProjection::new, SampleEvents.history());
    }
}
