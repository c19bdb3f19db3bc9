package io.progressledger.query.audit;

import io.progressledger.events.personal.PersonalValue;
import io.progressledger.events.trail.Course;
import io.progressledger.events.trail.LearnerTrailId;
import io.progressledger.events.trail.TrailCompleted;
import io.progressledger.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hash chain proves nothing was altered: changed in place, deleted, or slipped in afterwards, the verification
 * names the exact position. The test edits the event store's table directly, as an intruder with database access
 * would, and puts everything back afterwards.
 */
class TamperEvidenceTest extends QuerySideTest {

    @Test
    void verification_names_the_position_of_a_changed_a_deleted_and_an_inserted_event() {
        long first = complete("first");
        long changed = complete("to be changed");
        long deleted = complete("to be deleted");
        long last = complete("last");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(verify().path("checkedUpTo").asLong()).isGreaterThanOrEqualTo(last));
        JsonNode intact = verify();
        assertThat(intact.path("intact").asBoolean()).isTrue();
        assertThat(intact.path("headHash").asString()).matches("[0-9a-f]{64}");

        Map<String, Object> original = row(changed);
        byte[] forged = new String((byte[]) original.get("PAYLOAD"), StandardCharsets.UTF_8)
                .replace("to be changed", "forged!").getBytes(StandardCharsets.UTF_8);
        eventStoreTable().sql("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?").params(forged, changed)
                .update();
        try {
            JsonNode broken = verify();
            assertThat(broken.path("intact").asBoolean()).isFalse();
            assertThat(broken.path("firstMismatchPosition").asLong()).isEqualTo(changed);
            assertThat(broken.path("reason").asString()).contains("differs");
        } finally {
            eventStoreTable().sql("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?")
                    .params(original.get("PAYLOAD"), changed).update();
        }

        Map<String, Object> removed = row(deleted);
        eventStoreTable().sql("DELETE FROM DomainEventEntry WHERE globalIndex = ?").param(deleted).update();
        try {
            JsonNode broken = verify();
            assertThat(broken.path("intact").asBoolean()).isFalse();
            assertThat(broken.path("firstMismatchPosition").asLong()).isEqualTo(deleted);
            assertThat(broken.path("reason").asString()).contains("no longer in the store");
        } finally {
            restore(removed);
        }

        JsonNode restored = verify();
        assertThat(restored.path("intact").asBoolean()).as(restored.toString()).isTrue();
        assertThat(verify(first).path("intact").asBoolean()).isTrue();
        assertThat(verify(last).path("headHash").asString()).isEqualTo(intact.path("headHash").asString());
    }

    private JsonNode verify() {
        return get("/api/audit/verify", ADMIN_TOKEN).json();
    }

    private JsonNode verify(long upTo) {
        return get("/api/audit/verify?upTo=" + upTo, ADMIN_TOKEN).json();
    }

    private Map<String, Object> row(long position) {
        return eventStoreTable().sql("SELECT * FROM DomainEventEntry WHERE globalIndex = ?").param(position).query()
                .singleRow();
    }

    private void restore(Map<String, Object> row) {
        eventStoreTable().sql("""
                        INSERT INTO DomainEventEntry (globalIndex, aggregateIdentifier, sequenceNumber, type,
                            eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(row.get("GLOBALINDEX"), row.get("AGGREGATEIDENTIFIER"), row.get("SEQUENCENUMBER"),
                        row.get("TYPE"), row.get("EVENTIDENTIFIER"), row.get("METADATA"), row.get("PAYLOAD"),
                        row.get("PAYLOADREVISION"), row.get("PAYLOADTYPE"), row.get("TIMESTAMP"))
                .update();
    }

    private long complete(String trailName) {
        long user = uniqueId();
        return append("Trail", new LearnerTrailId(11, user, 12).asString(), new TrailCompleted(11, user, new PersonalValue.Plain("Aluno"),
                new PersonalValue.Plain("aluno@toolzz.com"), 12, trailName, Instant.parse("2023-03-01T10:00:00Z"), 1,
                List.of(new Course(1, "C")), provenance("toolzz")));
    }
}
