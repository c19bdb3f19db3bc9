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

    /** The dashboards' order of a talent's blocks: by block order, then talent block id. */
    public static final java.util.Comparator<TalentBlock> ORDER = java.util.Comparator.comparingInt(TalentBlock::order)
            .thenComparing(TalentBlock::talentBlockId);

    TalentBlock withStatus(String newStatus, List<String> activities, Instant updatedAt) {
        return new TalentBlock(talentId, userId, talentBlockId, blockId, order, newStatus, programId, talentPhaseId,
                activities, unlockedAt, updatedAt);
    }
}
