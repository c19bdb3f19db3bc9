package io.progressledger.query.trail;

import io.progressledger.events.learner.LearnerDataErased;
import io.progressledger.events.trail.TrailCompleted;
import io.progressledger.query.api.ViewTime;
import io.progressledger.query.projection.ViewBatch;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A batch of changes to a table with the completion columns (the trail completions and the course completions
 * views): completion rows to insert unless present, and learners whose personal data was erased. An erasure applies
 * at once to the batch's rows of that learner held in memory, and to the table's rows before the batch's inserts,
 * so the rows end as if each event had been written in turn.
 */
public abstract class CompletionRows implements ViewBatch {

    /** The rows of a completion in a table without a course column: one, keyed without a course. */
    protected static final List<Long> NO_COURSE = Collections.singletonList(null);

    /** A completion's row: its key (with the course, in the course view) and the columns it is inserted with. */
    protected record Row(Long courseId, TrailCompleted completion, Object[] columns) {
    }

    private record RowKey(Long courseId, long institutionId, long userId, long trailId, int completionNumber) {
    }

    private record Learner(long institutionId, long userId) {
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final String table;
    private final String insert;
    private final Map<RowKey, Row> rows = new LinkedHashMap<>();
    private final Set<Learner> erased = new LinkedHashSet<>();
    private final String erasedColumn;

    /**
     * @param insert a statement inserting a row unless present, whose parameters are the course id (only in a table
     *               with a course column), institution, user, trail, completion number, then user name, user
     *               email, trail name, finish time and courses
     */
    protected CompletionRows(JdbcTemplate jdbc, JsonMapper json, String table, String insert) {
        this.jdbc = jdbc;
        this.json = json;
        this.table = table;
        this.insert = insert;
        this.erasedColumn = CompletionLists.erasedColumn(json);
    }

    /** The course ids a completion has a row for in this table, {@link #NO_COURSE} for one row without a course. */
    protected abstract List<Long> rowsOf(TrailCompleted completion);

    /** Called after the batch's rows are written, with the ones that were not there before. */
    protected void inserted(List<Row> inserted) {
    }

    @Override
    public void add(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof TrailCompleted completion) {
            String courses = json.writeValueAsString(completion.courses());
            for (Long course : rowsOf(completion)) {
                rows.putIfAbsent(new RowKey(course, completion.institutionId(), completion.userId(),
                                completion.trailId(), completion.completionNumber()),
                        new Row(course, completion, new Object[]{CompletionLists.column(json, completion.userName()),
                                CompletionLists.column(json, completion.userEmail()),
                                completion.trailName(), ViewTime.column(completion.finishedAt()), courses}));
            }
        } else if (payload instanceof LearnerDataErased erasure) {
            rows.forEach((key, row) -> {
                if (key.institutionId() == erasure.institutionId() && key.userId() == erasure.userId()) {
                    row.columns()[0] = row.columns()[0] == null ? null : erasedColumn;
                    row.columns()[1] = row.columns()[1] == null ? null : erasedColumn;
                }
            });
            erased.add(new Learner(erasure.institutionId(), erasure.userId()));
        }
    }

    @Override
    public void write() {
        if (!erased.isEmpty()) {
            jdbc.batchUpdate(CompletionLists.erasePersonalData(table), erased.stream()
                    .map(learner -> new Object[]{erasedColumn, erasedColumn, learner.institutionId(),
                            learner.userId()})
                    .toList());
        }
        if (rows.isEmpty()) {
            return;
        }
        List<Row> pending = new ArrayList<>(rows.values());
        List<Object[]> parameters = new ArrayList<>(pending.size());
        rows.forEach((key, row) -> {
            List<Object> values = new ArrayList<>(10);
            if (key.courseId() != null) {
                values.add(key.courseId());
            }
            values.addAll(List.of(key.institutionId(), key.userId(), key.trailId(), key.completionNumber()));
            values.addAll(java.util.Arrays.asList(row.columns()));
            parameters.add(values.toArray());
        });
        int[] counts = jdbc.batchUpdate(insert, parameters);
        List<Row> inserted = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 1) {
                inserted.add(pending.get(i));
            }
        }
        inserted(inserted);
    }
}
