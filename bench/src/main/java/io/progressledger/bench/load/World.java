package io.progressledger.bench.load;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the driver believes the ledger holds: how far each talent has got and how often each learner completed each
 * trail. A talent or a learner's trail is lent to one sender at a time ({@link #reserveTalent}), so that its
 * deliveries arrive in order, as one sender's do; one whose answer was lost or unexpected is never used again,
 * so the driver never guesses what the ledger recorded.
 */
public final class World {

    private final Catalog catalog;
    private final int talents;
    private final int learners;
    private final byte[] talentSteps;
    private final byte[] completions;
    private final BitSet busyTalents = new BitSet();
    private final BitSet busySlots = new BitSet();
    private final BitSet taintedTalents = new BitSet();
    private final BitSet taintedSlots = new BitSet();

    public World(Catalog catalog, int talents, int learners) {
        this.catalog = catalog;
        this.talents = talents;
        this.learners = learners;
        this.talentSteps = new byte[talents];
        this.completions = new byte[learners * Catalog.TRAIL_SLOTS];
    }

    /**
     * Room for {@code events} events with 70 % Phoenix steps: a talent averages a third of its path and a learner's
     * trail 1.5 completions, so most aggregates see several events and many trails are completed again.
     */
    public static World sizedFor(Catalog catalog, long events) {
        int talents = (int) Math.max(64, Math.ceil(events * 0.7 / (Catalog.STEPS / 3.0)));
        int learners = (int) Math.max(64, Math.ceil(events * 0.3 / (Catalog.TRAIL_SLOTS * 1.5)));
        return new World(catalog, talents, learners);
    }

    public Catalog catalog() {
        return catalog;
    }

    public int talents() {
        return talents;
    }

    public int learners() {
        return learners;
    }

    /** The next step of a talent that nobody else is sending for; null when every talent is done or busy. */
    public synchronized TalentStep reserveTalent(SplittableRandom random) {
        int talent = pick(random, talents, t -> !busyTalents.get(t) && !taintedTalents.get(t)
                && talentSteps[t] < Catalog.STEPS);
        if (talent < 0) {
            return null;
        }
        busyTalents.set(talent);
        return new TalentStep(talent, talentSteps[talent]);
    }

    /** The next completion of a learner's trail that nobody else is sending for; null when none is left. */
    public synchronized TrailStep reserveTrail(SplittableRandom random) {
        int slot = pick(random, learners * Catalog.TRAIL_SLOTS, s -> !busySlots.get(s) && !taintedSlots.get(s)
                && completions[s] < Catalog.MAX_COMPLETIONS);
        if (slot < 0) {
            return null;
        }
        busySlots.set(slot);
        return new TrailStep(slot / Catalog.TRAIL_SLOTS, slot % Catalog.TRAIL_SLOTS, completions[slot] + 1);
    }

    /** Gives a reserved fact back: recorded (the ledger holds it now), not recorded, or unknown (never reuse). */
    public synchronized void release(Fact fact, Outcome outcome) {
        if (fact instanceof TalentStep step) {
            busyTalents.clear(step.talent());
            if (outcome == Outcome.RECORDED) {
                talentSteps[step.talent()]++;
            } else if (outcome == Outcome.UNKNOWN) {
                taintedTalents.set(step.talent());
            }
        } else if (fact instanceof TrailStep step) {
            int slot = step.learner() * Catalog.TRAIL_SLOTS + step.slot();
            busySlots.clear(slot);
            if (outcome == Outcome.RECORDED) {
                completions[slot]++;
            } else if (outcome == Outcome.UNKNOWN) {
                taintedSlots.set(slot);
            }
        }
    }

    public enum Outcome { RECORDED, NOT_RECORDED, UNKNOWN }

    public synchronized int stepsOf(int talent) {
        return talentSteps[talent];
    }

    public synchronized int completionsOf(int learner, int slot) {
        return completions[learner * Catalog.TRAIL_SLOTS + slot];
    }

    public synchronized boolean tainted(TalentStep step) {
        return taintedTalents.get(step.talent());
    }

    /** Up to {@code n} distinct talents with at least one event and a known state. */
    public synchronized List<Integer> recordedTalents(SplittableRandom random, int n) {
        return sample(random, n, talents, t -> talentSteps[t] > 0 && !taintedTalents.get(t));
    }

    /** Up to {@code n} distinct learners with at least one completion and every trail's state known. */
    public synchronized List<Integer> recordedLearners(SplittableRandom random, int n) {
        return sample(random, n, learners, m -> {
            boolean any = false;
            for (int s = 0; s < Catalog.TRAIL_SLOTS; s++) {
                int slot = m * Catalog.TRAIL_SLOTS + s;
                if (taintedSlots.get(slot)) {
                    return false;
                }
                any |= completions[slot] > 0;
            }
            return any;
        });
    }

    private interface Candidate {
        boolean ok(int index);
    }

    /** Random tries first (cheap while the world is roomy), then a scan from a random start. */
    private static int pick(SplittableRandom random, int size, Candidate candidate) {
        for (int i = 0; i < 32; i++) {
            int index = random.nextInt(size);
            if (candidate.ok(index)) {
                return index;
            }
        }
        int start = random.nextInt(size);
        for (int i = 0; i < size; i++) {
            int index = (start + i) % size;
            if (candidate.ok(index)) {
                return index;
            }
        }
        return -1;
    }

    private static List<Integer> sample(SplittableRandom random, int n, int size, Candidate candidate) {
        List<Integer> chosen = new ArrayList<>();
        BitSet seen = new BitSet(size);
        for (int tries = 0; tries < n * 20 && chosen.size() < n; tries++) {
            int index = random.nextInt(size);
            if (!seen.get(index) && candidate.ok(index)) {
                seen.set(index);
                chosen.add(index);
            }
        }
        return chosen;
    }
}
