package io.progressledger.command.talent;

import io.progressledger.events.AggregateType;
import io.progressledger.command.Decision;
import io.progressledger.events.Provenance;
import io.progressledger.events.talent.BlockStatus;
import io.progressledger.events.talent.TalentBlockStatusChanged;
import io.progressledger.events.talent.TalentBlockUnlocked;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A learner's talent path in Phoenix. It decides, for every delivery of a block, whether it is a new unlock, a repeat,
 * a status change, or a stale delivery that arrived after a newer one (deliveries come late and out of order).
 */
@Aggregate(repository = "talentRepository")
public class Talent {

    @AggregateIdentifier
    private String aggregateId;
    private final Map<String, UnlockedBlock> blocks = new HashMap<>();

    protected Talent() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Decision handle(UnlockTalentBlock command) {
        UnlockedBlock known = blocks.get(command.talentBlockId());
        if (known == null) {
            apply(new TalentBlockUnlocked(command.talentId(), command.userId(), command.talentBlockId(),
                    command.blockId(), command.programId(), command.talentPhaseId(), command.order(),
                    command.status(), command.talentActivityIds(), command.unlockedAt(), command.statusUpdatedAt(),
                    command.provenance()));
            return Decision.RECORDED;
        }
        if (known.sameContentAs(command)) {
            return Decision.DUPLICATE;
        }
        if (!known.isOlderThan(command.statusUpdatedAt(), command.provenance())) {
            return Decision.STALE;
        }
        known.placementDifferenceFrom(command).ifPresent(field -> {
            throw new ConflictingBlockContent(command.talentBlockId(), field);
        });
        if (known.status() == command.status()) {
            throw new ConflictingBlockContent(command.talentBlockId(), "talentActivityIds");
        }
        apply(new TalentBlockStatusChanged(command.talentId(), command.userId(), command.talentBlockId(),
                command.blockId(), command.programId(), command.talentPhaseId(), command.order(), known.status(),
                command.status(), command.talentActivityIds(), command.statusUpdatedAt(), command.provenance()));
        return Decision.RECORDED;
    }

    @EventSourcingHandler
    void on(TalentBlockUnlocked event) {
        aggregateId = AggregateType.talent(event.talentId());
        blocks.put(event.talentBlockId(), new UnlockedBlock(event.userId(), event.blockId(), event.programId(),
                event.talentPhaseId(), event.order(), event.status(), event.talentActivityIds(),
                event.statusUpdatedAt(), event.provenance().senderEventId()));
    }

    @EventSourcingHandler
    void on(TalentBlockStatusChanged event) {
        blocks.computeIfPresent(event.talentBlockId(), (id, block) -> block.withStatus(event.status(),
                event.talentActivityIds(), event.statusUpdatedAt(), event.provenance().senderEventId()));
    }

    /** What the decisions need to know of a block: its content and which delivery set its current status. */
    private record UnlockedBlock(String userId, String blockId, String programId, String talentPhaseId, int order,
                                 BlockStatus status, List<String> talentActivityIds, Instant statusUpdatedAt,
                                 String senderEventId) {

        boolean sameContentAs(UnlockTalentBlock command) {
            return placementDifferenceFrom(command).isEmpty() && status == command.status()
                    && talentActivityIds.equals(command.talentActivityIds());
        }

        /** Deliveries are ordered by the sender's update time, then by its event id. */
        boolean isOlderThan(Instant otherUpdatedAt, Provenance other) {
            int byTime = statusUpdatedAt.compareTo(otherUpdatedAt);
            if (byTime != 0) {
                return byTime < 0;
            }
            return SenderEventIds.compare(senderEventId, other.senderEventId()) < 0;
        }

        Optional<String> placementDifferenceFrom(UnlockTalentBlock command) {
            if (!userId.equals(command.userId())) {
                return Optional.of("userId");
            }
            if (!blockId.equals(command.blockId())) {
                return Optional.of("blockId");
            }
            if (!programId.equals(command.programId())) {
                return Optional.of("programId");
            }
            if (!talentPhaseId.equals(command.talentPhaseId())) {
                return Optional.of("talentPhaseId");
            }
            if (order != command.order()) {
                return Optional.of("order");
            }
            return Optional.empty();
        }

        UnlockedBlock withStatus(BlockStatus newStatus, List<String> activities, Instant updatedAt, String eventId) {
            return new UnlockedBlock(userId, blockId, programId, talentPhaseId, order, newStatus, activities,
                    updatedAt, eventId);
        }
    }

    /** Phoenix event ids are numbers; compare them as numbers when they are, as text otherwise. */
    static final class SenderEventIds {

        private SenderEventIds() {
        }

        static int compare(String a, String b) {
            if (Objects.equals(a, b)) {
                return 0;
            }
            if (a == null || b == null) {
                return a == null ? -1 : 1;
            }
            if (a.chars().allMatch(Character::isDigit) && b.chars().allMatch(Character::isDigit)) {
                int byLength = Integer.compare(a.length(), b.length());
                return byLength != 0 ? byLength : a.compareTo(b);
            }
            return a.compareTo(b);
        }
    }
}
