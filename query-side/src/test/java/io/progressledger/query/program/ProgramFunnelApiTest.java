package io.progressledger.query.program;

import io.progressledger.events.talent.BlockStatus;
import io.progressledger.events.talent.TalentBlockStatusChanged;
import io.progressledger.events.talent.TalentBlockUnlocked;
import io.progressledger.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.progressledger.events.talent.BlockStatus.FINISHED;
import static io.progressledger.events.talent.BlockStatus.IN_PROGRESS;
import static io.progressledger.events.talent.BlockStatus.NOT_STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/** The program funnel over real HTTP: per phase and block order, how many talents got there and where they are. */
class ProgramFunnelApiTest extends QuerySideTest {

    private static final Instant T0 = Instant.parse("2023-07-09T14:59:53Z");

    @Test
    void the_funnel_counts_talents_per_block_order_and_status() {
        String program = "program-" + UUID.randomUUID();
        String anna = UUID.randomUUID().toString();
        String ben = UUID.randomUUID().toString();
        unlock(program, anna, "anna-1", 1, NOT_STARTED);
        unlock(program, ben, "ben-1", 1, NOT_STARTED);
        unlock(program, anna, "anna-2", 2, NOT_STARTED);
        change(program, anna, "anna-1", 1, NOT_STARTED, FINISHED);
        long last = change(program, anna, "anna-2", 2, NOT_STARTED, IN_PROGRESS);

        JsonNode funnel = get("/api/programs/" + program + "/funnel?minPosition=" + last).json();

        assertThat(funnel.path("unlocked").asLong()).isEqualTo(3);
        assertThat(funnel.path("statusCounts").path("FINISHED").asLong()).isEqualTo(1);
        JsonNode blocks = funnel.path("phases").get(0).path("blocks");
        assertThat(blocks.get(0).path("order").asInt()).isEqualTo(1);
        assertThat(blocks.get(0).path("unlocked").asLong()).isEqualTo(2);
        assertThat(blocks.get(0).path("statusCounts").path("NOT_STARTED").asLong()).isEqualTo(1);
        assertThat(blocks.get(0).path("statusCounts").path("FINISHED").asLong()).isEqualTo(1);
        assertThat(blocks.get(1).path("unlocked").asLong()).isEqualTo(1);
        assertThat(blocks.get(1).path("statusCounts").path("IN_PROGRESS").asLong()).isEqualTo(1);
        assertThat(blocks.get(1).path("statusCounts").path("NOT_STARTED").asLong()).isZero();
    }

    @Test
    void an_unknown_program_or_phase_is_404() {
        String program = "program-" + UUID.randomUUID();
        long position = unlock(program, UUID.randomUUID().toString(), "b", 1, NOT_STARTED);

        assertThat(get("/api/programs/" + program + "/funnel?minPosition=" + position).status()).isEqualTo(200);
        assertThat(get("/api/programs/" + program + "/funnel?talentPhaseId=nope").status()).isEqualTo(404);
        assertThat(get("/api/programs/nope-" + UUID.randomUUID() + "/funnel").status()).isEqualTo(404);
    }

    private long unlock(String program, String talent, String block, int order, BlockStatus status) {
        return append("Talent", talent, new TalentBlockUnlocked(talent, "user", block, "block-" + order, program,
                "phase-1", order, status, List.of(), T0, T0, provenance("phoenix")));
    }

    private long change(String program, String talent, String block, int order, BlockStatus from, BlockStatus to) {
        return append("Talent", talent, new TalentBlockStatusChanged(talent, "user", block, "block-" + order,
                program, "phase-1", order, from, to, List.of(), T0.plusSeconds(60), provenance("phoenix")));
    }
}
