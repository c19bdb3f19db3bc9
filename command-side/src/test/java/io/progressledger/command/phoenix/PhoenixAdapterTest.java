package io.progressledger.command.phoenix;

import io.progressledger.command.Seeds;
import io.progressledger.command.talent.UnlockTalentBlock;
import io.progressledger.command.webhook.Interpretation;
import io.progressledger.command.webhook.Receipt;
import io.progressledger.command.webhook.StrictJson;
import io.progressledger.command.webhook.WebhookProblem;
import io.progressledger.events.Provenance;
import io.progressledger.events.talent.BlockStatus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Phoenix's webhook, translated without a server: what each body becomes. */
class PhoenixAdapterTest {

    private static final Receipt RECEIPT = new Receipt("delivery-1", "phoenix", Instant.parse("2024-01-01T00:00:00Z"));

    private final PhoenixAdapter adapter = new PhoenixAdapter();

    @Test
    void the_phoenix_example_becomes_an_unlock_of_its_block() {
        Interpretation interpretation = adapter.interpret(parse(Seeds.read(Seeds.PHOENIX)), RECEIPT);

        assertThat(interpretation).isEqualTo(new Interpretation.Command("TalentBlockUnlockedEvent",
                new UnlockTalentBlock("9c40bc21-5269-46d8-9b8d-c8c7f85c6499", "c8c7f85c6499-5269-46d8-9b8d-9c40bc21",
                        "eb7ef94b-9da8-4650-a9c0-0682101dc703", "5c9c487f-bdd9-4f3a-8549-a26a8a486c4f",
                        "dceea9b7-5740-4f33-b080-a54c27223107", "dd28e0a9-8729-4347-962b-3a6c376898af", 1,
                        BlockStatus.NOT_STARTED, List.of(), Instant.parse("2023-07-09T14:59:53.072Z"),
                        Instant.parse("2023-07-09T14:59:53.085Z"),
                        new Provenance("phoenix", "6098395", "delivery-1", RECEIPT.receivedAt())),
                "talent:9c40bc21-5269-46d8-9b8d-c8c7f85c6499", "6098395", "phoenix-event:6098395"));
    }

    @Test
    void a_block_without_status_is_in_progress_as_phoenix_schema_defaults() {
        String body = Seeds.read(Seeds.PHOENIX).replace("\"status\": \"NOT_STARTED\",", "");

        Interpretation interpretation = adapter.interpret(parse(body), RECEIPT);

        assertThat(((UnlockTalentBlock) ((Interpretation.Command) interpretation).command()).status())
                .isEqualTo(BlockStatus.IN_PROGRESS);
    }

    @Test
    void another_event_name_is_kept_for_later_with_its_envelope_id() {
        String body = Seeds.read(Seeds.PHOENIX).replace("\"TalentBlockUnlockedEvent\"", "\"TalentPhaseCompletedEvent\"");

        assertThat(adapter.interpret(parse(body), RECEIPT))
                .isEqualTo(new Interpretation.Unsupported("TalentPhaseCompletedEvent", "6098395"));
    }

    @Test
    void another_version_is_refused_as_unsupported() {
        String body = Seeds.read(Seeds.PHOENIX).replace("\"version\": 2", "\"version\": 3");

        Interpretation interpretation = adapter.interpret(parse(body), RECEIPT);

        assertThat(interpretation).isInstanceOf(Interpretation.Invalid.class);
        assertThat(((Interpretation.Invalid) interpretation).problem()).isEqualTo(WebhookProblem.UNSUPPORTED_VERSION);
    }

    @Test
    void phoenix_bodies_hold_no_personal_data() {
        assertThat(adapter.dataSubject(parse(Seeds.read(Seeds.PHOENIX)))).isEmpty();
    }

    static JsonNode parse(String body) {
        return StrictJson.parse(body.getBytes(StandardCharsets.UTF_8));
    }
}
