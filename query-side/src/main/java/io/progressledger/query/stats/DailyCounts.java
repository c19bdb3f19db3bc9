package io.progressledger.query.stats;

import io.progressledger.query.projection.ActiveGenerations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.List;

/**
 * The daily activity view's table, {@code daily_activity_<slot>}: unlocks and completions per scope and day. Reads
 * go to the generation dashboards read now.
 */
@Repository
public class DailyCounts {

    static final String TABLE = "daily_activity";

    private final JdbcClient jdbc;
    private final ActiveGenerations generations;

    public DailyCounts(JdbcClient jdbc, ActiveGenerations generations) {
        this.jdbc = jdbc;
        this.generations = generations;
    }

    /** The days of a scope with any activity from {@code first} to {@code last}, both included. */
    public List<DailyActivity.Day> between(String scope, String scopeId, LocalDate first, LocalDate last) {
        return jdbc.sql("SELECT activity_day, unlocks, completions FROM " + table()
                        + " WHERE scope = ? AND scope_id = ? AND activity_day >= ? AND activity_day <= ?")
                .params(scope, scopeId, first, last)
                .query((rs, n) -> new DailyActivity.Day(rs.getObject("activity_day", LocalDate.class),
                        rs.getLong("unlocks"), rs.getLong("completions")))
                .list();
    }

    /** A scope's activity over all time: its sums and its first and last day (null when it has none). */
    public record AllTime(long unlocks, long completions, LocalDate firstDay, LocalDate lastDay) {
    }

    /** Everything's activity over all time: one row per day with activity. */
    public AllTime allTime() {
        return jdbc.sql("SELECT COALESCE(SUM(unlocks), 0), COALESCE(SUM(completions), 0), MIN(activity_day), "
                        + "MAX(activity_day) FROM " + table() + " WHERE scope = ? AND scope_id = ''")
                .param(DailyActivityProjection.ALL)
                .query((rs, n) -> new AllTime(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class)))
                .single();
    }

    private String table() {
        return generations.table(DailyActivityProjection.NAME, TABLE);
    }
}
