package io.progressledger.query.stats;

import io.progressledger.query.api.BadRequest;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads of the daily activity view (plain services, for the reason given on TrailCompletionQueries). */
@Service
public class StatsQueries {

    static final int MAX_DAYS = 366;
    private static final int DEFAULT_DAYS = 30;

    private final DailyCounts view;
    private final ZoneId zone;
    private final Clock clock;

    public StatsQueries(DailyCounts view, StatsProperties properties, Clock clock) {
        this.view = view;
        this.zone = properties.zone();
        this.clock = clock;
    }

    /**
     * Each day from {@code from} to {@code to}, both included (default: the last 30 days), for everything or for one
     * institution or one program.
     */
    public DailyActivity daily(LocalDate from, LocalDate to, Long institutionId, String programId) {
        if (institutionId != null && programId != null) {
            throw new BadRequest("programId", "filter by institutionId or by programId, not both");
        }
        LocalDate last = to != null ? to : LocalDate.now(clock.withZone(zone));
        LocalDate first = from != null ? from : last.minusDays(DEFAULT_DAYS - 1L);
        if (last.isBefore(first)) {
            throw new BadRequest("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw new BadRequest("to", "a range covers at most " + MAX_DAYS + " days");
        }
        String scope = institutionId != null ? DailyActivityProjection.INSTITUTION
                : programId != null ? DailyActivityProjection.PROGRAM : DailyActivityProjection.ALL;
        String scopeId = institutionId != null ? institutionId.toString() : programId != null ? programId : "";
        Map<LocalDate, DailyActivity.Day> found = new HashMap<>();
        view.between(scope, scopeId, first, last).forEach(day -> found.put(day.day(), day));
        List<DailyActivity.Day> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.add(found.getOrDefault(day, new DailyActivity.Day(day, 0, 0)));
        }
        return new DailyActivity(zone.getId(), scope, scopeId.isEmpty() ? null : scopeId, first, last, days);
    }
}
