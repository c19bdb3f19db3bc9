package io.progressledger.command.privacy;

import io.progressledger.command.CommandSideTest;
import io.progressledger.command.Payloads;
import io.progressledger.command.WebhookClient.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A sender's name or email that looks like the ledger's own stored form (the {@code sealed:v1:} strings of earlier
 * versions, or the JSON of a typed value) is just text: it is sealed like any other value, and stored in the typed
 * form, so it is never written in clear and never taken for something the ledger sealed.
 */
class LookalikePersonalValuesTest extends CommandSideTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void a_name_shaped_like_a_sealed_value_is_sealed_like_any_other() throws IOException {
        long user = Payloads.uniqueId();
        String hidden = "Hidden Name " + UUID.randomUUID();
        String name = "sealed:v1:" + UUID.randomUUID() + ":" + hidden;
        String email = "lookalike-" + UUID.randomUUID() + "@example.com";

        Reply reply = webhooks().toolzz(Payloads.toolzz(user, 556001, "2024-05-01 10:00:00", name, email));

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        long position = reply.json().path("events").get(0).path("globalPosition").asLong();
        JsonNode stored = JSON.readTree(jdbc.sql("SELECT payload FROM DomainEventEntry WHERE globalIndex = ?")
                .param(position).query(byte[].class).single());
        assertThat(stored.path("userName").path("sealed").path("ciphertext").asString()).isNotBlank();
        assertThat(stored.path("userEmail").path("sealed").path("ciphertext").asString()).isNotBlank();
        assertThat(stored.toString()).doesNotContain(hidden);
        // The file is written in the background: wait until this delivery's event is in it, then look for the name.
        String deliveryId = reply.json().path("deliveryId").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> databaseFile().contains(deliveryId));
        assertThat(databaseFile()).doesNotContain(hidden);
    }

    private String databaseFile() throws IOException {
        return new String(Files.readAllBytes(DATA_DIR.resolve("events.mv.db")), StandardCharsets.ISO_8859_1);
    }
}
