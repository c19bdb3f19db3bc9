package io.progressledger.query.audit;

import io.progressledger.events.AggregateType;
import io.progressledger.events.trail.LearnerTrailId;
import io.progressledger.query.api.AdminOnly;
import io.progressledger.query.api.BadRequest;
import io.progressledger.query.api.Cursor;
import io.progressledger.query.api.NotFound;
import io.progressledger.query.api.Overloaded;
import io.progressledger.query.api.Page;
import io.progressledger.query.eventstore.EventLog;
import io.progressledger.query.eventstore.JdbcEventStore;
import io.progressledger.query.eventstore.StoredEvent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The full history for auditors (admin token): the global feed, each aggregate's events, the export of everything
 * as NDJSON, and the verification of the tamper-evidence chain.
 */
@RestController
@AdminOnly
@JdbcEventStore
@Tag(name = "Audit", description = "The event log as stored, its provenance, and its integrity (admin token)")
public class AuditController {

    /** Auditors read the whole log: pages twice the dashboards' default, and up to twice their maximum. */
    static final int FEED_DEFAULT_LIMIT = 100;
    static final int FEED_MAX_LIMIT = 1000;
    private static final String NDJSON = "application/x-ndjson";

    private final EventLog eventLog;
    private final AuditEvents auditEvents;
    private final ChainVerifier verifier;
    private final AuditExport export;

    public AuditController(EventLog eventLog, AuditEvents auditEvents, ChainVerifier verifier, AuditExport export) {
        this.eventLog = eventLog;
        this.auditEvents = auditEvents;
        this.verifier = verifier;
        this.export = export;
    }

    @GetMapping("/api/audit/events")
    @Operation(summary = "The global feed", description = "Every event in global order. Page with "
            + "?cursor=<nextCursor> like every list, or with ?after=<global position>: the nextCursor of a page is "
            + "the global position of its last event, so both say the same.")
    public Page<AuditEvent> feed(
            @Parameter(description = "the global position to start after (0, the default, is the beginning)")
            @RequestParam(required = false) @Min(0) Long after,
            @Parameter(description = "the nextCursor of the previous page: the global position to start after")
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "" + FEED_DEFAULT_LIMIT) @Min(1) @Max(FEED_MAX_LIMIT) int limit)
            throws BadRequest {
        long start = Cursor.position(after, cursor);
        List<StoredEvent> stored = eventLog.after(start, limit + 1);
        return Page.of(auditEvents.read(stored), limit, last -> Cursor.position(last.globalPosition()));
    }

    @GetMapping("/api/audit/talents/{talentId}/events")
    @Operation(summary = "A talent's history", description = "Every event of the Talent aggregate, in order, on one "
            + "page.")
    public Page<AuditEvent> talentHistory(@PathVariable String talentId) throws NotFound {
        return history(AggregateType.TALENT, AggregateType.talent(talentId));
    }

    @GetMapping("/api/audit/learners/{institutionId}/{userId}/trails/{trailId}/events")
    @Operation(summary = "A learner's history on a trail", description = "Every event of the Trail aggregate, in "
            + "order, on one page.")
    public Page<AuditEvent> learnerTrailHistory(@PathVariable long institutionId, @PathVariable long userId,
                                                @PathVariable long trailId) throws NotFound {
        return history(AggregateType.TRAIL, AggregateType.trail(new LearnerTrailId(institutionId, userId, trailId)));
    }

    @GetMapping(path = "/api/audit/export", produces = NDJSON)
    @Operation(summary = "Everything, as NDJSON", description = "One event per line (an AuditEvent, as in the "
            + "feed), in global order, streamed from keyset pages of the store: a million events take constant "
            + "memory, and no timeout cuts a slow reader. The last line is a trailer: `{\"type\":\"end\",\"lines\""
            + ":N,\"lastPosition\":P}` when the export is complete (N events written, the store read up to P), "
            + "`{\"type\":\"error\",...}` when it failed on our side. A stream without a trailer, or whose "
            + "`lines` differs from the events read, is incomplete: export again with `?after=<lastPosition>` (or "
            + "the last globalPosition read). Filters: type (e.g. TrailCompleted), from / to (ISO-8601 instants on "
            + "the event's timestamp; from inclusive, to exclusive), after (a global position). At most "
            + "`progress.audit.export.max-concurrent` exports (4) run at once on a node; beyond, 503 with Retry-After.")
    @ApiResponse(responseCode = "200", description = "one ExportLine per line, each a JSON document: AuditEvents, "
            + "then one trailer (ExportEnd or ExportError)",
            content = @Content(mediaType = NDJSON, schema = @Schema(implementation = ExportLine.class)))
    public void export(
            @Parameter(description = "only events of this type, such as TrailCompleted") @RequestParam(required = false) String type,
            @Parameter(description = "events at or after this instant") @RequestParam(required = false) Instant from,
            @Parameter(description = "events before this instant") @RequestParam(required = false) Instant to,
            @Parameter(description = "events after this global position (0, the default, is the beginning): "
                    + "resumes an export from its trailer's lastPosition")
            @RequestParam(required = false) @Min(0) Long after,
            HttpServletResponse response) throws IOException, Overloaded {
        try (AuditExport.Slot slot = export.admit()) {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(NDJSON);
            export.write(response.getOutputStream(), new AuditExport.Filter(type, from, to),
                    after == null ? 0 : after);
        }
    }

    @GetMapping("/api/audit/verify")
    @Operation(summary = "Verify the tamper-evidence chain", description = "Recomputes every link from the stored "
            + "events. Intact: {intact, checkedUpTo, headHash} (note the head hash as a checkpoint); otherwise "
            + "{intact: false, firstMismatchPosition, reason}. ?upTo=N verifies up to a noted checkpoint.")
    public ChainVerification verify(
            @Parameter(description = "verify up to this global position (a checkpoint noted earlier)")
            @RequestParam(required = false) @Min(0) Long upTo) {
        return verifier.verify(upTo);
    }

    private Page<AuditEvent> history(AggregateType type, String aggregateId) {
        List<StoredEvent> stored = eventLog.ofAggregate(type, aggregateId);
        if (stored.isEmpty()) {
            throw new NotFound("no events for " + aggregateId);
        }
        return Page.whole(auditEvents.read(stored));
    }
}
