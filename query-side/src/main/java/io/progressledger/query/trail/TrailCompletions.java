package io.progressledger.query.trail;

import io.progressledger.query.api.Page;
import io.progressledger.query.api.PageRequest;
import io.progressledger.query.projection.ActiveGenerations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;

/**
 * The trail completions view's table, {@code trail_completion_<slot>}: one row per completion of a trail by a
 * learner. Reads go to the generation dashboards read now.
 */
@Repository
public class TrailCompletions {

    static final String TABLE = "trail_completion";

    private final JdbcClient jdbc;
    private final CompletionLists lists;
    private final ActiveGenerations generations;

    public TrailCompletions(JdbcClient jdbc, CompletionLists lists, ActiveGenerations generations) {
        this.jdbc = jdbc;
        this.lists = lists;
        this.generations = generations;
    }

    /**
     * Up to {@code limit} of a learner's trails after {@code after} (from the first when null), by trail id: each
     * trail's latest completion, whose number is how many times the learner completed it.
     */
    public List<TrailCompletion> latestPerTrail(long institutionId, long userId, LearnerPosition after, int limit) {
        // Completion numbers run 1..n per learner and trail, so the highest is the latest and is the count. The
        // ORDER BY is the primary key's own (the learner's columns are constant): the page comes off it in order.
        return jdbc.sql("""
                        SELECT * FROM %1$s c WHERE c.institution_id = ? AND c.user_id = ? AND c.trail_id > ?
                          AND c.completion_number = (SELECT MAX(d.completion_number) FROM %1$s d
                              WHERE d.institution_id = c.institution_id AND d.user_id = c.user_id
                                AND d.trail_id = c.trail_id)
                        ORDER BY c.institution_id, c.user_id, c.trail_id FETCH FIRST ? ROWS ONLY""".formatted(table()))
                .params(institutionId, userId, after == null ? Long.MIN_VALUE : after.trailId(), limit)
                .query((rs, n) -> lists.completion(rs, rs.getInt("completion_number")))
                .list();
    }

    /** The completions whose {@code ownerColumn} ({@code trail_id} or {@code institution_id}) is {@code owner}. */
    public Page<TrailCompletion> list(String ownerColumn, long owner, CompletionFilter filter,
                                      PageRequest<CompletionLists.Position> page) {
        return lists.list(table(), ownerColumn, owner, filter, page);
    }

    /** Whether any completion has {@code id} in {@code column} ({@code trail_id} or {@code institution_id}). */
    /** Whether a completion of {@code column = id} is in one of {@code institutions}. */
    public boolean existsWithin(String column, long id, java.util.Set<Long> institutions) {
        return lists.existsWithin(table(), column, id, institutions);
    }

    public boolean exists(String column, long id) {
        return jdbc.sql("SELECT 1 FROM " + table() + " WHERE " + column + " = ? FETCH FIRST 1 ROWS ONLY")
                .param(id).query().listOfRows().size() == 1;
    }

    /** A place in a learner's list of trails: the sort key, and cursor, of a page of it. */
    public record LearnerPosition(long trailId) {

        public static LearnerPosition of(TrailCompletion completion) {
            return new LearnerPosition(completion.trailId());
        }
    }

    private String table() {
        return generations.table(TrailCompletionsProjection.NAME, TABLE);
    }
}
