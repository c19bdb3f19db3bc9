package io.progressledger.query.projection;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Which generation of each projection dashboards read, and which one a rebuild is filling. Kept in the database and
 * changed only by compare-and-set updates, so that every query-side node agrees on it.
 */
@Repository
public class ProjectionStates {

    /**
     * A projection's generations.
     *
     * @param buildingGeneration the generation a rebuild is filling, if any
     * @param buildingReady      whether its slot has been emptied, so that nodes may start filling it
     */
    public record State(String projection, int activeGeneration, Integer buildingGeneration, boolean buildingReady,
                        String buildRequestedBy, Instant buildRequestedAt, Instant switchedAt) {

        public boolean rebuilding() {
            return buildingGeneration != null;
        }
    }

    private final JdbcClient jdbc;

    public ProjectionStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The state of a projection, creating generation 1 the first time the projection is seen. */
    public State ensure(String projection) {
        try {
            jdbc.sql("""
                            MERGE INTO projection_state t
                            USING (SELECT CAST(? AS VARCHAR(64)) AS projection) s ON t.projection = s.projection
                            WHEN NOT MATCHED THEN INSERT (projection, active_generation) VALUES (s.projection, 1)""")
                    .param(projection)
                    .update();
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            // Nodes starting together on an empty database: one insert wins, the row is there either way.
        }
        return find(projection).orElseThrow();
    }

    public Optional<State> find(String projection) {
        return jdbc.sql("SELECT * FROM projection_state WHERE projection = ?").param(projection)
                .query(ProjectionStates::state).optional();
    }

    public List<State> all() {
        return jdbc.sql("SELECT * FROM projection_state ORDER BY projection").query(ProjectionStates::state).list();
    }

    /**
     * Reserves the next generation for a rebuild, unless one is already under way.
     *
     * @return the generation to fill, or empty when a rebuild is running
     */
    public Optional<Integer> reserveRebuild(String projection, String requestedBy, Instant at) {
        int reserved = jdbc.sql("""
                        UPDATE projection_state SET building_generation = active_generation + 1,
                            building_ready = FALSE, build_requested_by = ?, build_requested_at = ?
                        WHERE projection = ? AND building_generation IS NULL""")
                .params(requestedBy, utc(at), projection)
                .update();
        return reserved == 1 ? find(projection).map(State::buildingGeneration) : Optional.empty();
    }

    /** Lets every node start filling the reserved generation: its slot is empty now. */
    public void markReady(String projection, int generation) {
        jdbc.sql("UPDATE projection_state SET building_ready = TRUE WHERE projection = ? AND building_generation = ?")
                .params(projection, generation)
                .update();
    }

    /**
     * Makes the rebuilt generation the one dashboards read.
     *
     * @return false when another node switched it already
     */
    public boolean switchTo(String projection, int generation, Instant at) {
        return jdbc.sql("""
                        UPDATE projection_state SET active_generation = ?, building_generation = NULL,
                            building_ready = FALSE, switched_at = ?
                        WHERE projection = ? AND building_generation = ?""")
                .params(generation, utc(at), projection, generation)
                .update() == 1;
    }

    private static State state(ResultSet rs, int row) throws SQLException {
        Integer building = rs.getObject("building_generation", Integer.class);
        return new State(rs.getString("projection"), rs.getInt("active_generation"),
                building, rs.getBoolean("building_ready"), rs.getString("build_requested_by"),
                instant(rs, "build_requested_at"), instant(rs, "switched_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
