package io.progressledger.command.webhook;

import io.progressledger.command.CommandSideTest;
import io.progressledger.command.Payloads;
import io.progressledger.command.WebhookClient;
import io.progressledger.command.WebhookClient.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Retrying is always safe: a delivery repeated any number of times, one after another or at once, is one event. */
class IdempotencyTest extends CommandSideTest {

    @Test
    void a_repeated_webhook_id_is_a_duplicate_of_the_first_delivery() {
        long user = Payloads.uniqueId();
        String body = Payloads.toolzz(user, 987654, "2022-03-10 18:56:47");
        Map<String, String> headers = WebhookClient.signed(TOOLZZ_SECRET, "msg_" + user, body, Instant.now());

        JsonNode first = webhooks().postJson("toolzz", body, headers).json();
        Reply again = webhooks().postJson("toolzz", body, headers);

        assertThat(first.path("status").asString()).isEqualTo("accepted");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("status").asString()).isEqualTo("duplicate");
        assertThat(again.json().path("duplicateOf").asString()).isEqualTo(first.path("deliveryId").asString());
        assertThat(again.json().path("events")).isEqualTo(first.path("events"));
        assertThat(eventsOf("trail:12345:" + user + ":987654")).isEqualTo(1);
    }

    @Test
    void the_same_phoenix_event_id_again_is_a_duplicate() {
        String talent = Payloads.newTalentId();
        String body = Payloads.phoenix(talent, Payloads.uniqueId(), "NOT_STARTED", "2023-07-09T14:59:53.085Z");

        assertThat(webhooks().phoenix(body).json().path("status").asString()).isEqualTo("accepted");
        JsonNode again = webhooks().phoenix(body).json();

        assertThat(again.path("status").asString()).isEqualTo("duplicate");
        assertThat(again.path("duplicateOf").isString()).isTrue();
        assertThat(eventsOf("talent:" + talent)).isEqualTo(1);
    }

    @Test
    void the_same_block_content_under_a_new_phoenix_event_id_records_nothing() {
        String talent = Payloads.newTalentId();
        webhooks().phoenix(Payloads.phoenix(talent, Payloads.uniqueId(), "NOT_STARTED", "2023-07-09T14:59:53.085Z"));

        JsonNode resent = webhooks().phoenix(Payloads.phoenix(talent, Payloads.uniqueId(), "NOT_STARTED",
                "2023-07-09T15:10:00Z")).json();

        assertThat(resent.path("status").asString()).isEqualTo("duplicate");
        assertThat(resent.path("events").size()).isZero();
        assertThat(resent.has("duplicateOf")).isFalse();
        assertThat(eventsOf("talent:" + talent)).isEqualTo(1);
    }

    @Test
    void a_late_older_status_is_answered_as_a_stale_duplicate_and_the_view_never_moves_back() {
        String talent = Payloads.newTalentId();
        webhooks().phoenix(Payloads.phoenix(talent, Payloads.uniqueId(), "NOT_STARTED", "2023-07-09T10:00:00Z"));
        JsonNode finished = webhooks().phoenix(Payloads.phoenix(talent, Payloads.uniqueId(), "FINISHED",
                "2023-07-09T12:00:00Z")).json();

        JsonNode late = webhooks().phoenix(Payloads.phoenix(talent, Payloads.uniqueId(), "IN_PROGRESS",
                "2023-07-09T11:00:00Z")).json();

        assertThat(finished.path("events").get(0).path("type").asString()).isEqualTo("TalentBlockStatusChanged");
        assertThat(late.path("status").asString()).isEqualTo("duplicate");
        assertThat(late.path("reason").asString()).startsWith("stale");
        assertThat(eventsOf("talent:" + talent)).isEqualTo(2);
    }

    @Test
    void a_learner_completing_a_trail_again_later_is_a_second_completion() {
        long user = Payloads.uniqueId();
        JsonNode first = webhooks().toolzz(Payloads.toolzz(user, 42, "2022-03-10 18:56:47")).json();
        JsonNode repeat = webhooks().toolzz(Payloads.toolzz(user, 42, "2022-03-10 18:56:47")).json();
        JsonNode second = webhooks().toolzz(Payloads.toolzz(user, 42, "2022-09-01 08:00:00")).json();

        assertThat(first.path("status").asString()).isEqualTo("accepted");
        assertThat(repeat.path("status").asString()).isEqualTo("duplicate");
        assertThat(second.path("status").asString()).isEqualTo("accepted");
        assertThat(second.path("events").get(0).path("sequenceNumber").asLong()).isEqualTo(1);
        assertThat(eventsOf("trail:12345:" + user + ":42")).isEqualTo(2);
    }

    @Test
    void two_hundred_concurrent_copies_of_one_delivery_make_one_event() throws Exception {
        String talent = Payloads.newTalentId();
        String body = Payloads.phoenix(talent, Payloads.uniqueId(), "NOT_STARTED", "2023-07-09T14:59:53.085Z");

        List<JsonNode> answers = concurrently(200, () -> webhooks().phoenix(body));

        assertThat(answers).extracting(a -> a.path("status").asString()).containsOnly("accepted", "duplicate");
        assertThat(answers).filteredOn(a -> a.path("status").asString().equals("accepted")).hasSize(1);
        assertThat(eventsOf("talent:" + talent)).isEqualTo(1);
        assertThat(deliveriesWithKey("phoenix-event:" + new ObjectReader(body).envelopeId())).isEqualTo(200);
    }

    @Test
    void two_hundred_concurrent_copies_of_one_signed_delivery_make_one_event() throws Exception {
        long user = Payloads.uniqueId();
        String body = Payloads.toolzz(user, 7, "2022-03-10 18:56:47");
        Map<String, String> headers = WebhookClient.signed(TOOLZZ_SECRET, "msg_concurrent_" + user, body,
                Instant.now());

        List<JsonNode> answers = concurrently(200, () -> webhooks().postJson("toolzz", body, headers));

        assertThat(answers).filteredOn(a -> a.path("status").asString().equals("accepted")).hasSize(1);
        assertThat(answers).filteredOn(a -> a.path("status").asString().equals("duplicate")).hasSize(199);
        assertThat(eventsOf("trail:12345:" + user + ":7")).isEqualTo(1);
    }

    private static List<JsonNode> concurrently(int copies, Callable<Reply> post) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(32);
        try {
            List<Future<Reply>> futures = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                futures.add(senders.submit(post));
            }
            List<JsonNode> answers = new ArrayList<>();
            for (Future<Reply> future : futures) {
                Reply reply = future.get();
                assertThat(reply.status()).as(reply.text()).isEqualTo(200);
                answers.add(reply.json());
            }
            return answers;
        } finally {
            senders.shutdownNow();
        }
    }

    private long eventsOf(String aggregateId) {
        return jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?").param(aggregateId)
                .query(Long.class).single();
    }

    private long deliveriesWithKey(String idempotencyKey) {
        return jdbc.sql("SELECT COUNT(*) FROM delivery WHERE idempotency_key = ?").param(idempotencyKey)
                .query(Long.class).single();
    }

    /** Reads the envelope id back from a Phoenix body. */
    private record ObjectReader(String body) {
        long envelopeId() {
            return tools.jackson.databind.json.JsonMapper.builder().build().readTree(body).path("id").asLong();
        }
    }
}
