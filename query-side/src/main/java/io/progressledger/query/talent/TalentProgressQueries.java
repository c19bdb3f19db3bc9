package io.progressledger.query.talent;

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
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Reads of the talent progress view. Plain services rather than Axon query handlers: the views are local tables
 * read in one process, and the reads must stay in the low milliseconds; a query bus would add dispatch and
 * serialization cost and no location transparency the deployment needs.
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

    /** A talent's blocks in block order (then talent block id). */
    public Page<TalentBlock> blocks(String talentId, PageRequest page) {
        String table = projections.activeSlot(TalentProgressProjection.NAME).table("talent_block");
        List<TalentBlock> rows;
        if (page.first()) {
            rows = jdbc.sql("SELECT * FROM " + table + " WHERE talent_id = ? "
                            + "ORDER BY block_order, talent_block_id FETCH FIRST ? ROWS ONLY")
                    .params(talentId, page.limit() + 1)
                    .query(this::block)
                    .list();
        } else {
            String[] after = Cursor.decode(page.cursor(), 2);
            int order = parseOrder(after[0]);
            rows = jdbc.sql("SELECT * FROM " + table + " WHERE talent_id = ? AND (block_order > ? OR "
                            + "(block_order = ? AND talent_block_id > ?)) "
                            + "ORDER BY block_order, talent_block_id FETCH FIRST ? ROWS ONLY")
                    .params(talentId, order, order, after[1], page.limit() + 1)
                    .query(this::block)
                    .list();
        }
        if (rows.isEmpty() && page.first()) {
            throw new NotFound("no talent " + talentId);
        }
        boolean more = rows.size() > page.limit();
        List<TalentBlock> items = more ? rows.subList(0, page.limit()) : rows;
        TalentBlock last = items.isEmpty() ? null : items.get(items.size() - 1);
        return new Page<>(items, more ? Cursor.encode(last.order(), last.talentBlockId()) : null);
    }

    private static int parseOrder(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new io.progressledger.query.api.BadRequest("cursor", "not a cursor returned by this API");
        }
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
                rs.getObject("unlocked_at", OffsetDateTime.class).toInstant(),
                rs.getObject("status_updated_at", OffsetDateTime.class).toInstant());
    }
}
