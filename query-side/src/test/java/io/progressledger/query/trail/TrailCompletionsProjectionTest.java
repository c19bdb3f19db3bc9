package io.progressledger.query.trail;

import io.progressledger.events.personal.PersonalValue;
import io.progressledger.query.projection.SampleEvents;
import io.progressledger.query.projection.Slot;
import io.progressledger.query.projection.ViewDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;


import static io.progressledger.query.projection.SampleEvents.completed;
import static io.progressledger.query.projection.SampleEvents.erased;
import static org.assertj.core.api.Assertions.assertThat;

/** The trail completions view's writes, on a bare database: given events in batches, expect rows. */
class TrailCompletionsProjectionTest {

    final ViewDatabase db = new ViewDatabase();
    final TrailCompletionsProjection projection = new TrailCompletionsProjection(db.jdbc(),
            JsonMapper.builder().build());
    final String table = Slot.A.table(TrailCompletions.TABLE);

    @Test
    void an_erasure_in_a_batch_erases_the_learners_earlier_completions_of_that_batch_and_not_the_later_ones() {
        db.apply(projection, completed(7, 70, 1, 1), completed(8, 70, 1, 1));
        db.apply(projection, completed(7, 71, 1, 1), erased(7), completed(7, 72, 1, 1));

        JsonMapper json = JsonMapper.builder().build();
        String erased = CompletionLists.erasedColumn(json);
        assertThat(db.rows(table)).extracting(row -> row.get("USER_ID") + "/" + row.get("TRAIL_ID") + ":"
                + row.get("USER_NAME") + ":" + row.get("PERSONAL_DATA_TYPED")).containsExactlyInAnyOrder(
                "7/70:" + erased + ":true", "7/71:" + erased + ":true",
                "7/72:" + CompletionLists.column(json, PersonalValue.plain("Aluno 7")) + ":true",
                "8/70:" + CompletionLists.column(json, PersonalValue.plain("Aluno 8")) + ":true");
    }

    @Test
    void a_completion_applied_again_changes_nothing() {
        db.apply(projection, completed(7, 70, 1, 1), completed(7, 70, 2, 1));
        var before = db.rows(table);

        db.apply(projection, completed(7, 70, 2, 1));

        assertThat(db.rows(table)).hasSize(2).isEqualTo(before);
    }

    @Test
    void the_rows_are_the_same_however_the_events_are_cut_into_batches() {
        ViewDatabase.assertBatchesEqualEventByEvent(jdbc -> new TrailCompletionsProjection(jdbc, JsonMapper.builder().build()), SampleEvents.trailHistory());
    }
}
