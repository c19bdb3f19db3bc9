package io.progressledger.query.overview;

import io.progressledger.query.stats.DailyCounts;
import org.springframework.stereotype.Service;


/**
 * The overview, each figure a read of a few rows: talents, learners and courses from the overview's own totals, unlocks
 * and completions as the sums of the daily activity (one row per day), the first programs and institutions in key
 * order.
 */
@Service
public class OverviewQueries {

    /** The most program and institution ids an overview lists (the dashboard's filter suggestions). */
    public static final int MAX_IDS = 200;

    private final OverviewTotals totals;
    private final DailyCounts daily;

    public OverviewQueries(OverviewTotals totals, DailyCounts daily) {
        this.totals = totals;
        this.daily = daily;
    }

    public Overview overview() {
        DailyCounts.AllTime activity = daily.allTime();
        return new Overview(totals.total(OverviewProjection.TALENTS), activity.unlocks(),
                totals.total(OverviewProjection.LEARNERS), activity.completions(), totals.total(OverviewProjection.COURSES),
                activity.firstDay(), activity.lastDay(), totals.programIds(MAX_IDS),
                totals.institutionIds(MAX_IDS));
    }
}
