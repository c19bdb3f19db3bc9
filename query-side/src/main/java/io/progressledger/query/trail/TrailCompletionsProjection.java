package io.progressledger.query.trail;

import io.progressledger.events.learner.LearnerDataErased;
import io.progressledger.events.trail.TrailCompleted;
import io.progressledger.query.api.ViewTime;
import io.progressledger.query.projection.Projection;
import io.progressledger.query.projection.Slot;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/** Trail completions: every completion of a trail by a learner, with its courses. */
@Component
public class TrailCompletionsProjection implements Projection {

    public static final String NAME = "trail-completions";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public TrailCompletionsProjection(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of(TrailCompletions.TABLE);
    }

    @Override
    public Object writerFor(Slot slot) {
        return new Writer(slot);
    }

    /** Writes one slot; a completion is keyed by learner, trail and number, so applying it twice changes nothing. */
    final class Writer {

        private final String upsertCompletion;
        private final String erasePersonalData;

        Writer(Slot slot) {
            erasePersonalData = CompletionLists.erasePersonalData(slot.table(TrailCompletions.TABLE));
            upsertCompletion = """
                    MERGE INTO %s t
                    USING (SELECT CAST(? AS BIGINT) AS institution_id, CAST(? AS BIGINT) AS user_id,
                                  CAST(? AS BIGINT) AS trail_id, CAST(? AS INTEGER) AS completion_number) k
                    ON t.institution_id = k.institution_id AND t.user_id = k.user_id AND t.trail_id = k.trail_id
                       AND t.completion_number = k.completion_number
                    WHEN NOT MATCHED THEN INSERT (institution_id, user_id, trail_id, completion_number, user_name,
                        user_email, personal_data_typed, trail_name, finished_at, courses)
                        VALUES (k.institution_id, k.user_id, k.trail_id, k.completion_number, ?, ?, TRUE, ?, ?, ?)"""
                    .formatted(slot.table(TrailCompletions.TABLE));
        }

        @EventHandler
        void on(TrailCompleted event) {
            jdbc.sql(upsertCompletion)
                    .params(event.institutionId(), event.userId(), event.trailId(), event.completionNumber(),
                            CompletionLists.column(json, event.userName()),
                            CompletionLists.column(json, event.userEmail()), event.trailName(),
                            ViewTime.column(event.finishedAt()),
                            json.writeValueAsString(event.courses()))
                    .update();
        }

        @EventHandler
        void on(LearnerDataErased event) {
            jdbc.sql(erasePersonalData)
                    .params(CompletionLists.erasedColumn(json), CompletionLists.erasedColumn(json),
                            event.institutionId(), event.userId())
                    .update();
        }
    }
}
