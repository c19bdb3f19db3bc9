package io.progressledger.query.talent;

import io.progressledger.events.talent.BlockStatus;
import io.progressledger.query.api.BadRequest;
import io.progressledger.query.api.Cursor;
import io.progressledger.query.api.NotFound;
import io.progressledger.query.api.Page;
import io.progressledger.query.api.PageRequest;
import io.progressledger.query.projection.ProjectionProcessors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads of the talent progress view (plain services, for the reason given on TrailCompletionQueries). A talent has
 * tens of blocks, so its summary is computed from its block rows at read time rather than kept in a second table.
 */
@Service
public class TalentProgressQueries {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ProjectionProcessors projections;

    public TalentProgressQueries(JdbcClient jdbc, JsonMapper json, ProjectionProcessors projections) {
        this.jdbc = jdbc;
        this.json = json;
        this.projections = projections;
    }

    public TalentSummary summary(String talentId) {
        List<TalentBlock> blocks = jdbc.sql("SELECT * FROM " + table() + " WHERE talent_id = ?")
                .param(talentId)
                .query(this::block)
                .list();
        if (blocks.isEmpty()) {
            throw new NotFound("no talent " + talentId);
        }
        return TalentSummary.of(talentId, blocks);
    }

    /** A talent's blocks in block order (then talent block id), optionally of one status or program. */
    public Page<TalentBlock> blocks(String talentId, String status, String programId, PageRequest page) {
        StringBuilder sql = new StringBuilder("SELECT * FROM " + table() + " WHERE talent_id = ?");
        List<Object> params = new ArrayList<>(List.of(talentId));
        if (status != null) {
            sql.append(" AND status = ?");
            params.add(status(status));
        }
        if (programId != null) {
            sql.append(" AND program_id = ?");
            params.add(programId);
        }
        if (!page.first()) {
            String[] after = Cursor.decode(page.cursor(), 2);
            int order = order(after[0]);
            sql.append(" AND block_order >= ? AND (block_order > ? OR talent_block_id > ?)");
            params.addAll(List.of(order, order, after[1]));
        }
        sql.append(" ORDER BY block_order, talent_block_id FETCH FIRST ? ROWS ONLY");
        params.add(page.limit() + 1);
        List<TalentBlock> rows = jdbc.sql(sql.toString()).params(params).query(this::block).list();
        if (rows.isEmpty() && page.first() && !exists(talentId)) {
            throw new NotFound("no talent " + talentId);
        }
        return Page.of(rows, page, last -> Cursor.encode(last.order(), last.talentBlockId()));
    }

    private boolean exists(String talentId) {
        return jdbc.sql("SELECT 1 FROM " + table() + " WHERE talent_id = ? FETCH FIRST 1 ROWS ONLY")
                .param(talentId).query().listOfRows().size() == 1;
    }

    private String table() {
        return projections.activeSlot(TalentProgressProjection.NAME).table("talent_block");
    }

    static String status(String value) {
        try {
            return BlockStatus.valueOf(value.toUpperCase(Locale.ROOT)).name();
        } catch (IllegalArgumentException e) {
            throw new BadRequest("status", "one of " + Arrays.toString(BlockStatus.values()));
        }
    }

    static int order(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new BadRequest("cursor", "not a cursor returned by this API");
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private TalentBlock block(ResultSet rs, int row) throws SQLException {
        return new TalentBlock(
                rs.getString("talent_id"),
                rs.getString("user_id"),
                rs.getString("talent_block_id"),
                rs.getString("block_id"),
                rs.getInt("block_order"),
                rs.getString("status"),
                rs.getString("program_id"),
                rs.getString("talent_phase_id"),
                json.readValue(rs.getString("talent_activity_ids"), STRINGS),
                instant(rs, "unlocked_at"),
                instant(rs, "status_updated_at"));
    }
}
