package io.progressledger.bench.store;

import io.progressledger.bench.load.Catalog;
import io.progressledger.bench.load.Fact;
import io.progressledger.bench.load.IdShape;
import io.progressledger.bench.load.TalentStep;
import io.progressledger.bench.load.TrailStep;
import io.progressledger.events.personal.PersonalValue;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The bulk loader's rows name each aggregate as the build under test does (raw ids before issue 13 item 4,
 * namespaced after); only the aggregate identifier differs between the shapes, every other column is the same bytes.
 */
class EventRowsTest {

    private final Catalog catalog = new Catalog(7);
    private final EventRows rows = new EventRows(catalog, JsonMapper.builder().build(),
            (subject, field, plain) -> new PersonalValue.Plain(field + " of " + subject));
    private final TalentStep talentStep = new TalentStep(2, 4);
    private final TrailStep trailStep = new TrailStep(9, 0, 2);

    @Test
    void namespacedRowsNameTheAggregateWithItsTypesPrefix() {
        EventRows.Row talent = row(rows.withIdShape(IdShape.NAMESPACED), talentStep);
        EventRows.Row trail = row(rows.withIdShape(IdShape.NAMESPACED), trailStep);
        assertEquals("talent:" + catalog.talentId(2), talent.aggregateIdentifier());
        assertEquals("trail:" + learnerTrail(), trail.aggregateIdentifier());
        assertEquals("Talent", talent.type());
        assertEquals("Trail", trail.type());
    }

    @Test
    void rawRowsNameTheAggregateAsTheSenderDoes() {
        assertEquals(catalog.talentId(2), row(rows.withIdShape(IdShape.RAW), talentStep).aggregateIdentifier());
        assertEquals(learnerTrail(), row(rows.withIdShape(IdShape.RAW), trailStep).aggregateIdentifier());
    }

    @Test
    void everyOtherColumnIsTheSameInBothShapes() {
        for (Fact fact : List.<Fact>of(talentStep, trailStep)) {
            EventRows.Row raw = row(rows.withIdShape(IdShape.RAW), fact);
            EventRows.Row namespaced = row(rows.withIdShape(IdShape.NAMESPACED), fact);
            assertEquals(raw.sequenceNumber(), namespaced.sequenceNumber());
            assertEquals(raw.type(), namespaced.type());
            assertEquals(raw.eventIdentifier(), namespaced.eventIdentifier());
            assertArrayEquals(raw.metaData(), namespaced.metaData());
            assertArrayEquals(raw.payload(), namespaced.payload());
            assertEquals(raw.payloadRevision(), namespaced.payloadRevision());
            assertEquals(raw.payloadType(), namespaced.payloadType());
            assertEquals(raw.timeStamp(), namespaced.timeStamp());
        }
    }

    @Test
    void noRowBeforeTheShapeIsKnown() {
        assertThrows(IllegalStateException.class, () -> row(rows, talentStep), "never a guessed shape");
        // A new sealer keeps the shape learnt (the shape check seals differently but names the same aggregates).
        assertEquals(learnerTrail(), row(rows.withIdShape(IdShape.RAW)
                .withSealer((subject, field, plain) -> new PersonalValue.Plain(plain)), trailStep).aggregateIdentifier());
    }

    private String learnerTrail() {
        return catalog.institutionId(9) + ":" + catalog.toolzzUserId(9) + ":" + catalog.trailId(9, 0);
    }

    private static EventRows.Row row(EventRows rows, Fact fact) {
        return rows.row(fact, rows.provenance(fact, "0b6c1f0e-0000-4000-8000-000000000001", "2026-12-02T00:00:00Z",
                "5f0c1f0e-0000-4000-8000-000000000002"), "7a0c1f0e-0000-4000-8000-000000000003", "2026-12-02T00:00:01Z");
    }
}
