package io.progressledger.events.talent;

import io.progressledger.events.Provenance;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * A block of a talent path became available to the learner.
 *
 * @param unlockedAt      when Phoenix created the event ({@code createdAt})
 * @param statusUpdatedAt when Phoenix last updated it ({@code updatedAt}); orders late and repeated deliveries
 */
@Revision("1")
public record TalentBlockUnlocked(
        String talentId,
        String userId,
        String talentBlockId,
        String blockId,
        String programId,
        String talentPhaseId,
        int order,
        BlockStatus status,
        List<String> talentActivityIds,
        Instant unlockedAt,
        Instant statusUpdatedAt,
        Provenance provenance) implements TalentEvent {

    public TalentBlockUnlocked {
        talentActivityIds = List.copyOf(talentActivityIds);
    }
}
