package io.progressledger.query.audit;

import io.progressledger.events.personal.PersonalValue;
import io.progressledger.events.Provenance;
import io.progressledger.events.talent.BlockStatus;
import io.progressledger.events.talent.TalentBlockStatusChanged;
import io.progressledger.events.talent.TalentBlockUnlocked;
import io.progressledger.events.trail.Course;
import io.progressledger.events.trail.LearnerTrailId;
import io.progressledger.events.trail.TrailCompleted;
import io.progressledger.query.QuerySideTest;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Auditors read every event in order, with where it came from, one aggregate at a time or the whole log. */
class AuditTrailTest extends QuerySideTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant T0 = Instant.parse("2023-07-09T14:59:53.072Z");

    @Test
    void a_talents_history_lists_its_events_in_order_with_their_provenance() {
        String talent = UUID.randomUUID().toString();
        String delivery = UUID.randomUUID().toString();
        append("Talent", talent, new TalentBlockUnlocked(talent, "user", "tb", "block", "program", "phase", 1,
                        BlockStatus.NOT_STARTED, List.of(), T0, T0,
                        new Provenance("phoenix", "6098395", delivery, T0.plusSeconds(1))),
                MetaData.from(Map.of("deliveryId", delivery, "source", "phoenix", "senderEventId", "6098395",
                        "receivedAt", T0.plusSeconds(1).toString())));
        append("Talent", talent, new TalentBlockStatusChanged(talent, "user", "tb", "block", "program", "phase", 1,
                BlockStatus.NOT_STARTED, BlockStatus.FINISHED, List.of(), T0.plusSeconds(60), provenance("phoenix")));

        Response response = get("/api/audit/talents/" + talent + "/events", ADMIN_TOKEN);

        JsonNode items = response.json().path("items");
        assertThat(items).hasSize(2);
        JsonNode first = items.get(0);
        assertThat(first.path("sequenceNumber").asLong()).isZero();
        assertThat(first.path("aggregateType").asString()).isEqualTo("Talent");
        assertThat(first.path("aggregateId").asString()).isEqualTo(talent);
        assertThat(first.path("type").asString()).isEqualTo("TalentBlockUnlocked");
        assertThat(first.path("revision").asString()).isEqualTo("1");
        assertThat(first.path("globalPosition").asLong()).isPositive();
        assertThat(Instant.parse(first.path("timestamp").asString())).isNotNull();
        assertThat(first.path("payload").path("status").asString()).isEqualTo("NOT_STARTED");
        assertThat(first.path("metadata").path("deliveryId").asString()).isEqualTo(delivery);
        assertThat(first.path("metadata").path("source").asString()).isEqualTo("phoenix");
        assertThat(first.path("metadata").path("senderEventId").asString()).isEqualTo("6098395");
        assertThat(first.path("metadata").path("receivedAt").asString()).isEqualTo("2023-07-09T14:59:54.072Z");
        assertThat(items.get(1).path("type").asString()).isEqualTo("TalentBlockStatusChanged");
        assertThat(items.get(1).path("globalPosition").asLong()).isGreaterThan(first.path("globalPosition").asLong());
    }

    @Test
    void a_learners_history_on_a_trail_lists_every_completion() {
        long user = uniqueId();
        complete(user, T0);
        complete(user, T0.plusSeconds(3600));

        JsonNode items = get("/api/audit/learners/9/" + user + "/trails/31/events", ADMIN_TOKEN).json().path("items");

        assertThat(items).extracting(item -> item.path("payload").path("completionNumber").asInt())
                .containsExactly(1, 2);
        assertThat(get("/api/audit/learners/9/" + uniqueId() + "/trails/31/events", ADMIN_TOKEN).status())
                .isEqualTo(404);
    }

    @Test
    void the_global_feed_pages_through_the_whole_log_in_order() {
        long last = complete(uniqueId(), T0);

        List<Long> positions = new ArrayList<>();
        String after = "0";
        while (after != null) {
            JsonNode page = get("/api/audit/events?limit=7&after=" + after, ADMIN_TOKEN).json();
            page.path("items").forEach(item -> positions.add(item.path("globalPosition").asLong()));
            after = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
        }

        assertThat(positions).isSorted().doesNotHaveDuplicates().contains(last);
        long stored = eventStoreTable().sql("SELECT COUNT(*) FROM DomainEventEntry").query(Long.class).single();
        assertThat(positions).hasSizeGreaterThanOrEqualTo((int) Math.min(stored, Integer.MAX_VALUE) - 2);
    }

    @Test
    void the_export_streams_the_log_as_ndjson_with_filters() {
        long user = uniqueId();
        long position = complete(user, T0);

        Response all = get("/api/audit/export", ADMIN_TOKEN);
        Response completions = get("/api/audit/export?type=TrailCompleted&from=" + Instant.now().minusSeconds(60),
                ADMIN_TOKEN);

        assertThat(all.status()).isEqualTo(200);
        assertThat(all.contentType()).startsWith("application/x-ndjson");
        List<JsonNode> lines = all.body().lines().map(JSON::readTree).toList();
        List<JsonNode> events = lines.subList(0, lines.size() - 1);
        assertThat(events).extracting(line -> line.path("globalPosition").asLong()).isSorted().contains(position);
        assertThat(lines.get(lines.size() - 1).path("type").asString()).isEqualTo("end");
        assertThat(lines.get(lines.size() - 1).path("lines").asLong()).isEqualTo(events.size());
        List<JsonNode> filteredLines = completions.body().lines().map(JSON::readTree).toList();
        List<JsonNode> filtered = filteredLines.subList(0, filteredLines.size() - 1);
        assertThat(filteredLines.get(filteredLines.size() - 1).path("lines").asLong()).isEqualTo(filtered.size());
        assertThat(filtered).isNotEmpty().allSatisfy(line ->
                assertThat(line.path("type").asString()).isEqualTo("TrailCompleted"));
        assertThat(filtered).anySatisfy(line -> assertThat(line.path("globalPosition").asLong()).isEqualTo(position));
        assertThat(get("/api/audit/export?from=yesterday", ADMIN_TOKEN).status()).isEqualTo(400);
    }

    @Test
    void the_audit_trail_needs_the_admin_token() {
        assertThat(get("/api/audit/events", API_TOKEN).status()).isEqualTo(401);
        assertThat(get("/api/audit/events", null).status()).isEqualTo(401);
        assertThat(get("/api/audit/verify", API_TOKEN).status()).isEqualTo(401);
    }

    private long complete(long user, Instant finishedAt) {
        return append("Trail", new LearnerTrailId(9, user, 31).asString(), new TrailCompleted(9, user, new PersonalValue.Plain("Aluno"),
                new PersonalValue.Plain("aluno@toolzz.com"), 31, "Trail", finishedAt, finishedAt.equals(T0) ? 1 : 2,
                List.of(new Course(1, "C")), provenance("toolzz")));
    }
}
