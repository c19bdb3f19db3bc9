package io.progressledger.query.audit;

import io.progressledger.events.trail.TrailCompleted;
import io.progressledger.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event stored by an earlier version, in an older revision (a TrailCompleted from before learners' names were
 * captured), reads as today's record everywhere: history, the live view, a rebuild, and point-in-time views.
 */
class SchemaEvolutionTest extends QuerySideTest {

    @Test
    void a_revision_0_completion_reads_as_today_in_history_views_rebuilds_and_point_in_time() {
        long user = uniqueId();
        String aggregate = "21:" + user + ":22";
        String revision0 = """
                {"institutionId":21,"userId":%d,"trailId":22,"trailName":"Old trail",
                 "finishedAt":"2021-11-02T13:00:00Z","completionNumber":1,
                 "courses":[{"id":7,"title":"Old course"}],
                 "provenance":{"source":"toolzz","senderEventId":"21:%d:22@2021-11-02 10:00:00",
                               "deliveryId":"old-delivery","receivedAt":"2021-11-02T13:00:02Z"}}""".formatted(user, user);
        eventStoreTable().sql("""
                        INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,
                            metaData, payload, payloadRevision, payloadType, timeStamp)
                        VALUES (?, 0, 'Trail', ?, ?, ?, '0', ?, '2021-11-02T13:00:03Z')""")
                .params(aggregate, UUID.randomUUID().toString(),
                        "{\"deliveryId\":\"old-delivery\"}".getBytes(StandardCharsets.UTF_8),
                        revision0.getBytes(StandardCharsets.UTF_8), TrailCompleted.class.getName())
                .update();
        long position = eventStoreTable().sql("SELECT globalIndex FROM DomainEventEntry WHERE aggregateIdentifier = ?")
                .param(aggregate).query(Long.class).single();

        JsonNode history = get("/api/audit/learners/21/" + user + "/trails/22/events", ADMIN_TOKEN).json()
                .path("items").get(0);
        assertThat(history.path("revision").asString()).isEqualTo("0");
        assertThat(history.path("currentRevision").asString()).isEqualTo("3");
        assertThat(history.path("payload").path("userName").isNull()).isTrue();
        assertThat(history.path("payload").path("trailName").asString()).isEqualTo("Old trail");

        String trails = "/api/learners/21/" + user + "/trails";
        JsonNode live = get(trails + "?minPosition=" + position).json().path("items").get(0);
        assertThat(live.path("trailName").asString()).isEqualTo("Old trail");
        assertThat(live.has("userName")).isFalse();
        assertThat(get(trails + "?asOf=" + Instant.now()).body()).isEqualTo(get(trails).body());

        rebuild("trail-completions");
        assertThat(get(trails).json().path("items").get(0).path("courses").get(0).path("title").asString())
                .isEqualTo("Old course");
    }
}
