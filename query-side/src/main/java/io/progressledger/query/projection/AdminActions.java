package io.progressledger.query.projection;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The record of administrative actions on the query side: who asked for what, and when. */
@Repository
public class AdminActions {

    /** One recorded action. */
    @Schema(name = "AdminAction")
    public record Action(long id, String action, String target, String requestedBy, Instant requestedAt,
                         @Nullable String detail) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public AdminActions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String action, String target, String requestedBy, String detail) {
        jdbc.sql("INSERT INTO admin_action (action, target, requested_by, requested_at, detail) VALUES (?, ?, ?, ?, ?)")
                .params(action, target, requestedBy, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), detail)
                .update();
    }

    /** The latest actions first. */
    public List<Action> latest(int limit) {
        return jdbc.sql("SELECT * FROM admin_action ORDER BY id DESC FETCH FIRST ? ROWS ONLY")
                .param(limit)
                .query((rs, n) -> new Action(rs.getLong("id"), rs.getString("action"), rs.getString("target"),
                        rs.getString("requested_by"), rs.getObject("requested_at", OffsetDateTime.class).toInstant(),
                        rs.getString("detail")))
                .list();
    }
}
