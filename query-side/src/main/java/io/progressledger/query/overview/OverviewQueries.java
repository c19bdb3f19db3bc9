package io.progressledger.query.overview;

import io.progressledger.query.course.CourseCompletionsProjection;
import io.progressledger.query.projection.ProjectionProcessors;
import io.progressledger.query.stats.DailyActivityProjection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Totals, each a read of a few rows from the active generation of its view: talents and learners from the overview's
 * own totals, unlocks and completions as the sums of the daily activity (one row per day), courses the row count of
 * the course view.
 */
@Service
public class OverviewQueries {

    /** The most program and institution ids an overview lists (the dashboard's filter suggestions). */
    public static final int MAX_IDS = 200;

    private final JdbcClient jdbc;
    private final ProjectionProcessors projections;

    public OverviewQueries(JdbcClient jdbc, ProjectionProcessors projections) {
        this.jdbc = jdbc;
        this.projections = projections;
    }

    public Overview overview() {
        String daily = table(DailyActivityProjection.NAME, "daily_activity");
        record Activity(long unlocks, long completions, LocalDate first, LocalDate last) {
        }
        Activity activity = jdbc.sql("SELECT COALESCE(SUM(unlocks), 0), COALESCE(SUM(completions), 0), "
                        + "MIN(activity_day), MAX(activity_day) FROM " + daily + " WHERE scope = ? AND scope_id = ''")
                .param(DailyActivityProjection.ALL)
                .query((rs, row) -> new Activity(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class)))
                .single();
        String totals = table(OverviewProjection.NAME, "overview_total");
        long talents = total(totals, OverviewProjection.TALENTS);
        long learners = total(totals, OverviewProjection.LEARNERS);
        long courses = count("SELECT COUNT(*) FROM " + table(CourseCompletionsProjection.NAME, "course"));
        List<String> programs = scopeIds(daily, DailyActivityProjection.PROGRAM);
        List<Long> institutions = scopeIds(daily, DailyActivityProjection.INSTITUTION).stream().map(Long::valueOf)
                .sorted(Comparator.naturalOrder()).toList();
        return new Overview(talents, activity.unlocks(), learners, activity.completions(), courses, activity.first(),
                activity.last(), programs, institutions);
    }

    private List<String> scopeIds(String daily, String scope) {
        return jdbc.sql("SELECT DISTINCT scope_id FROM " + daily + " WHERE scope = ? ORDER BY scope_id "
                        + "FETCH FIRST " + MAX_IDS + " ROWS ONLY")
                .param(scope)
                .query(String.class)
                .list();
    }

    private long total(String table, String total) {
        return jdbc.sql("SELECT amount FROM " + table + " WHERE total = ?").param(total).query(Long.class).optional()
                .orElse(0L);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private String table(String projection, String view) {
        return projections.activeSlot(projection).table(view);
    }
}
