package io.progressledger.query.stats;

import io.progressledger.events.talent.TalentBlockUnlocked;
import io.progressledger.events.trail.TrailCompleted;
import io.progressledger.query.projection.Projection;
import io.progressledger.query.projection.Slot;
import io.progressledger.query.projection.ViewBatch;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Activity over time: unlocks (by their unlock time) and completions (by their finish time) per day in
 * {@code progress.stats.zone}, for everything, per institution and per program. Counters, applied once per event in
 * the processor's transaction; a batch sums its changes per day and scope and writes each counter once.
 */
@Component
public class DailyActivityProjection implements Projection {

    public static final String NAME = "daily-activity";
    public static final String ALL = "all";
    public static final String INSTITUTION = "institution";
    public static final String PROGRAM = "program";

    private final JdbcTemplate jdbc;
    private final ZoneId zone;

    public DailyActivityProjection(JdbcTemplate jdbc, StatsProperties properties) {
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
    public Set<Class<?>> eventTypes() {
        return Set.of(TalentBlockUnlocked.class, TrailCompleted.class);
    }

    @Override
    public ViewBatch batch(Slot slot) {
        return new Batch(slot.table(DailyCounts.TABLE));
    }

    private record Counter(String scope, String scopeId, LocalDate day) {
    }

    private final class Batch implements ViewBatch {

        private final String table;
        /** Per counter: unlocks, completions. */
        private final Map<Counter, long[]> sums = new LinkedHashMap<>();

        Batch(String table) {
            this.table = table;
        }

        @Override
        public void add(EventMessage<?> event) {
            Object payload = event.getPayload();
            if (payload instanceof TalentBlockUnlocked unlocked) {
                LocalDate day = day(unlocked.unlockedAt());
                count(ALL, "", day, 0);
                count(PROGRAM, unlocked.programId(), day, 0);
            } else if (payload instanceof TrailCompleted completed) {
                LocalDate day = day(completed.finishedAt());
                count(ALL, "", day, 1);
                count(INSTITUTION, Long.toString(completed.institutionId()), day, 1);
            }
        }

        private void count(String scope, String scopeId, LocalDate day, int which) {
            sums.computeIfAbsent(new Counter(scope, scopeId, day), counter -> new long[2])[which]++;
        }

        @Override
        public void write() {
            if (sums.isEmpty()) {
                return;
            }
            List<Object[]> parameters = new ArrayList<>(sums.size());
            sums.forEach((counter, sum) -> parameters.add(new Object[]{counter.scope(), counter.scopeId(),
                    counter.day(), sum[0], sum[1]}));
            jdbc.batchUpdate("""
                    MERGE INTO %s t
                    USING (SELECT CAST(? AS VARCHAR(16)) AS scope, CAST(? AS VARCHAR(255)) AS scope_id,
                                  CAST(? AS DATE) AS activity_day, CAST(? AS BIGINT) AS unlocks,
                                  CAST(? AS BIGINT) AS completions) k
                    ON t.scope = k.scope AND t.scope_id = k.scope_id AND t.activity_day = k.activity_day
                    WHEN MATCHED THEN UPDATE SET unlocks = t.unlocks + k.unlocks,
                        completions = t.completions + k.completions
                    WHEN NOT MATCHED THEN INSERT (scope, scope_id, activity_day, unlocks, completions)
                        VALUES (k.scope, k.scope_id, k.activity_day, k.unlocks, k.completions)"""
                    .formatted(table), parameters);
        }

        private LocalDate day(Instant instant) {
            return instant.atZone(zone).toLocalDate();
        }
    }
}
