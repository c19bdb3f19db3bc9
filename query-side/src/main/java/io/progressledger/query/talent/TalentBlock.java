package io.progressledger.query.talent;

import java.time.Instant;
import java.util.List;

/** A block of a talent's path as dashboards see it. */
public record TalentBlock(
        String talentId,
        String userId,
        String talentBlockId,
        String blockId,
        int order,
        String status,
        String programId,
        String talentPhaseId,
        List<String> talentActivityIds,
        Instant unlockedAt,
        Instant statusUpdatedAt) {
}
