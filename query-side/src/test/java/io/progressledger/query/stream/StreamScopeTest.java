package io.progressledger.query.stream;

import io.progressledger.query.api.ReadScope;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What a token's live stream may carry: its institutions' completions and its programs' blocks, nothing else. */
class StreamScopeTest {

    private static final Instant AT = Instant.parse("2024-06-01T10:00:00Z");
    private static final ProgressChange OUR_COMPLETION = new ProgressChange.Completed("TrailCompleted", 1, 10L, 1L,
            100L, 1, AT);
    private static final ProgressChange THEIR_COMPLETION = new ProgressChange.Completed("TrailCompleted", 2, 20L,
            2L, 100L, 1, AT);
    private static final ProgressChange OUR_BLOCK = new ProgressChange.BlockUnlocked("TalentBlockUnlocked", 3, "t1",
            "tb1", "program-p", "phase", 1, "NOT_STARTED", AT);
    private static final ProgressChange THEIR_CHANGE = new ProgressChange.BlockStatusChanged(
            "TalentBlockStatusChanged", 4, "t2", "tb2", "program-q", "phase", 1, "NOT_STARTED", "IN_PROGRESS", AT);

    @Test
    void a_scoped_stream_carries_only_its_institutions_and_programs() {
        StreamFilter everything = new StreamFilter(null, null, null, null, null,
                ReadScope.of("token", Set.of(10L), Set.of("program-p")));

        assertThat(everything.matches(OUR_COMPLETION)).isTrue();
        assertThat(everything.matches(OUR_BLOCK)).isTrue();
        assertThat(everything.matches(THEIR_COMPLETION)).isFalse();
        assertThat(everything.matches(THEIR_CHANGE)).isFalse();
    }

    @Test
    void a_filter_cannot_widen_the_scope() {
        StreamFilter theirs = new StreamFilter(null, null, 20L, null, null, ReadScope.of("token", Set.of(10L),
                Set.of()));
        StreamFilter institutionsOnly = new StreamFilter(null, null, null, null, null, ReadScope.of("token",
                Set.of(10L), Set.of()));

        assertThat(theirs.matches(THEIR_COMPLETION)).isFalse();
        assertThat(institutionsOnly.matches(OUR_BLOCK)).as("no program in the scope: no block").isFalse();
    }

    @Test
    void an_unscoped_token_sees_every_change() {
        StreamFilter all = new StreamFilter(null, null, null, null, null, ReadScope.EVERYTHING);

        assertThat(all.matches(OUR_COMPLETION)).isTrue();
        assertThat(all.matches(THEIR_COMPLETION)).isTrue();
        assertThat(all.matches(OUR_BLOCK)).isTrue();
        assertThat(all.matches(THEIR_CHANGE)).isTrue();
    }
}
