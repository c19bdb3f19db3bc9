package io.progressledger.bench.load;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Every id, name and time of the synthetic traffic, derived from an index and the run's seed, so that the driver,
 * the bulk loader and the audit agree on what a talent or a learner is without storing it. Shapes follow the two
 * senders' seed payloads: UUIDs for Phoenix, numbers for Toolzz, Phoenix's user id as its odd rearranged UUID.
 * <p>
 * A talent walks {@value #BLOCKS} blocks of its program in order (3 phases of 4), each block in three deliveries:
 * unlocked {@code NOT_STARTED}, then {@code IN_PROGRESS}, then {@code FINISHED}. A learner has {@value #TRAIL_SLOTS}
 * trails and completes each up to {@value #MAX_COMPLETIONS} times, a month apart. Every time falls in 2025 (UTC and
 * São Paulo), so one year of daily statistics covers them all.
 */
public final class Catalog {

    public static final int PROGRAMS = 8;
    public static final int PHASES = 3;
    public static final int BLOCKS_PER_PHASE = 4;
    public static final int BLOCKS = PHASES * BLOCKS_PER_PHASE;
    public static final int STAGES = 3;
    public static final int STEPS = BLOCKS * STAGES;
    public static final int INSTITUTIONS = 20;
    public static final int TRAILS = 30;
    public static final int COURSES = 60;
    public static final int TRAIL_SLOTS = 3;
    public static final int MAX_COMPLETIONS = 6;
    public static final ZoneId TOOLZZ_ZONE = ZoneId.of("America/Sao_Paulo");
    public static final String YEAR_FROM = "2025-01-01";
    public static final String YEAR_TO = "2025-12-31";
    public static final String[] STATUSES = {"NOT_STARTED", "IN_PROGRESS", "FINISHED"};

    private static final Instant YEAR_START = Instant.parse("2025-01-01T00:00:00Z");
    private static final LocalDateTime LOCAL_YEAR_START = LocalDateTime.parse("2025-01-01T08:00:00");
    private static final DateTimeFormatter TOOLZZ_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

    private final long seed;

    public Catalog(long seed) {
        this.seed = seed;
    }

    // ---- Phoenix: talents, programs, blocks

    public String talentId(int talent) {
        return uuid(1, talent);
    }

    /** Phoenix's user id is its talent's UUID with the first and last groups swapped, as in Phoenix's example. */
    public String phoenixUserId(int talent) {
        String[] groups = talentId(talent).split("-");
        return groups[4] + "-" + groups[1] + "-" + groups[2] + "-" + groups[3] + "-" + groups[0];
    }

    public int programOf(int talent) {
        return Math.floorMod(talent * 5 + 3, PROGRAMS);
    }

    public String programId(int program) {
        return uuid(2, program);
    }

    public String talentPhaseId(int program, int phase) {
        return uuid(3, program * 16L + phase);
    }

    public String blockId(int program, int block) {
        return uuid(4, program * 64L + block);
    }

    public String talentBlockId(int talent, int block) {
        return uuid(5, talent * 64L + block);
    }

    public String keyId(int talent, int step) {
        return uuid(6, talent * 64L + step);
    }

    public String activityId(int talent, int block, int n) {
        return uuid(7, (talent * 64L + block) * 4 + n);
    }

    /** Phoenix's event id: a number, unique per delivery, growing with each talent's steps. */
    public long phoenixEventId(int talent, int step) {
        return 10_000_000L + talent * 64L + step;
    }

    /** When Phoenix recorded a step: one talent's steps an hour apart, talents spread over the first half-year. */
    public Instant stepTime(int talent, int step) {
        long startSeconds = mix(8, talent) % (180L * 86_400);
        long jitterMillis = mix(9, talent * 64L + step) % 600_000;
        return YEAR_START.plusSeconds(startSeconds).plus(Duration.ofHours(step)).plusMillis(jitterMillis);
    }

    // ---- Toolzz: learners, trails, courses

    public long institutionId(int learner) {
        return 1_000 + learner % INSTITUTIONS;
    }

    public long toolzzUserId(int learner) {
        return 5_000_000L + learner;
    }

    public String learnerName(int learner) {
        return "Aluno " + learner;
    }

    public String learnerEmail(int learner) {
        return "aluno" + learner + "@toolzz.com";
    }

    public long trailId(int learner, int slot) {
        return 900_000 + Math.floorMod(learner * 7L + slot * 11L, TRAILS);
    }

    public static List<Long> trailIds() {
        List<Long> ids = new ArrayList<>();
        for (int t = 0; t < TRAILS; t++) {
            ids.add(900_000L + t);
        }
        return ids;
    }

    public static List<Long> institutionIds() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < INSTITUTIONS; i++) {
            ids.add(1_000L + i);
        }
        return ids;
    }

    public String trailName(long trailId) {
        return "Trilha " + (trailId - 900_000 + 1);
    }

    /** One to four courses per trail, from a catalog that trails share. */
    public List<Long> courseIds(long trailId) {
        int count = 1 + (int) (trailId % 4);
        List<Long> ids = new ArrayList<>(count);
        for (int j = 0; j < count; j++) {
            ids.add(123_000L + Math.floorMod(trailId * 3 + j, COURSES));
        }
        return ids;
    }

    public String courseTitle(long courseId) {
        return "Curso " + (courseId - 123_000 + 1);
    }

    /** Toolzz's local finish time of a learner's n-th completion (1-based) of the trail in a slot. */
    public LocalDateTime finishedAt(int learner, int slot, int completion) {
        long days = Math.floorMod(learner * 31L + slot * 97L, 150);
        return LOCAL_YEAR_START.plusDays(days + (completion - 1) * 30L)
                .plusMinutes(learner % 600)
                .plusSeconds(Math.floorMod(learner * 13L + slot, 60));
    }

    public static String toolzzTime(LocalDateTime time) {
        return TOOLZZ_TIME.format(time);
    }

    public static Instant toolzzInstant(LocalDateTime time) {
        return time.atZone(TOOLZZ_ZONE).toInstant();
    }

    // ---- ids

    /** A random-looking version-4 UUID, the same for the same kind and index in every run with this seed. */
    String uuid(int kind, long index) {
        long high = (mix(kind, index) & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long low = (mix(kind + 100, index) & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private long mix(int kind, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + kind * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }
}
