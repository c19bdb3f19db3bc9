package io.progressledger.query.talent;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A talent at a glance.
 *
 * @param statusCounts   how many of its blocks are in each status (every status listed, zeros included)
 * @param lastActivityAt the latest unlock or status change
 */
public record TalentSummary(String talentId, String userId, int blocks, Map<String, Integer> statusCounts,
                            List<String> programIds, Instant firstUnlockedAt, Instant lastActivityAt) {
}
