package io.progressledger.query.stats;

import io.progressledger.query.projection.SampleEvents;
import io.progressledger.query.projection.Slot;
import io.progressledger.query.projection.ViewDatabase;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import static org.assertj.core.api.Assertions.assertThat;

/** The daily activity counters, on a bare database: given events in batches, expect rows. */
class DailyActivityProjectionTest {

    final ViewDatabase db = new ViewDatabase();
    final DailyActivityProjection projection = new DailyActivityProjection(db.jdbc(),
            new StatsProperties(ZoneId.of("UTC")));

    @Test
    void a_batch_counts_each_day_once_per_scope() {
        db.apply(projection, SampleEvents.unlocked("t1", "b1", 1),
                SampleEvents.unlocked("t1", "b2", 2),
                SampleEvents.completed(1, 10, 1, 5));

        assertThat(db.rows(Slot.A.table(DailyCounts.TABLE))).extracting(row -> row.get("SCOPE") + "/"
                + row.get("SCOPE_ID") + "/" + row.get("ACTIVITY_DAY") + ":" + row.get("UNLOCKS") + "+"
                + row.get("COMPLETIONS")).containsExactlyInAnyOrder(
                "all//2024-02-01:2+0", "program/program-1/2024-02-01:2+0", "all//2022-03-10:0+1",
                "institution/1/2022-03-10:0+1");
    }

    @Test
    void the_rows_are_the_same_however_the_events_are_cut_into_batches() {
        ViewDatabase.assertBatchesEqualEventByEvent(jdbc -> new DailyActivityProjection(jdbc, new StatsProperties(ZoneId.of("UTC"))), SampleEvents.history());
    }
}
