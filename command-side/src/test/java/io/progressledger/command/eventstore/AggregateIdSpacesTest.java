package io.progressledger.command.eventstore;

import io.progressledger.command.CommandSideTest;
import io.progressledger.command.Payloads;
import io.progressledger.command.WebhookClient.Reply;
import io.progressledger.events.talent.TalentBlockUnlocked;
import io.progressledger.events.trail.TrailCompleted;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each aggregate type has its own id space: a Phoenix talent id shaped like a learner's or a trail's id addresses a
 * talent, never that learner or trail. Events stored under the ids of earlier versions (a talent's raw id, a trail's
 * {@code i:u:t}) still belong to their aggregates, even where two types once shared one id.
 */
class AggregateIdSpacesTest extends CommandSideTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void a_talent_id_shaped_like_a_learner_id_leaves_that_learner_erasable() {
        long user = Payloads.uniqueId();
        accepted(webhooks().toolzz(Payloads.toolzz(user, 557001, "2024-05-01 10:00:00")));
        Reply talent = webhooks().phoenix(Payloads.phoenix("learner:12345:" + user, Payloads.uniqueId(),
                "NOT_STARTED", "2023-07-09T14:59:53.085Z"));
        assertThat(talent.status()).as(talent.text()).isEqualTo(200);
        assertThat(talent.json().path("events").get(0).path("aggregateId").asString())
                .isEqualTo("talent:learner:12345:" + user);

        Reply erased = admin("POST", "/api/admin/learners/12345/" + user + "/erase", null);

        assertThat(erased.status()).as(erased.text()).isEqualTo(200);
        assertThat(erased.json().path("status").asString()).isEqualTo("erased");
        assertThat(erased.json().path("keysDeleted").asInt()).isEqualTo(1);
        assertThat(erased.json().path("event").path("aggregateId").asString()).isEqualTo("learner:12345:" + user);
    }

    @Test
    void a_talent_id_shaped_like_a_trail_id_leaves_that_trail_completable() {
        long user = Payloads.uniqueId();
        String talentId = "12345:" + user + ":557002";
        accepted(webhooks().phoenix(Payloads.phoenix(talentId, Payloads.uniqueId(), "NOT_STARTED",
                "2023-07-09T14:59:53.085Z")));

        JsonNode completed = accepted(webhooks().toolzz(Payloads.toolzz(user, 557002, "2024-05-01 10:00:00")));

        JsonNode event = completed.path("events").get(0);
        assertThat(event.path("type").asString()).isEqualTo("TrailCompleted");
        assertThat(event.path("aggregateId").asString()).isEqualTo("trail:" + talentId);
        assertThat(event.path("sequenceNumber").asLong()).isZero();
    }

    @Test
    void events_stored_under_the_old_ids_still_belong_to_their_aggregates() {
        long user = Payloads.uniqueId();
        String talentId = Payloads.newTalentId();
        // Stored by the previous version: the talent under its raw id, the trail under i:u:t, and a talent whose id
        // was this learner's, in the learner's own stream.
        String phoenix = Payloads.phoenix(talentId, 7001, "NOT_STARTED", "2023-07-09T14:59:53.085Z");
        JsonNode firstDelivery = accepted(webhooks().phoenix(phoenix));
        moveToLegacyId(firstDelivery, talentId);
        JsonNode firstCompletion = accepted(webhooks().toolzz(Payloads.toolzz(user, 557003, "2024-05-01 10:00:00")));
        moveToLegacyId(firstCompletion, "12345:" + user + ":557003");
        storeLegacyTalentEvent("learner:12345:" + user, user);

        Reply repeated = webhooks().phoenix(Payloads.phoenix(talentId, 7002, "NOT_STARTED",
                "2023-07-09T14:59:53.085Z"));
        JsonNode again = accepted(webhooks().toolzz(Payloads.toolzz(user, 557003, "2024-06-01 10:00:00")));
        Reply erased = admin("POST", "/api/admin/learners/12345/" + user + "/erase", null);

        assertThat(repeated.json().path("status").asString()).as("the old talent's block is known")
                .isEqualTo("duplicate");
        JsonNode second = again.path("events").get(0);
        assertThat(second.path("aggregateId").asString()).isEqualTo("trail:12345:" + user + ":557003");
        assertThat(second.path("sequenceNumber").asLong()).as("numbered after the old stream").isEqualTo(1);
        assertThat(completionNumber(second.path("globalPosition").asLong())).isEqualTo(2);
        assertThat(erased.status()).as(erased.text()).isEqualTo(200);
        assertThat(erased.json().path("status").asString()).isEqualTo("erased");
    }

    private JsonNode accepted(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json().path("status").asString()).isEqualTo("accepted");
        return reply.json();
    }

    /** Puts an event where the previous version stored it: under the aggregate's raw id. */
    private void moveToLegacyId(JsonNode answer, String legacyId) {
        jdbc.sql("UPDATE DomainEventEntry SET aggregateIdentifier = ? WHERE globalIndex = ?")
                .params(legacyId, answer.path("events").get(0).path("globalPosition").asLong())
                .update();
    }

    /** A talent event stored, as the previous version did, in a learner's stream (its talent id was theirs). */
    private void storeLegacyTalentEvent(String sharedId, long user) {
        byte[] payload = jdbc.sql("SELECT payload FROM DomainEventEntry WHERE payloadType = ? "
                        + "ORDER BY globalIndex DESC FETCH FIRST 1 ROWS ONLY")
                .param(TalentBlockUnlocked.class.getName()).query(byte[].class).single();
        jdbc.sql("""
                        INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,
                            metaData, payload, payloadRevision, payloadType, timeStamp)
                        VALUES (?, 0, 'Talent', ?, ?, ?, '1', ?, '2023-07-09T15:00:00Z')""")
                .params(sharedId, UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8), payload,
                        TalentBlockUnlocked.class.getName())
                .update();
    }

    private int completionNumber(long position) {
        return JSON.readTree(jdbc.sql("SELECT payload FROM DomainEventEntry WHERE globalIndex = ? AND payloadType = ?")
                .params(position, TrailCompleted.class.getName()).query(byte[].class).single())
                .path("completionNumber").asInt();
    }
}
