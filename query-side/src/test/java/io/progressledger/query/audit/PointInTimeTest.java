package io.progressledger.query.audit;

import io.progressledger.events.personal.PersonalValue;
import io.progressledger.events.talent.BlockStatus;
import io.progressledger.events.talent.TalentBlockStatusChanged;
import io.progressledger.events.talent.TalentBlockUnlocked;
import io.progressledger.events.trail.Course;
import io.progressledger.events.trail.LearnerTrailId;
import io.progressledger.events.trail.TrailCompleted;
import io.progressledger.query.QuerySideTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ?asOf=} answers what the live view showed at that instant, computed from the events: the test reads the
 * live views after each change and notes the time, then asks for every noted time. Event times are stored to the
 * millisecond, which is the resolution of {@code asOf}.
 */
class PointInTimeTest extends QuerySideTest {

    private static final Instant T0 = Instant.parse("2023-07-09T14:59:53.072Z");

    private record Snapshot(Instant at, String talent, String blocks, String trails) {
    }

    @Test
    void a_view_as_of_an_instant_is_what_the_live_view_showed_then() {
        String talent = UUID.randomUUID().toString();
        long institution = uniqueId();
        long user = uniqueId();
        String talentPath = "/api/talents/" + talent;
        String trailsPath = "/api/learners/" + institution + "/" + user + "/trails";
        List<Snapshot> seen = new ArrayList<>();
        List<Runnable> changes = List.of(
                () -> unlock(talent, "tb-1", 1),
                () -> complete(institution, user, 5, 1, T0),
                () -> unlock(talent, "tb-2", 2),
                () -> change(talent, "tb-1", 1, BlockStatus.NOT_STARTED, BlockStatus.IN_PROGRESS),
                () -> complete(institution, user, 5, 2, T0.plusSeconds(86_400)),
                () -> complete(institution, user, 6, 1, T0.plusSeconds(90_000)),
                () -> change(talent, "tb-1", 1, BlockStatus.IN_PROGRESS, BlockStatus.FINISHED));

        for (Runnable change : changes) {
            long position = positionAfter(change);
            String talentNow = get(talentPath + "?minPosition=" + position).body();
            String blocksNow = get(talentPath + "/blocks?minPosition=" + position).body();
            String trailsNow = get(trailsPath + "?minPosition=" + position).body();
            Instant at = Instant.now();
            seen.add(new Snapshot(at, talentNow, blocksNow, trailsNow));
            // The store keeps event times to the millisecond: the next change must fall in a later one.
            await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                    .until(() -> Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(at.truncatedTo(ChronoUnit.MILLIS)));
        }

        for (Snapshot snapshot : seen) {
            assertThat(get(talentPath + "?asOf=" + snapshot.at()).body()).isEqualTo(snapshot.talent());
            assertThat(get(talentPath + "/blocks?asOf=" + snapshot.at()).body()).isEqualTo(snapshot.blocks());
            assertThat(get(trailsPath + "?asOf=" + snapshot.at()).body()).isEqualTo(snapshot.trails());
        }
        assertThat(get(talentPath + "?asOf=2000-01-01T00:00:00Z").status()).isEqualTo(404);
        assertThat(get(talentPath + "?asOf=yesterday").status()).isEqualTo(400);
    }

    private long lastPosition;

    private long positionAfter(Runnable change) {
        change.run();
        return lastPosition;
    }

    private void unlock(String talent, String block, int order) {
        lastPosition = append("Talent", talent, new TalentBlockUnlocked(talent, "user", block, "block-" + order,
                "program", "phase", order, BlockStatus.NOT_STARTED, List.of(), T0, T0, provenance("phoenix")));
    }

    private void change(String talent, String block, int order, BlockStatus from, BlockStatus to) {
        lastPosition = append("Talent", talent, new TalentBlockStatusChanged(talent, "user", block, "block-" + order,
                "program", "phase", order, from, to, List.of("activity"), Instant.now(), provenance("phoenix")));
    }

    private void complete(long institution, long user, long trail, int number, Instant finishedAt) {
        lastPosition = append("Trail", new LearnerTrailId(institution, user, trail).asString(),
                new TrailCompleted(institution, user, new PersonalValue.Plain("Aluno"), new PersonalValue.Plain("aluno@toolzz.com"), trail, "Trail " + trail,
                        finishedAt, number, List.of(new Course(trail, "Course")), provenance("toolzz")));
    }
}
