package io.progressledger.query.course;

import io.progressledger.query.projection.SampleEvents;
import io.progressledger.query.projection.Slot;
import io.progressledger.query.projection.ViewDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static io.progressledger.query.projection.SampleEvents.completed;
import static org.assertj.core.api.Assertions.assertThat;

/** The course completions view's writes, on a bare database: given events in batches, expect rows. */
class CourseCompletionsProjectionTest {

    final ViewDatabase db = new ViewDatabase();
    final CourseCompletionsProjection projection = new CourseCompletionsProjection(db.jdbc(),
            JsonMapper.builder().build());

    @Test
    void a_course_counts_each_completion_including_it_once_with_the_title_of_its_latest() {
        db.apply(projection, completed(1, 10, 1, 5, 6), completed(2, 10, 1, 5));
        db.apply(projection, completed(3, 10, 1, 5), completed(3, 10, 1, 5));

        assertThat(db.rows(Slot.A.table(Courses.COURSE))).extracting(row -> row.get("COURSE_ID") + ":"
                + row.get("COMPLETIONS") + ":" + row.get("TITLE"))
                .containsExactly("5:3:Course 5 #1", "6:1:Course 6 #1");
        assertThat(db.rows(Slot.A.table(Courses.COURSE_COMPLETION))).hasSize(4);
    }

    @Test
    void the_rows_are_the_same_however_the_events_are_cut_into_batches() {
        ViewDatabase.assertBatchesEqualEventByEvent(jdbc -> new CourseCompletionsProjection(jdbc, JsonMapper.builder().build()), SampleEvents.trailHistory());
    }
}
