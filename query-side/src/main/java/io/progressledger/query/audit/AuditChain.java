package io.progressledger.query.audit;

import io.progressledger.query.eventstore.JdbcEventStore;
import io.progressledger.query.projection.ActiveGenerations;
import io.progressledger.query.projection.Slot;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;

/**
 * The tamper-evidence chain's table, {@code audit_chain_<slot>}: one link per event, in the order the chain was
 * built. The projection writes a slot; verification reads the generation read now.
 */
@Repository
@JdbcEventStore
public class AuditChain {

    static final String TABLE = "audit_chain";

    /** One link: its place in the chain, the event's global position, and the link's hash. */
    public record Link(long chainIndex, long globalPosition, String link) {

        static final Link GENESIS = new Link(0, 0, ChainLink.GENESIS);
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final ActiveGenerations generations;

    public AuditChain(JdbcClient jdbc, JdbcTemplate batches, ActiveGenerations generations) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.generations = generations;
    }

    /** The last link of a slot's chain; the genesis when the chain is empty. */
    public Link head(Slot slot) {
        return jdbc.sql("SELECT chain_index, global_position, link FROM " + slot.table(TABLE)
                        + " ORDER BY chain_index DESC FETCH FIRST 1 ROWS ONLY")
                .query(AuditChain::link)
                .optional()
                .orElse(Link.GENESIS);
    }

    /** Appends links to a slot's chain, with one batch statement; {@code eventIdentifiers} in the links' order. */
    public void append(Slot slot, List<String> eventIdentifiers, List<Link> links) {
        List<Object[]> rows = new java.util.ArrayList<>(links.size());
        for (int i = 0; i < links.size(); i++) {
            Link link = links.get(i);
            rows.add(new Object[]{link.chainIndex(), link.globalPosition(), eventIdentifiers.get(i), link.link()});
        }
        batches.batchUpdate("INSERT INTO " + slot.table(TABLE)
                + " (chain_index, global_position, event_identifier, link) VALUES (?, ?, ?, ?)", rows);
    }

    /** Up to {@code limit} links of the chain read now after {@code afterIndex}, of events up to a position. */
    public List<Link> links(long afterIndex, long upToPosition, int limit) {
        return jdbc.sql("SELECT chain_index, global_position, link FROM " + table()
                        + " WHERE chain_index > ? AND global_position <= ? ORDER BY chain_index FETCH FIRST ? ROWS ONLY")
                .params(afterIndex, upToPosition, limit)
                .query(AuditChain::link)
                .list();
    }

    /** The global positions chained in the chain read now, in the range (after, upTo], in order. */
    public List<Long> chainedPositions(long after, long upTo) {
        return jdbc.sql("SELECT global_position FROM " + table()
                        + " WHERE global_position > ? AND global_position <= ? ORDER BY global_position")
                .params(after, upTo)
                .query(Long.class)
                .list();
    }

    private String table() {
        return generations.table(AuditChainProjection.NAME, TABLE);
    }

    private static Link link(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Link(rs.getLong("chain_index"), rs.getLong("global_position"), rs.getString("link"));
    }
}
