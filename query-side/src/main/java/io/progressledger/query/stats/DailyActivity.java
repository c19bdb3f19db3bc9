package io.progressledger.query.stats;

import java.time.LocalDate;
import java.util.List;

/**
 * Unlocks and completions per day, every day of the range listed (zeros included).
 *
 * @param zone  the zone the days are counted in
 * @param scope {@code all}, {@code institution} or {@code program}, with its id
 */
public record DailyActivity(String zone, String scope, String scopeId, LocalDate from, LocalDate to,
                            List<Day> items) {

    public record Day(LocalDate day, long unlocks, long completions) {
    }
}
