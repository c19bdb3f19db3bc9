package io.progressledger.query.overview;

import io.progressledger.events.talent.TalentBlockUnlocked;
import io.progressledger.events.trail.Course;
import io.progressledger.events.trail.TrailCompleted;
import io.progressledger.query.projection.Projection;
import io.progressledger.query.projection.Slot;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The overview's distinct counts: each talent, learner (institution + user) and course is recorded once, and its total
 * grows only when the key is actually inserted, so applying an event twice changes nothing and a rebuild counts the
 * same. One segment: the totals are shared rows.
 */
@Component
public class OverviewProjection implements Projection {

    public static final String NAME = "overview";
    static final String TALENTS = "talents";
    static final String LEARNERS = "learners";
    static final String COURSES = "courses";

    private final JdbcClient jdbc;

    public OverviewProjection(JdbcClient jdbc) {
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
    public Object writerFor(Slot slot) {
        return new Writer(slot);
    }

    @Override
    public boolean singleOrder() {
        return true;
    }

    final class Writer {

        private final String insertTalent;
        private final String insertLearner;
        private final String insertCourse;
        private final String insertProgram;
        private final String insertInstitution;
        private final String increment;

        Writer(Slot slot) {
            insertTalent = """
                    MERGE INTO %s t USING (SELECT CAST(? AS VARCHAR(255)) AS talent_id) k ON t.talent_id = k.talent_id
                    WHEN NOT MATCHED THEN INSERT (talent_id) VALUES (k.talent_id)""".formatted(
                    slot.table(OverviewTotals.TALENT));
            insertLearner = """
                    MERGE INTO %s t USING (SELECT CAST(? AS BIGINT) AS institution_id, CAST(? AS BIGINT) AS user_id) k
                    ON t.institution_id = k.institution_id AND t.user_id = k.user_id
                    WHEN NOT MATCHED THEN INSERT (institution_id, user_id) VALUES (k.institution_id, k.user_id)"""
                    .formatted(slot.table(OverviewTotals.LEARNER));
            insertCourse = """
                    MERGE INTO %s t USING (SELECT CAST(? AS BIGINT) AS course_id) k ON t.course_id = k.course_id
                    WHEN NOT MATCHED THEN INSERT (course_id) VALUES (k.course_id)""".formatted(
                    slot.table(OverviewTotals.COURSE));
            insertProgram = """
                    MERGE INTO %s t USING (SELECT CAST(? AS VARCHAR(255)) AS program_id) k ON t.program_id = k.program_id
                    WHEN NOT MATCHED THEN INSERT (program_id) VALUES (k.program_id)""".formatted(
                    slot.table(OverviewTotals.PROGRAM));
            insertInstitution = """
                    MERGE INTO %s t USING (SELECT CAST(? AS BIGINT) AS institution_id) k
                    ON t.institution_id = k.institution_id
                    WHEN NOT MATCHED THEN INSERT (institution_id) VALUES (k.institution_id)""".formatted(
                    slot.table(OverviewTotals.INSTITUTION));
            increment = """
                    MERGE INTO %s t USING (SELECT CAST(? AS VARCHAR(32)) AS total) k ON t.total = k.total
                    WHEN MATCHED THEN UPDATE SET amount = t.amount + 1
                    WHEN NOT MATCHED THEN INSERT (total, amount) VALUES (k.total, 1)""".formatted(
                    slot.table(OverviewTotals.TOTAL));
        }

        @EventHandler
        void on(TalentBlockUnlocked event) {
            if (jdbc.sql(insertTalent).param(event.talentId()).update() == 1) {
                jdbc.sql(increment).param(TALENTS).update();
            }
            jdbc.sql(insertProgram).param(event.programId()).update();
        }

        @EventHandler
        void on(TrailCompleted event) {
            if (jdbc.sql(insertLearner).params(event.institutionId(), event.userId()).update() == 1) {
                jdbc.sql(increment).param(LEARNERS).update();
                jdbc.sql(insertInstitution).param(event.institutionId()).update();
            }
            for (Course course : event.courses()) {
                if (jdbc.sql(insertCourse).param(course.id()).update() == 1) {
                    jdbc.sql(increment).param(COURSES).update();
                }
            }
        }
    }
}
