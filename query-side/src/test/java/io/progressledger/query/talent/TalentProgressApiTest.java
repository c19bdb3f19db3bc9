package io.progressledger.query.talent;

import io.progressledger.events.talent.BlockStatus;
import io.progressledger.events.talent.TalentBlockStatusChanged;
import io.progressledger.events.talent.TalentBlockUnlocked;
import io.progressledger.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.progressledger.events.talent.BlockStatus.FINISHED;
import static io.progressledger.events.talent.BlockStatus.IN_PROGRESS;
import static io.progressledger.events.talent.BlockStatus.NOT_STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/** Talent progress over real HTTP: a talent's summary and its blocks, filtered and paged. */
class TalentProgressApiTest extends QuerySideTest {

    private static final Instant T0 = Instant.parse("2023-07-09T14:59:53.072Z");

    @Test
    void a_talent_summary_counts_its_blocks_per_status() {
        String talent = UUID.randomUUID().toString();
        unlock(talent, "b1", 1, NOT_STARTED, T0);
        unlock(talent, "b2", 2, NOT_STARTED, T0.plusSeconds(10));
        long last = change(talent, "b1", 1, NOT_STARTED, FINISHED, T0.plusSeconds(60));

        JsonNode summary = get("/api/talents/" + talent + "?minPosition=" + last).json();

        assertThat(summary.path("blocks").asInt()).isEqualTo(2);
        assertThat(summary.path("statusCounts").path("FINISHED").asInt()).isEqualTo(1);
        assertThat(summary.path("statusCounts").path("NOT_STARTED").asInt()).isEqualTo(1);
        assertThat(summary.path("statusCounts").path("LOCKED").asInt()).isZero();
        assertThat(summary.path("programIds").get(0).asString()).isEqualTo("program-1");
        assertThat(summary.path("firstUnlockedAt").asString()).isEqualTo("2023-07-09T14:59:53.072Z");
        assertThat(summary.path("lastActivityAt").asString()).isEqualTo("2023-07-09T15:00:53.072Z");
    }

    @Test
    void blocks_come_in_block_order_with_their_current_status() {
        String talent = UUID.randomUUID().toString();
        unlock(talent, "third", 3, NOT_STARTED, T0);
        unlock(talent, "first", 1, NOT_STARTED, T0);
        long last = change(talent, "first", 1, NOT_STARTED, IN_PROGRESS, T0.plusSeconds(5));

        JsonNode page = get("/api/talents/" + talent + "/blocks?minPosition=" + last).json();

        assertThat(page.path("items")).extracting(item -> item.path("talentBlockId").asString())
                .containsExactly("first", "third");
        JsonNode first = page.path("items").get(0);
        assertThat(first.path("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(first.path("order").asInt()).isEqualTo(1);
        assertThat(first.path("statusUpdatedAt").asString()).isEqualTo("2023-07-09T14:59:58.072Z");
        assertThat(page.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void pages_follow_the_cursor_without_repeating_or_skipping_and_filters_apply() {
        String talent = UUID.randomUUID().toString();
        long last = 0;
        for (int order = 1; order <= 5; order++) {
            last = unlock(talent, "block-" + order, order, order % 2 == 0 ? IN_PROGRESS : NOT_STARTED, T0);
        }
        List<String> seen = new ArrayList<>();
        String next = "/api/talents/" + talent + "/blocks?limit=2&minPosition=" + last;
        int pages = 0;
        while (next != null) {
            JsonNode page = get(next).json();
            page.path("items").forEach(item -> seen.add(item.path("talentBlockId").asString()));
            String cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
            next = cursor == null ? null : "/api/talents/" + talent + "/blocks?limit=2&cursor=" + cursor;
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("block-1", "block-2", "block-3", "block-4", "block-5");
        assertThat(get("/api/talents/" + talent + "/blocks?status=in_progress").json().path("items"))
                .extracting(item -> item.path("talentBlockId").asString()).containsExactly("block-2", "block-4");
        assertThat(get("/api/talents/" + talent + "/blocks?programId=another").json().path("items")).isEmpty();
    }

    @Test
    void an_unknown_talent_is_404_and_bad_parameters_are_400() {
        Response unknown = get("/api/talents/" + UUID.randomUUID() + "/blocks");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(get("/api/talents/" + UUID.randomUUID()).status()).isEqualTo(404);

        String talent = UUID.randomUUID().toString();
        long position = unlock(talent, "b", 1, NOT_STARTED, T0);
        String blocks = "/api/talents/" + talent + "/blocks?";
        assertThat(get(blocks + "minPosition=" + position).status()).isEqualTo(200);
        for (String bad : List.of("status=DONE", "limit=0", "limit=501", "cursor=garbage", "minPosition=soon")) {
            Response response = get(blocks + bad);
            assertThat(response.status()).as(bad + " " + response.body()).isEqualTo(400);
            assertThat(response.json().path("errors").get(0).path("parameter").asString()).isNotBlank();
        }
    }

    @Test
    void reads_need_the_api_token() {
        String talent = UUID.randomUUID().toString();
        long position = unlock(talent, "b", 1, NOT_STARTED, T0);
        String path = "/api/talents/" + talent + "/blocks?minPosition=" + position;

        assertThat(get(path, null).status()).isEqualTo(401);
        assertThat(get(path, "wrong").status()).isEqualTo(401);
        assertThat(get(path, API_TOKEN).status()).isEqualTo(200);
        assertThat(get(path, ADMIN_TOKEN).status()).isEqualTo(200);
    }

    private long unlock(String talent, String block, int order, BlockStatus status, Instant at) {
        return append("Talent", talent, new TalentBlockUnlocked(talent, "user-1", block, "block-id-" + block,
                "program-1", "phase-1", order, status, List.of(), at, at, provenance("phoenix")));
    }

    private long change(String talent, String block, int order, BlockStatus from, BlockStatus to, Instant at) {
        return append("Talent", talent, new TalentBlockStatusChanged(talent, "user-1", block, "block-id-" + block,
                "program-1", "phase-1", order, from, to, List.of("activity-1"), at, provenance("phoenix")));
    }
}
