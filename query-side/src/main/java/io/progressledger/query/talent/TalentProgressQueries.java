package io.progressledger.query.talent;

import io.progressledger.events.talent.BlockStatus;
import io.progressledger.query.api.NotFound;
import io.progressledger.query.api.Page;
import io.progressledger.query.api.PageRequest;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * Reads of the talent progress view (plain services, for the reason given on TrailCompletionQueries). A talent has
 * tens of blocks, so its summary is computed from its block rows at read time rather than kept in a second table.
 */
@Service
public class TalentProgressQueries {

    private final TalentBlocks view;

    public TalentProgressQueries(TalentBlocks view) {
        this.view = view;
    }

    public TalentSummary summary(String talentId) {
        List<TalentBlock> blocks = view.ofTalent(talentId);
        if (blocks.isEmpty()) {
            throw new NotFound("no talent " + talentId);
        }
        return TalentSummary.of(talentId, blocks);
    }

    /** A talent's blocks in block order (then talent block id), optionally of one status or program. */
    public Page<TalentBlock> blocks(String talentId, BlockStatus status, String programId,
                                    PageRequest<TalentBlocks.Position> page) {
        List<TalentBlock> rows = view.page(talentId, status == null ? null : status.name(), programId, page.after(),
                page.limit() + 1);
        if (rows.isEmpty() && page.first() && !view.exists(talentId)) {
            throw new NotFound("no talent " + talentId);
        }
        return Page.of(rows, page, TalentBlocks.Position::of);
    }
}
