package io.progressledger.query.trail;

import io.progressledger.events.learner.LearnerDataErased;
import io.progressledger.events.trail.TrailCompleted;
import io.progressledger.query.projection.Projection;
import io.progressledger.query.projection.Slot;
import io.progressledger.query.projection.ViewBatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Set;

/** Trail completions: every completion of a trail by a learner, with its courses. */
@Component
public class TrailCompletionsProjection implements Projection {

    public static final String NAME = "trail-completions";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    public TrailCompletionsProjection(JdbcTemplate jdbc, JsonMapper json) {
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
    public Set<Class<?>> eventTypes() {
        return Set.of(TrailCompleted.class, LearnerDataErased.class);
    }

    /** A completion is keyed by learner, trail and number, so applying it twice changes nothing. */
    @Override
    public ViewBatch batch(Slot slot) {
        String table = slot.table(TrailCompletions.TABLE);
        return new CompletionRows(jdbc, json, table, """
                MERGE INTO %s t
                USING (SELECT CAST(? AS BIGINT) AS institution_id, CAST(? AS BIGINT) AS user_id,
                              CAST(? AS BIGINT) AS trail_id, CAST(? AS INTEGER) AS completion_number) k
                ON t.institution_id = k.institution_id AND t.user_id = k.user_id AND t.trail_id = k.trail_id
                   AND t.completion_number = k.completion_number
                WHEN NOT MATCHED THEN INSERT (institution_id, user_id, trail_id, completion_number, user_name,
                    user_email, personal_data_typed, trail_name, finished_at, courses)
                    VALUES (k.institution_id, k.user_id, k.trail_id, k.completion_number, ?, ?, TRUE, ?, ?, ?)"""
                .formatted(table)) {
            @Override
            protected List<Long> rowsOf(TrailCompleted completion) {
                return NO_COURSE;
            }
        };
    }
}
