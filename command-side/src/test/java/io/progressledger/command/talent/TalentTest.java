package io.progressledger.command.talent;

import io.progressledger.command.Decision;
import io.progressledger.events.Provenance;
import io.progressledger.events.talent.BlockStatus;
import io.progressledger.events.talent.TalentBlockStatusChanged;
import io.progressledger.events.talent.TalentBlockUnlocked;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.progressledger.events.talent.BlockStatus.FINISHED;
import static io.progressledger.events.talent.BlockStatus.IN_PROGRESS;
import static io.progressledger.events.talent.BlockStatus.NOT_STARTED;

class TalentTest {

    private static final String TALENT = "9c40bc21-5269-46d8-9b8d-c8c7f85c6499";
    private static final String BLOCK = "eb7ef94b-9da8-4650-a9c0-0682101dc703";
    private static final Instant CREATED = Instant.parse("2023-07-09T14:59:53.072Z");
    private static final Instant UPDATED = Instant.parse("2023-07-09T14:59:53.085Z");

    private AggregateTestFixture<Talent> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Talent.class);
    }

    @Test
    void first_delivery_of_a_block_unlocks_it() {
        fixture.givenNoPriorActivity()
                .when(unlock(NOT_STARTED, UPDATED, "6098395"))
                .expectEvents(unlocked(NOT_STARTED, UPDATED, "6098395"))
                .expectResultMessagePayload(Decision.RECORDED);
    }

    @Test
    void repeated_delivery_of_the_same_block_emits_nothing() {
        fixture.given(unlocked(NOT_STARTED, UPDATED, "6098395"))
                .when(unlock(NOT_STARTED, UPDATED, "6098395"))
                .expectNoEvents()
                .expectResultMessagePayload(Decision.DUPLICATE);
    }

    @Test
    void the_same_content_under_a_new_sender_event_is_still_a_duplicate() {
        fixture.given(unlocked(NOT_STARTED, UPDATED, "6098395"))
                .when(unlock(NOT_STARTED, UPDATED.plusSeconds(30), "6098400"))
                .expectNoEvents()
                .expectResultMessagePayload(Decision.DUPLICATE);
    }

    @Test
    void a_newer_status_changes_the_block() {
        fixture.given(unlocked(NOT_STARTED, UPDATED, "6098395"))
                .when(unlock(IN_PROGRESS, UPDATED.plusSeconds(60), "6098401"))
                .expectEvents(new TalentBlockStatusChanged(TALENT, "user-1", BLOCK, "block-1", "program-1",
                        "phase-1", 1, NOT_STARTED, IN_PROGRESS, List.of(), UPDATED.plusSeconds(60),
                        provenance("6098401")))
                .expectResultMessagePayload(Decision.RECORDED);
    }

    @Test
    void a_status_older_than_the_applied_one_is_stale_and_changes_nothing() {
        fixture.given(unlocked(NOT_STARTED, UPDATED, "6098395"),
                        changed(NOT_STARTED, FINISHED, UPDATED.plusSeconds(120), "6098402"))
                .when(unlock(IN_PROGRESS, UPDATED.plusSeconds(60), "6098401"))
                .expectNoEvents()
                .expectResultMessagePayload(Decision.STALE);
    }

    @Test
    void at_the_same_update_time_the_higher_sender_event_id_wins() {
        fixture.given(unlocked(NOT_STARTED, UPDATED, "6098395"))
                .when(unlock(IN_PROGRESS, UPDATED, "6098394"))
                .expectNoEvents()
                .expectResultMessagePayload(Decision.STALE);
        fixture.given(unlocked(NOT_STARTED, UPDATED, "998"))
                .when(unlock(IN_PROGRESS, UPDATED, "1000"))
                .expectEvents(changed(NOT_STARTED, IN_PROGRESS, UPDATED, "1000"));
    }

    @Test
    void a_block_moved_to_another_program_is_refused() {
        fixture.given(unlocked(NOT_STARTED, UPDATED, "6098395"))
                .when(new UnlockTalentBlock(TALENT, "user-1", BLOCK, "block-1", "program-2", "phase-1", 1,
                        IN_PROGRESS, List.of(), CREATED, UPDATED.plusSeconds(5), provenance("6098396")))
                .expectNoEvents()
                .expectException(ConflictingBlockContent.class)
                .expectExceptionMessage("talent block " + BLOCK + " was unlocked with another programId; "
                        + "only its status may change");
    }

    @Test
    void other_activities_under_the_same_status_are_refused() {
        fixture.given(unlocked(NOT_STARTED, UPDATED, "6098395"))
                .when(new UnlockTalentBlock(TALENT, "user-1", BLOCK, "block-1", "program-1", "phase-1", 1,
                        NOT_STARTED, List.of("activity-9"), CREATED, UPDATED.plusSeconds(5), provenance("6098396")))
                .expectNoEvents()
                .expectException(ConflictingBlockContent.class);
    }

    @Test
    void blocks_of_one_talent_are_independent() {
        fixture.given(unlocked(NOT_STARTED, UPDATED, "6098395"))
                .when(new UnlockTalentBlock(TALENT, "user-1", "another-block", "block-2", "program-1", "phase-1", 2,
                        NOT_STARTED, List.of(), CREATED, UPDATED, provenance("6098399")))
                .expectEvents(new TalentBlockUnlocked(TALENT, "user-1", "another-block", "block-2", "program-1",
                        "phase-1", 2, NOT_STARTED, List.of(), CREATED, UPDATED, provenance("6098399")));
    }


    private static UnlockTalentBlock unlock(BlockStatus status, Instant updatedAt, String senderEventId) {
        return new UnlockTalentBlock(TALENT, "user-1", BLOCK, "block-1", "program-1", "phase-1", 1, status,
                List.of(), CREATED, updatedAt, provenance(senderEventId));
    }

    private static TalentBlockUnlocked unlocked(BlockStatus status, Instant updatedAt, String senderEventId) {
        return new TalentBlockUnlocked(TALENT, "user-1", BLOCK, "block-1", "program-1", "phase-1", 1, status,
                List.of(), CREATED, updatedAt, provenance(senderEventId));
    }

    private static TalentBlockStatusChanged changed(BlockStatus from, BlockStatus to, Instant updatedAt,
                                                    String senderEventId) {
        return new TalentBlockStatusChanged(TALENT, "user-1", BLOCK, "block-1", "program-1", "phase-1", 1, from, to,
                List.of(), updatedAt, provenance(senderEventId));
    }

    private static Provenance provenance(String senderEventId) {
        return new Provenance("phoenix", senderEventId, "delivery-" + senderEventId,
                Instant.parse("2023-07-09T15:00:00Z"));
    }
}
