package io.progressledger.query.projection;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which generation of each projection dashboards read. Shared by every query-side node through the database, so
 * that all nodes agree on it.
 */
@Repository
public class ProjectionStates {

    private final JdbcClient jdbc;

    public ProjectionStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The active generation of a projection, creating generation 1 the first time the projection is seen. */
    public int activeGeneration(String projection) {
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
        return jdbc.sql("SELECT active_generation FROM projection_state WHERE projection = ?")
                .param(projection)
                .query(Integer.class)
                .single();
    }
}
