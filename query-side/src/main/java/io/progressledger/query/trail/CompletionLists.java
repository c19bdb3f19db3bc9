package io.progressledger.query.trail;

import io.progressledger.events.personal.PersonalData;
import io.progressledger.events.personal.PersonalValue;
import io.progressledger.events.trail.Course;
import io.progressledger.query.api.Page;
import io.progressledger.query.api.PageRequest;
import io.progressledger.query.api.ViewTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Lists of completions, from any table with the completion columns (the trail completions and the course
 * completions views), sorted by {@code finishedAt} then institution, user, trail and completion number: a total
 * order, so keyset pages never repeat or skip an item.
 */
@Component
public class CompletionLists {


    /** Whether {@code table} has a row of {@code owner} in one of {@code institutions}. */
    public boolean existsWithin(String table, String ownerColumn, Object owner, Set<Long> institutions) {
        List<Object> params = new ArrayList<>(List.of(owner));
        String sql = "SELECT 1 FROM " + table + " WHERE " + ownerColumn + " = ?" + institutionIn(institutions, params)
                + " FETCH FIRST 1 ROWS ONLY";
        return !jdbc.sql(sql).params(params).query().listOfRows().isEmpty();
    }

    /** {@code AND institution_id IN (?, ...)}, the ids added to {@code params}; never true for none. */
    private static String institutionIn(Set<Long> institutions, List<Object> params) {
        if (institutions.isEmpty()) {
            return " AND 1 = 0";
        }
        params.addAll(institutions);
        return " AND institution_id IN (" + String.join(", ", java.util.Collections.nCopies(institutions.size(), "?"))
                + ")";
    }

    /** The lists' sort, documented in the API: by finish time, then by the completion's identity. */
    private static final List<String> SORT_KEY =
            List.of("finished_at", "institution_id", "user_id", "trail_id", "completion_number");

    private final JdbcClient jdbc;
    /** Readers resolved once: a list reads two personal values and a course list per row. */
    private final ObjectReader personalValue;
    private final ObjectReader courses;

    public CompletionLists(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.personalValue = json.readerFor(PersonalValue.class);
        this.courses = json.readerFor(new TypeReference<List<Course>>() {
        });
    }

    /** The completions in {@code table} whose {@code ownerColumn} is {@code owner}, filtered and paged. */
    public Page<TrailCompletion> list(String table, String ownerColumn, Object owner, CompletionFilter filter,
                                      PageRequest<Position> page) {
        StringBuilder sql = new StringBuilder("SELECT * FROM " + table + " WHERE " + ownerColumn + " = ?");
        List<Object> params = new ArrayList<>(List.of(owner));
        if (filter.institutionId() != null) {
            sql.append(" AND institution_id = ?");
            params.add(filter.institutionId());
        }
        if (filter.institutions() != null) {
            sql.append(institutionIn(filter.institutions(), params));
        }
        if (filter.trailId() != null) {
            sql.append(" AND trail_id = ?");
            params.add(filter.trailId());
        }
        if (filter.from() != null) {
            sql.append(" AND finished_at >= ?");
            params.add(ViewTime.column(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND finished_at < ?");
            params.add(ViewTime.column(filter.to()));
        }
        Position after = page.after();
        if (after != null) {
            OffsetDateTime finishedAt = ViewTime.column(after.finishedAt());
            // The first condition lets the index range start at the cursor; the second breaks ties exactly.
            sql.append(" AND finished_at >= ? AND (finished_at > ? OR (finished_at = ? AND "
                    + "(institution_id, user_id, trail_id, completion_number) > (?, ?, ?, ?)))");
            params.addAll(List.of(finishedAt, finishedAt, finishedAt, after.institutionId(), after.userId(),
                    after.trailId(), after.completionNumber()));
        }
        sql.append(" ORDER BY ").append(indexOrder(ownerColumn)).append(" FETCH FIRST ? ROWS ONLY");
        params.add(page.limit() + 1);
        List<TrailCompletion> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> completion(rs, null))
                .list();
        return Page.of(rows, page, Position::of);
    }

    /** A place in a completion list's order: the sort key, and cursor, of a page of completions. */
    public record Position(Instant finishedAt, long institutionId, long userId, long trailId, int completionNumber) {

        public static Position of(TrailCompletion completion) {
            return new Position(completion.finishedAt(), completion.institutionId(), completion.userId(),
                    completion.trailId(), completion.completionNumber());
        }
    }

    /**
     * The documented sort, led by the owner's column, which is the same on every row of the list: then the ORDER BY
     * is exactly the owner's index, and the database reads the page off the index and stops. H2 matches an ORDER BY
     * against an index from its first column; without the owner's column in front it sorted every completion of the
     * owner before taking the page (3 s for a trail's list with a million events stored).
     */
    private static String indexOrder(String ownerColumn) {
        return Stream.concat(Stream.of(ownerColumn), SORT_KEY.stream().filter(column -> !column.equals(ownerColumn)))
                .collect(Collectors.joining(", "));
    }

    /**
     * The statement that purges a learner's name and email from a completions table (parameters: the placeholder,
     * twice, then institution and user), applied when their data is erased: the sealed values there can no longer
     * be opened, and now they are gone too.
     */
    public static String erasePersonalData(String table) {
        return "UPDATE " + table + " SET user_name = CASE WHEN user_name IS NULL THEN NULL ELSE ? END, "
                + "user_email = CASE WHEN user_email IS NULL THEN NULL ELSE ? END, personal_data_typed = TRUE "
                + "WHERE institution_id = ? AND user_id = ?";
    }

    /** The stored form of a personal value in a row written now (the row says {@code personal_data_typed}). */
    public static String column(JsonMapper json, PersonalValue value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    /** The stored form of an erased value, for {@link #erasePersonalData}. */
    public static String erasedColumn(JsonMapper json) {
        return column(json, new PersonalValue.Redacted());
    }

    /** A personal value read from a row: typed JSON, or a string written before values were typed. */
    private PersonalValue personal(ResultSet rs, String column) throws SQLException {
        String stored = rs.getString(column);
        if (stored == null) {
            return null;
        }
        if (!rs.getBoolean("personal_data_typed")) {
            return PersonalData.fromLegacyText(stored);
        }
        try {
            return personalValue.readValue(stored);
        } catch (RuntimeException notJson) {
            return new PersonalValue.Sealed("", "", ""); // read as unreadable, never as a failure
        }
    }

    /** A row of a completions table as an item; {@code completionCount} only on a learner's list of trails. */
    public TrailCompletion completion(ResultSet rs, Integer completionCount) throws SQLException {
        return new TrailCompletion(
                rs.getLong("institution_id"),
                rs.getLong("user_id"),
                personal(rs, "user_name"),
                personal(rs, "user_email"),
                rs.getLong("trail_id"),
                rs.getString("trail_name"),
                rs.getObject("finished_at", OffsetDateTime.class).toInstant(),
                rs.getInt("completion_number"),
                courses.readValue(rs.getString("courses")),
                completionCount);
    }
}
