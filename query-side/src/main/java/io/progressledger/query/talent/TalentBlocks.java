package io.progressledger.query.talent;

import io.progressledger.query.projection.ActiveGenerations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The talent progress view's table, {@code talent_block_<slot>}: one row per unlocked block of a talent. Reads go to
 * the generation dashboards read now.
 */
@Repository
public class TalentBlocks {

    static final String TABLE = "talent_block";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ActiveGenerations generations;

    public TalentBlocks(JdbcClient jdbc, JsonMapper json, ActiveGenerations generations) {
        this.jdbc = jdbc;
        this.json = json;
        this.generations = generations;
    }

    /** Every block of a talent, in no particular order. */
    public List<TalentBlock> ofTalent(String talentId) {
        return jdbc.sql("SELECT * FROM " + table() + " WHERE talent_id = ?")
                .param(talentId)
                .query(this::block)
                .list();
    }

    /**
     * Up to {@code limit} blocks of a talent in block order (then talent block id), after the given position when
     * {@code after} is not null, optionally of one status or program.
     */
    public List<TalentBlock> page(String talentId, String status, String programId, Position after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM " + table() + " WHERE talent_id = ?");
        List<Object> params = new ArrayList<>(List.of(talentId));
        if (status != null) {
            sql.append(" AND status = ?");
            params.add(status);
        }
        if (programId != null) {
            sql.append(" AND program_id = ?");
            params.add(programId);
        }
        if (after != null) {
            sql.append(" AND block_order >= ? AND (block_order > ? OR talent_block_id > ?)");
            params.addAll(List.of(after.order(), after.order(), after.talentBlockId()));
        }
        sql.append(" ORDER BY block_order, talent_block_id FETCH FIRST ? ROWS ONLY");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(this::block).list();
    }

    /** A place in a talent's block order: the sort key, and cursor, of a page of blocks. */
    public record Position(int order, String talentBlockId) {

        public static Position of(TalentBlock block) {
            return new Position(block.order(), block.talentBlockId());
        }
    }

    public boolean exists(String talentId) {
        return jdbc.sql("SELECT 1 FROM " + table() + " WHERE talent_id = ? FETCH FIRST 1 ROWS ONLY")
                .param(talentId).query().listOfRows().size() == 1;
    }

    private String table() {
        return generations.table(TalentProgressProjection.NAME, TABLE);
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

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
