package io.progressledger.query.stats;

import io.progressledger.events.talent.TalentBlockUnlocked;
import io.progressledger.events.trail.TrailCompleted;
import io.progressledger.query.projection.Projection;
import io.progressledger.query.projection.Slot;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Activity over time: unlocks (by their unlock time) and completions (by their finish time) per day in
 * {@code progress.stats.zone}, for everything, per institution and per program. Counters, applied once per event in
 * the processor's transaction.
 */
@Component
public class DailyActivityProjection implements Projection {

    public static final String NAME = "daily-activity";
    public static final String ALL = "all";
    public static final String INSTITUTION = "institution";
    public static final String PROGRAM = "program";

    private final JdbcClient jdbc;
    private final ZoneId zone;

    public DailyActivityProjection(JdbcClient jdbc, StatsProperties properties) {
        this.jdbc = jdbc;
        this.zone = properties.zone();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of(DailyCounts.TABLE);
    }

    @Override
    public Object writerFor(Slot slot) {
        return new Writer(slot);
    }

    final class Writer {

        private final String add;

        Writer(Slot slot) {
            add = """
                    MERGE INTO %s t
                    USING (SELECT CAST(? AS VARCHAR(16)) AS scope, CAST(? AS VARCHAR(255)) AS scope_id,
                                  CAST(? AS DATE) AS activity_day, CAST(? AS BIGINT) AS unlocks,
                                  CAST(? AS BIGINT) AS completions) k
                    ON t.scope = k.scope AND t.scope_id = k.scope_id AND t.activity_day = k.activity_day
                    WHEN MATCHED THEN UPDATE SET unlocks = t.unlocks + k.unlocks,
                        completions = t.completions + k.completions
                    WHEN NOT MATCHED THEN INSERT (scope, scope_id, activity_day, unlocks, completions)
                        VALUES (k.scope, k.scope_id, k.activity_day, k.unlocks, k.completions)"""
                    .formatted(slot.table(DailyCounts.TABLE));
        }

        @EventHandler
        void on(TalentBlockUnlocked event) {
            LocalDate day = day(event.unlockedAt());
            jdbc.sql(add).params(ALL, "", day, 1, 0).update();
            jdbc.sql(add).params(PROGRAM, event.programId(), day, 1, 0).update();
        }

        @EventHandler
        void on(TrailCompleted event) {
            LocalDate day = day(event.finishedAt());
            jdbc.sql(add).params(ALL, "", day, 0, 1).update();
            jdbc.sql(add).params(INSTITUTION, Long.toString(event.institutionId()), day, 0, 1).update();
        }

        private LocalDate day(Instant instant) {
            return instant.atZone(zone).toLocalDate();
        }
    }
}
