package io.progressledger.query.api;

import io.progressledger.events.personal.PersonalValue;
import io.progressledger.events.talent.BlockStatus;
import io.progressledger.events.talent.TalentBlockUnlocked;
import io.progressledger.events.trail.Course;
import io.progressledger.events.trail.LearnerTrailId;
import io.progressledger.events.trail.TrailCompleted;
import io.progressledger.query.QuerySideTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query plans behind every dashboard read: H2 records each statement the views database runs (its query
 * statistics); after calling every dashboard GET, with and without its filters and cursors, each recorded SELECT on
 * a view table is explained: none may scan a view table whole, and no page may be sorted after reading every row
 * that matches (it must come off an index in order, and stop). Views grow with the event store, so either is a read
 * that slows down as history grows (a trail's completions took 3 s at a million events before this test existed).
 * The plans are written to {@code target/query-plans.txt} for review.
 */
class QueryPlansTest extends QuerySideTest {

    /** The views' tables, in either slot. */
    private static final Pattern VIEW_TABLE = Pattern.compile(
            "\\b(talent_block|program_funnel|trail_completion|course|course_completion|daily_activity|overview_total|overview_program|overview_institution)_[ab]\\b",
            Pattern.CASE_INSENSITIVE);
    /** A page: sorted, then cut. Read in index order, it stops at the page's end; sorted, it reads every match. */
    private static final Pattern PAGE = Pattern.compile("ORDER BY .* FETCH FIRST", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** A talent's blocks: as many as its program has, whatever the history; sorting them costs nothing. */
    private static final Pattern BOUNDED = Pattern.compile("FROM talent_block_[ab] WHERE talent_id = \\?",
            Pattern.CASE_INSENSITIVE);
    private static final Instant T0 = Instant.parse("2024-05-02T10:15:30Z");

    @Autowired
    private JdbcClient views;

    @BeforeEach
    void recordStatements() {
        views.sql("SET QUERY_STATISTICS_MAX_ENTRIES 10000").update();
        views.sql("SET QUERY_STATISTICS TRUE").update();
    }

    @AfterEach
    void stopRecording() {
        views.sql("SET QUERY_STATISTICS FALSE").update();
    }

    @Test
    void no_dashboard_read_scans_a_whole_view() throws IOException {
        String talent = "plan-talent-" + uniqueId();
        long institution = uniqueId();
        long user = uniqueId();
        long trail = uniqueId();
        long course = uniqueId();
        append("Talent", talent, new TalentBlockUnlocked(talent, "user-1", "block-1", "block-id-1", "program-plans",
                "phase-1", 1, BlockStatus.IN_PROGRESS, List.of(), T0, T0, provenance("phoenix")));
        long last = append("Trail", new LearnerTrailId(institution, user, trail).asString(),
                new TrailCompleted(institution, user, new PersonalValue.Plain("Aluno"), new PersonalValue.Plain("aluno@example.com"), trail, "Trail", T0, 1,
                        List.of(new Course(course, "Course")), provenance("toolzz")));

        String window = "from=2024-05-01T00:00:00Z&to=2024-05-03T00:00:00Z";
        List<String> reads = List.of(
                "/api/talents/" + talent,
                "/api/talents/" + talent + "/blocks",
                "/api/talents/" + talent + "/blocks?status=IN_PROGRESS&limit=1",
                "/api/programs/program-plans/funnel",
                "/api/programs/program-plans/funnel?talentPhaseId=phase-1",
                "/api/learners/" + institution + "/" + user + "/trails",
                "/api/trails/" + trail + "/completions",
                "/api/trails/" + trail + "/completions?institutionId=" + institution + "&" + window + "&limit=1",
                "/api/institutions/" + institution + "/completions",
                "/api/institutions/" + institution + "/completions?trailId=" + trail + "&" + window,
                "/api/courses?limit=1",
                "/api/courses/" + course,
                "/api/courses/" + course + "/completions?limit=1",
                "/api/stats/daily?from=2024-05-01&to=2024-05-03",
                "/api/stats/daily?from=2024-05-01&to=2024-05-03&institutionId=" + institution,
                "/api/stats/daily?from=2024-05-01&to=2024-05-03&programId=program-plans",
                "/api/overview");
        for (String read : reads) {
            // Each view has its own processor: every read waits for its own view to have the events.
            Response first = get(read + (read.contains("?") ? "&" : "?") + "minPosition=" + last);
            assertThat(first.status()).as(read).isEqualTo(200);
            String cursor = first.json().path("nextCursor").asString("");
            if (!cursor.isEmpty()) {
                assertThat(get(read + (read.contains("?") ? "&" : "?") + "cursor=" + cursor).status()).isEqualTo(200);
            }
        }

        Map<String, String> plans = new TreeMap<>();
        for (String sql : views.sql("SELECT SQL_STATEMENT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")
                .query(String.class).list()) {
            if (sql.strip().toUpperCase(Locale.ROOT).startsWith("SELECT") && VIEW_TABLE.matcher(sql).find()) {
                plans.put(sql, views.sql("EXPLAIN " + sql).query(String.class).single());
            }
        }
        write(plans);

        List<String> scans = new ArrayList<>();
        List<String> sorts = new ArrayList<>();
        plans.forEach((sql, plan) -> {
            if (plan.contains(".tableScan")) {
                scans.add(sql + "\n" + plan);
            }
            if (PAGE.matcher(sql).find() && !plan.contains("index sorted") && !BOUNDED.matcher(sql).find()) {
                sorts.add(sql + "\n" + plan);
            }
        });
        Set<String> tablesRead = new TreeSet<>();
        plans.keySet().forEach(sql -> VIEW_TABLE.matcher(sql).results()
                .forEach(table -> tablesRead.add(table.group(1).toLowerCase(Locale.ROOT))));
        assertThat(tablesRead).as("view tables the reads touched").containsExactlyInAnyOrder(
                "talent_block", "program_funnel", "trail_completion", "course", "course_completion", "daily_activity",
                "overview_total", "overview_program", "overview_institution");
        assertThat(scans).as("reads that scan a whole view").isEmpty();
        assertThat(sorts).as("pages sorted after reading every matching row, not read in index order").isEmpty();
    }

    private static void write(Map<String, String> plans) throws IOException {
        StringBuilder report = new StringBuilder();
        plans.forEach((sql, plan) -> report.append(sql).append("\n  ").append(plan.replace("\n", "\n  ")).append("\n\n"));
        Files.writeString(Path.of("target", "query-plans.txt"), report);
    }
}
