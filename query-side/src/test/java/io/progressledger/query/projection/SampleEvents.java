package io.progressledger.query.projection;

import io.progressledger.events.Provenance;
import io.progressledger.events.learner.LearnerDataErased;
import io.progressledger.events.personal.PersonalValue;
import io.progressledger.events.talent.BlockStatus;
import io.progressledger.events.talent.TalentBlockStatusChanged;
import io.progressledger.events.talent.TalentBlockUnlocked;
import io.progressledger.events.trail.Course;
import io.progressledger.events.trail.TrailCompleted;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Events for the projections' tests on a bare database, and histories that mix them. */
public final class SampleEvents {

    public static final Instant UNLOCKED_AT = Instant.parse("2024-02-01T10:00:00Z");
    public static final Instant FINISHED_AT = Instant.parse("2022-03-10T21:56:47Z");
    private static final Provenance PROVENANCE = new Provenance("test", "sender-1", "delivery-1", UNLOCKED_AT);

    private SampleEvents() {
    }

    /** Block {@code block} of talent {@code talent} (user {@code user-<talent>}, program-1, phase-1) unlocked. */
    public static TalentBlockUnlocked unlocked(String talent, String block, int order) {
        return new TalentBlockUnlocked(talent, "user-" + talent, block, "block-" + block, "program-1", "phase-1",
                order, BlockStatus.NOT_STARTED, List.of("a1"), UNLOCKED_AT.plusSeconds(order),
                UNLOCKED_AT.plusSeconds(order), PROVENANCE);
    }

    /** A block's status changed {@code second} seconds after the unlocks; its activities gain {@code a<second>}. */
    public static TalentBlockStatusChanged changed(String talent, String block, int order, BlockStatus from,
                                                   BlockStatus to, long second) {
        return new TalentBlockStatusChanged(talent, "user-" + talent, block, "block-" + block, "program-1",
                "phase-1", order, from, to, List.of("a1", "a" + second), UNLOCKED_AT.plusSeconds(second), PROVENANCE);
    }

    /** Completion {@code number} of a trail by user {@code user} of institution 1, with courses titled by number. */
    public static TrailCompleted completed(long user, long trail, int number, long... courses) {
        List<Course> list = new ArrayList<>();
        for (long course : courses) {
            list.add(new Course(course, "Course " + course + " #" + number));
        }
        return new TrailCompleted(1, user, PersonalValue.plain("Aluno " + user),
                PersonalValue.plain("aluno" + user + "@toolzz.com"), trail, "Trail " + trail,
                FINISHED_AT.plusSeconds(user * 100 + number), number, list, PROVENANCE);
    }

    /** The personal data of user {@code user} of institution 1 erased. */
    public static LearnerDataErased erased(long user) {
        return new LearnerDataErased(1, user, 1, 0, List.of(), "dpo", "request", FINISHED_AT.plusSeconds(9_999));
    }

    /** Several talents' unlocks and status changes, interleaved. */
    public static List<Object> talentHistory() {
        List<Object> events = new ArrayList<>();
        for (int talent = 0; talent < 6; talent++) {
            for (int order = 1; order <= 3; order++) {
                events.add(unlocked("t" + talent, "b" + order, order));
            }
        }
        for (int talent = 0; talent < 6; talent += 2) {
            events.add(changed("t" + talent, "b1", 1, BlockStatus.NOT_STARTED, BlockStatus.IN_PROGRESS, 100 + talent));
            events.add(unlocked("t" + talent, "b9", 9));
            events.add(changed("t" + talent, "b1", 1, BlockStatus.IN_PROGRESS, BlockStatus.FINISHED, 200 + talent));
        }
        return events;
    }

    /** Completions of several learners, repeated completions, shared courses and erasures in between. */
    public static List<Object> trailHistory() {
        List<Object> events = new ArrayList<>();
        for (int user = 1; user <= 8; user++) {
            events.add(completed(user, 10 + user % 3, 1, 1, 2));
            events.add(completed(user, 20, 1, 2, 3, 3));
            if (user % 3 == 0) {
                events.add(erased(user));
            }
            events.add(completed(user, 20, 2, 3, 4));
        }
        events.add(erased(2));
        return events;
    }

    /** Both histories, talents' first. */
    public static List<Object> history() {
        List<Object> events = new ArrayList<>(talentHistory());
        events.addAll(trailHistory());
        return events;
    }
}
