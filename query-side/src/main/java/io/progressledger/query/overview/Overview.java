package io.progressledger.query.overview;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * The ledger at a glance: what a dashboard's first screen shows, in one cheap read.
 *
 * @param talents          Phoenix talents with at least one unlocked block
 * @param unlocks          blocks unlocked, all time
 * @param learners         Toolzz learners (institution + user) with at least one completed trail
 * @param trailCompletions trail completions, all time (a learner completing a trail twice counts twice)
 * @param courses          courses seen in completions
 * @param firstActivityDay the first day with an unlock or a completion (in {@code progress.stats.zone}); null when
 *                         there is none yet
 * @param lastActivityDay  the last such day; null when there is none yet
 * @param programIds       the programs with unlocks, by id, the first {@link OverviewQueries#MAX_IDS}
 * @param institutionIds   the institutions with completions, by id, the first {@link OverviewQueries#MAX_IDS}
 */
public record Overview(long talents, long unlocks, long learners, long trailCompletions, long courses,
                       @Nullable LocalDate firstActivityDay, @Nullable LocalDate lastActivityDay,
                       List<String> programIds, List<Long> institutionIds) {
}
