package io.progressledger.bench.load;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shape of a build's aggregate ids is read from what it answered (and wrote), raw or namespaced, never from its
 * version; once learnt it holds for the run, so an answer in the other shape is as unexpected as a wrong id.
 */
class IdShapeTest {

    private final Catalog catalog = new Catalog(42);
    private final TalentStep unlock = new TalentStep(3, 0);
    private final TrailStep completion = new TrailStep(5, 1, 1);

    @Test
    void aNamespacedIdIsRecognisedForTalentsAndTrails() {
        String talent = catalog.talentId(3);
        String trail = catalog.institutionId(5) + ":" + catalog.toolzzUserId(5) + ":" + catalog.trailId(5, 1);
        assertEquals(Optional.of(IdShape.NAMESPACED), IdShape.of(unlock, catalog, "talent:" + talent));
        assertEquals(Optional.of(IdShape.NAMESPACED), IdShape.of(completion, catalog, "trail:" + trail));
    }

    @Test
    void aRawIdIsRecognisedForTalentsAndTrails() {
        String talent = catalog.talentId(3);
        String trail = catalog.institutionId(5) + ":" + catalog.toolzzUserId(5) + ":" + catalog.trailId(5, 1);
        assertEquals(Optional.of(IdShape.RAW), IdShape.of(unlock, catalog, talent));
        assertEquals(Optional.of(IdShape.RAW), IdShape.of(completion, catalog, trail));
    }

    @Test
    void anotherAggregatesIdOrNoneIsNoShape() {
        assertEquals(Optional.empty(), IdShape.of(unlock, catalog, "talent:" + catalog.talentId(4)));
        assertEquals(Optional.empty(), IdShape.of(unlock, catalog, catalog.talentId(4)));
        assertEquals(Optional.empty(), IdShape.of(unlock, catalog, "trail:" + catalog.talentId(3)));
        assertEquals(Optional.empty(), IdShape.of(unlock, catalog, null));
    }

    @Test
    void theTallyLearnsTheShapeFromTheFirstAcceptedAnswerAndHoldsIt() {
        Tally tally = new Tally(catalog);
        assertTrue(tally.idShape().isEmpty(), "nothing answered yet");

        TalentStep next = new TalentStep(3, 1);
        assertEquals(World.Outcome.RECORDED, tally.record(delivery(unlock), accepted(unlock, catalog.talentId(3), 1)));
        assertEquals(Optional.of(IdShape.RAW), tally.idShape());
        assertEquals(1, tally.samples().get("TalentBlockUnlocked").size(), "kept as a sample for the shape check");

        // The same build answering in the other shape later is not the fact's event.
        assertEquals(World.Outcome.UNKNOWN, tally.record(delivery(next), accepted(next, "talent:" + catalog.talentId(3), 2)));
        assertEquals(1, tally.unexpectedTotal());
        assertEquals(Optional.of(IdShape.RAW), tally.idShape());
    }

    @Test
    void anAnswerNamingNoKnownShapeTeachesNothing() {
        Tally tally = new Tally(catalog);
        assertEquals(World.Outcome.UNKNOWN, tally.record(delivery(unlock), accepted(unlock, "talent:" + catalog.talentId(4), 1)));
        assertTrue(tally.idShape().isEmpty());
        assertEquals(1, tally.unexpectedTotal());
        assertFalse(tally.samples().containsKey("TalentBlockUnlocked"));

        assertEquals(World.Outcome.RECORDED, tally.record(delivery(completion),
                accepted(completion, completion.aggregateId(catalog, IdShape.NAMESPACED), 2)));
        assertEquals(Optional.of(IdShape.NAMESPACED), tally.idShape());
    }

    private static Delivery delivery(Fact fact) {
        return new Delivery("phoenix", "{}", "msg_1", Delivery.Expect.ACCEPTED, fact, true, "new", false);
    }

    private static Answer accepted(Fact fact, String aggregateId, long position) {
        return new Answer(200, "accepted", 1, fact.eventType(), aggregateId, fact.sequenceNumber(), position,
                "d-" + position, null);
    }
}
