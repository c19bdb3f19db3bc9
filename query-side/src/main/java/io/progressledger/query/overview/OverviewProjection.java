package io.progressledger.query.overview;

import io.progressledger.events.talent.TalentBlockUnlocked;
import io.progressledger.events.trail.TrailCompleted;
import io.progressledger.query.projection.Projection;
import io.progressledger.query.projection.Slot;
import io.progressledger.query.projection.ViewBatch;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The overview's distinct counts: each talent, learner (institution + user) and course is recorded once, and its total
 * grows only when the key is actually inserted, so applying an event twice changes nothing and a rebuild counts the
 * same. One segment: the totals are shared rows. A batch inserts its distinct keys, then adds what it inserted to
 * each total once.
 */
@Component
public class OverviewProjection implements Projection {

    public static final String NAME = "overview";
    static final String TALENTS = "talents";
    static final String LEARNERS = "learners";
    static final String COURSES = "courses";

    private final JdbcTemplate jdbc;

    public OverviewProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> tables() {
        return List.of(OverviewTotals.TALENT, OverviewTotals.LEARNER, OverviewTotals.COURSE, OverviewTotals.PROGRAM,
                OverviewTotals.INSTITUTION, OverviewTotals.TOTAL);
    }

    @Override
    public Set<Class<?>> eventTypes() {
        return Set.of(TalentBlockUnlocked.class, TrailCompleted.class);
    }

    @Override
    public ViewBatch batch(Slot slot) {
        return new Batch(slot);
    }

    @Override
    public boolean singleOrder() {
        return true;
    }

    private final class Batch implements ViewBatch {

        private final Slot slot;
        private final Set<String> talents = new LinkedHashSet<>();
        private final Set<String> programs = new LinkedHashSet<>();
        private final Set<List<Long>> learners = new LinkedHashSet<>();
        private final Set<Long> courses = new LinkedHashSet<>();

        Batch(Slot slot) {
            this.slot = slot;
        }

        @Override
        public void add(EventMessage<?> event) {
            Object payload = event.getPayload();
            if (payload instanceof TalentBlockUnlocked unlocked) {
                talents.add(unlocked.talentId());
                programs.add(unlocked.programId());
            } else if (payload instanceof TrailCompleted completed) {
                learners.add(List.of(completed.institutionId(), completed.userId()));
                completed.courses().forEach(course -> courses.add(course.id()));
            }
        }

        @Override
        public void write() {
            Map<String, Long> added = new LinkedHashMap<>();
            added.put(TALENTS, (long) insert("""
                    MERGE INTO %s t USING (SELECT CAST(? AS VARCHAR(255)) AS talent_id) k ON t.talent_id = k.talent_id
                    WHEN NOT MATCHED THEN INSERT (talent_id) VALUES (k.talent_id)""", OverviewTotals.TALENT,
                    single(talents)).size());
            insert("""
                    MERGE INTO %s t USING (SELECT CAST(? AS VARCHAR(255)) AS program_id) k ON t.program_id = k.program_id
                    WHEN NOT MATCHED THEN INSERT (program_id) VALUES (k.program_id)""", OverviewTotals.PROGRAM,
                    single(programs));
            List<Object[]> newLearners = insert("""
                    MERGE INTO %s t USING (SELECT CAST(? AS BIGINT) AS institution_id, CAST(? AS BIGINT) AS user_id) k
                    ON t.institution_id = k.institution_id AND t.user_id = k.user_id
                    WHEN NOT MATCHED THEN INSERT (institution_id, user_id) VALUES (k.institution_id, k.user_id)""",
                    OverviewTotals.LEARNER, learners.stream().map(List::toArray).toList());
            added.put(LEARNERS, (long) newLearners.size());
            // An institution is seen with its first learner.
            Set<Object> institutions = new LinkedHashSet<>();
            newLearners.forEach(learner -> institutions.add(learner[0]));
            insert("""
                    MERGE INTO %s t USING (SELECT CAST(? AS BIGINT) AS institution_id) k
                    ON t.institution_id = k.institution_id
                    WHEN NOT MATCHED THEN INSERT (institution_id) VALUES (k.institution_id)""",
                    OverviewTotals.INSTITUTION, single(institutions));
            added.put(COURSES, (long) insert("""
                    MERGE INTO %s t USING (SELECT CAST(? AS BIGINT) AS course_id) k ON t.course_id = k.course_id
                    WHEN NOT MATCHED THEN INSERT (course_id) VALUES (k.course_id)""", OverviewTotals.COURSE,
                    single(courses)).size());
            List<Object[]> increments = new ArrayList<>();
            added.forEach((total, amount) -> {
                if (amount > 0) {
                    increments.add(new Object[]{total, amount});
                }
            });
            if (!increments.isEmpty()) {
                jdbc.batchUpdate("""
                        MERGE INTO %s t USING (SELECT CAST(? AS VARCHAR(32)) AS total, CAST(? AS BIGINT) AS amount) k
                        ON t.total = k.total
                        WHEN MATCHED THEN UPDATE SET amount = t.amount + k.amount
                        WHEN NOT MATCHED THEN INSERT (total, amount) VALUES (k.total, k.amount)"""
                        .formatted(slot.table(OverviewTotals.TOTAL)), increments);
            }
        }

        /** Inserts the keys not there yet; answers those it inserted. */
        private List<Object[]> insert(String merge, String table, List<Object[]> keys) {
            if (keys.isEmpty()) {
                return List.of();
            }
            int[] counts = jdbc.batchUpdate(merge.formatted(slot.table(table)), keys);
            List<Object[]> inserted = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 1) {
                    inserted.add(keys.get(i));
                }
            }
            return inserted;
        }

        private static List<Object[]> single(Collection<?> keys) {
            return keys.stream().map(key -> new Object[]{key}).toList();
        }
    }
}
