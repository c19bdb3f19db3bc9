package io.progressledger.command.talent;

import io.progressledger.events.AggregateType;
import io.progressledger.events.Provenance;
import io.progressledger.events.talent.BlockStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Record that a talent block is unlocked, in the given status, as the sender reported it at {@code statusUpdatedAt}.
 * Sent for every delivery of a block: the {@link Talent} decides whether it is new, a repeat, a change or stale.
 */
public record UnlockTalentBlock(
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
        Provenance provenance) {

    public UnlockTalentBlock {
        talentActivityIds = List.copyOf(talentActivityIds);
    }

    /** The talent's aggregate: in the talents' own id space, whatever Phoenix's id looks like. */
    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateType.talent(talentId);
    }
}
