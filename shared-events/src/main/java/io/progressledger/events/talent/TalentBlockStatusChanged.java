package io.progressledger.events.talent;

import io.progressledger.events.Provenance;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * An unlocked block moved to another status. It repeats the block's placement (program, phase, order) so that a
 * reader needs no other event to place the change.
 *
 * @param statusUpdatedAt when Phoenix updated the block ({@code updatedAt})
 */
@Revision("1")
public record TalentBlockStatusChanged(
        String talentId,
        String userId,
        String talentBlockId,
        String blockId,
        String programId,
        String talentPhaseId,
        int order,
        BlockStatus previousStatus,
        BlockStatus status,
        List<String> talentActivityIds,
        Instant statusUpdatedAt,
        Provenance provenance) implements TalentEvent {

    public TalentBlockStatusChanged {
        talentActivityIds = List.copyOf(talentActivityIds);
    }
}
