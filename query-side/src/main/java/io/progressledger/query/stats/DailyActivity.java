package io.progressledger.query.stats;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * Unlocks and completions per day, every day of the range listed (zeros included).
 *
 * @param zone  the zone the days are counted in
 * @param scope {@code all}, {@code institution} or {@code program}, with its id
 */
public record DailyActivity(String zone, String scope, @Nullable String scopeId, LocalDate from, LocalDate to,
                            List<Day> items) {

    @Schema(name = "ActivityDay")
    public record Day(LocalDate day, long unlocks, long completions) {
    }
}
