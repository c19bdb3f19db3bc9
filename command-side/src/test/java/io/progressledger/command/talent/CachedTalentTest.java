package io.progressledger.command.talent;

import io.progressledger.events.AggregateType;
import io.progressledger.command.CommandSideTest;
import io.progressledger.command.Payloads;
import io.progressledger.events.Provenance;
import io.progressledger.events.talent.BlockStatus;
import io.progressledger.events.talent.TalentBlockStatusChanged;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A talent cached by this node never decides on a stale copy: another node's event, appended after this node last
 * used the talent, is read before the next decision.
 */
class CachedTalentTest extends CommandSideTest {

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void an_event_another_node_appended_is_seen_before_this_node_decides_again() {
        String talent = Payloads.newTalentId();
        assertThat(webhooks().phoenix(Payloads.phoenix(talent, Payloads.uniqueId(), "NOT_STARTED",
                "2023-07-09T10:00:00Z")).json().path("status").asString()).isEqualTo("accepted");
        // Another command node moves the block on (straight into the store, as that node's repository does).
        transaction.executeWithoutResult(status -> eventStore.publish(new GenericDomainEventMessage<>("Talent",
                AggregateType.talent(talent), 1, new TalentBlockStatusChanged(talent, "c8c7f85c6499-5269-46d8-9b8d-9c40bc21",
                "eb7ef94b-9da8-4650-a9c0-0682101dc703", "5c9c487f-bdd9-4f3a-8549-a26a8a486c4f",
                "dceea9b7-5740-4f33-b080-a54c27223107", "dd28e0a9-8729-4347-962b-3a6c376898af", 1,
                BlockStatus.NOT_STARTED, BlockStatus.IN_PROGRESS, List.of(), Instant.parse("2023-07-09T11:00:00Z"),
                new Provenance("phoenix", "other-node", "other-node-delivery", Instant.now())))));

        // Back to NOT_STARTED, later than the other node's change: a new fact. On this node's stale copy (still
        // NOT_STARTED) it would have looked like a repeat of the first delivery.
        JsonNode back = webhooks().phoenix(Payloads.phoenix(talent, Payloads.uniqueId(), "NOT_STARTED",
                "2023-07-09T12:00:00Z")).json();

        assertThat(back.path("status").asString()).as(back.toString()).isEqualTo("accepted");
        assertThat(back.path("events").get(0).path("type").asString()).isEqualTo("TalentBlockStatusChanged");
        assertThat(back.path("events").get(0).path("sequenceNumber").asLong()).isEqualTo(2);
    }
}
