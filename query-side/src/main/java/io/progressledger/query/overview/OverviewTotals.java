package io.progressledger.query.overview;

import io.progressledger.query.projection.ActiveGenerations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;

/**
 * The overview view's tables: its totals ({@code overview_total_<slot>}) and the programs and institutions seen, read
 * from the generation dashboards read now.
 */
@Repository
public class OverviewTotals {

    static final String TALENT = "overview_talent";
    static final String LEARNER = "overview_learner";
    static final String COURSE = "overview_course";
    static final String PROGRAM = "overview_program";
    static final String INSTITUTION = "overview_institution";
    static final String TOTAL = "overview_total";

    private final JdbcClient jdbc;
    private final ActiveGenerations generations;

    public OverviewTotals(JdbcClient jdbc, ActiveGenerations generations) {
        this.jdbc = jdbc;
        this.generations = generations;
    }

    /** A total ({@code talents}, {@code learners} or {@code courses}); 0 before the first one is counted. */
    public long total(String name) {
        return jdbc.sql("SELECT amount FROM " + generations.table(OverviewProjection.NAME, TOTAL) + " WHERE total = ?")
                .param(name)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    /** The first {@code max} programs seen, by id. */
    public List<String> programIds(int max) {
        return jdbc.sql("SELECT program_id FROM " + generations.table(OverviewProjection.NAME, PROGRAM)
                        + " ORDER BY program_id FETCH FIRST ? ROWS ONLY")
                .param(max)
                .query(String.class)
                .list();
    }

    /** The first {@code max} institutions seen, by id. */
    public List<Long> institutionIds(int max) {
        return jdbc.sql("SELECT institution_id FROM " + generations.table(OverviewProjection.NAME, INSTITUTION)
                        + " ORDER BY institution_id FETCH FIRST ? ROWS ONLY")
                .param(max)
                .query(Long.class)
                .list();
    }
}
