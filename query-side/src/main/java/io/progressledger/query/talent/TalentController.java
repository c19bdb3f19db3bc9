package io.progressledger.query.talent;

import io.progressledger.query.api.Page;
import io.progressledger.query.api.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Talent progress for dashboards. */
@RestController
public class TalentController {

    private final TalentProgressQueries queries;

    public TalentController(TalentProgressQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/talents/{talentId}/blocks")
    public Page<TalentBlock> blocks(@PathVariable String talentId,
                                    @RequestParam(required = false) String cursor,
                                    @RequestParam(required = false) Integer limit) {
        return queries.blocks(talentId, PageRequest.of(cursor, limit));
    }
}
