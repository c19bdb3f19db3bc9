package io.progressledger.bench.load;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Step {@code step} of a talent: block {@code step / 3}, unlocked at stage 0, then moved to the next status.
 */
public record TalentStep(int talent, int step) implements Fact {

    public int block() {
        return step / Catalog.STAGES;
    }

    public int stage() {
        return step % Catalog.STAGES;
    }

    public boolean unlock() {
        return stage() == 0;
    }

    public int phase() {
        return block() / Catalog.BLOCKS_PER_PHASE;
    }

    /** The block's order within its phase, 1-based, as Phoenix numbers it. */
    public int order() {
        return block() % Catalog.BLOCKS_PER_PHASE + 1;
    }

    public String status() {
        return Catalog.STATUSES[stage()];
    }

    public String previousStatus() {
        return Catalog.STATUSES[stage() - 1];
    }

    /** When the block was unlocked (Phoenix's {@code createdAt}). */
    public Instant createdAt(Catalog catalog) {
        return catalog.stepTime(talent, block() * Catalog.STAGES);
    }

    /** When Phoenix last updated it ({@code updatedAt}), 13 ms after creation for an unlock as in the example. */
    public Instant updatedAt(Catalog catalog) {
        return unlock() ? createdAt(catalog).plusMillis(13) : catalog.stepTime(talent, step);
    }

    /** Activities of the block started so far: none when unlocked, one in progress, two when finished. */
    public List<String> activityIds(Catalog catalog) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < stage(); i++) {
            ids.add(catalog.activityId(talent, block(), i));
        }
        return ids;
    }

    @Override
    public String aggregateId(Catalog catalog, IdShape shape) {
        return shape.talent(catalog.talentId(talent));
    }

    @Override
    public long sequenceNumber() {
        return step;
    }

    @Override
    public String eventType() {
        return unlock() ? "TalentBlockUnlocked" : "TalentBlockStatusChanged";
    }
}
