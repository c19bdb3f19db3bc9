package io.progressledger.query.talent;

import io.progressledger.events.AggregateType;
import io.progressledger.events.talent.TalentEvent;
import java.util.stream.Stream;
import io.progressledger.events.talent.BlockStatus;
import io.progressledger.events.talent.TalentBlockStatusChanged;
import io.progressledger.events.talent.TalentBlockUnlocked;
import io.progressledger.query.api.NotFound;
import io.progressledger.query.api.Page;
import io.progressledger.query.api.PageRequest;
import io.progressledger.query.api.ViewTime;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Talent progress as it was at an instant ({@code ?asOf=}): computed from the talent's events recorded up to then,
 * read through the upcasters, never from a copy of the view. Each event changes a block exactly as the projection
 * changes its row, so the answer is what the live view showed at that instant.
 */
@Service
public class TalentProgressAt {

    private final EventStore eventStore;

    public TalentProgressAt(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public TalentSummary summary(String talentId, Instant asOf) {
        return TalentSummary.of(talentId, blocks(talentId, asOf));
    }

    public Page<TalentBlock> blocks(String talentId, Instant asOf, BlockStatus status, String programId,
                                    PageRequest<TalentBlocks.Position> page) {
        List<TalentBlock> matching = new ArrayList<>(blocks(talentId, asOf).stream()
                .filter(block -> status == null || block.status().equals(status.name()))
                .filter(block -> programId == null || block.programId().equals(programId))
                .sorted(TalentBlock.ORDER)
                .toList());
        TalentBlocks.Position after = page.after();
        if (after != null) {
            matching.removeIf(block -> block.order() < after.order()
                    || (block.order() == after.order() && block.talentBlockId().compareTo(after.talentBlockId()) <= 0));
        }
        List<TalentBlock> rows = matching.subList(0, Math.min(matching.size(), page.limit() + 1));
        return Page.of(rows, page, TalentBlocks.Position::of);
    }

    private List<TalentBlock> blocks(String talentId, Instant asOf) {
        Map<String, TalentBlock> blocks = new LinkedHashMap<>();
        // The talent's events are under talent:<id>, and under its raw id when stored before ids were namespaced
        // (where another type's events may share it: only this talent's are kept).
        Stream.concat(eventStore.readEvents(talentId).asStream(),
                        eventStore.readEvents(AggregateType.talent(talentId)).asStream())
                .filter(event -> event.getPayload() instanceof TalentEvent talent
                        && talent.talentId().equals(talentId))
                .filter(event -> !event.getTimestamp().isAfter(asOf))
                .map(DomainEventMessage::getPayload)
                .forEach(payload -> {
                    if (payload instanceof TalentBlockUnlocked e) {
                        blocks.put(e.talentBlockId(), new TalentBlock(e.talentId(), e.userId(), e.talentBlockId(),
                                e.blockId(), e.order(), e.status().name(), e.programId(), e.talentPhaseId(),
                                e.talentActivityIds(), ViewTime.of(e.unlockedAt()), ViewTime.of(e.statusUpdatedAt())));
                    } else if (payload instanceof TalentBlockStatusChanged e) {
                        blocks.computeIfPresent(e.talentBlockId(), (id, block) -> block.withStatus(e.status().name(),
                                e.talentActivityIds(), ViewTime.of(e.statusUpdatedAt())));
                    }
                });
        if (blocks.isEmpty()) {
            throw new NotFound("no talent " + talentId);
        }
        return List.copyOf(blocks.values());
    }
}
