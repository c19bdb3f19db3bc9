package io.progressledger.query.talent;

import io.progressledger.events.talent.BlockStatus;
import io.progressledger.query.api.BadRequest;
import io.progressledger.query.api.Cursor;
import io.progressledger.query.api.NotFound;
import io.progressledger.query.api.Page;
import io.progressledger.query.api.PageRequest;
import org.springframework.stereotype.Service;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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
    public Page<TalentBlock> blocks(String talentId, String status, String programId, PageRequest page) {
        TalentBlocks.Position after = null;
        if (!page.first()) {
            String[] cursor = Cursor.decode(page.cursor(), 2);
            after = new TalentBlocks.Position(order(cursor[0]), cursor[1]);
        }
        List<TalentBlock> rows = view.page(talentId, status == null ? null : status(status), programId, after,
                page.limit() + 1);
        if (rows.isEmpty() && page.first() && !view.exists(talentId)) {
            throw new NotFound("no talent " + talentId);
        }
        return Page.of(rows, page, last -> Cursor.encode(last.order(), last.talentBlockId()));
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
}
