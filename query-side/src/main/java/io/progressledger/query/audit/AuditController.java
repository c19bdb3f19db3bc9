package io.progressledger.query.audit;

import io.progressledger.query.eventstore.JdbcEventStore;
import io.progressledger.query.eventstore.EventLog;
import io.progressledger.query.eventstore.StoredEvent;

import io.progressledger.events.trail.LearnerTrailId;
import io.progressledger.query.api.BadRequest;
import io.progressledger.query.api.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The full history for auditors (admin token): the global feed, each aggregate's events, the export of everything
 * as NDJSON, and the verification of the tamper-evidence chain.
 */
@RestController
@JdbcEventStore
@Tag(name = "Audit", description = "The event log as stored, its provenance, and its integrity (admin token)")
public class AuditController {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;
    private static final int EXPORT_BATCH = 1000;

    private final EventLog eventLog;
    private final AuditEvents auditEvents;
    private final ChainVerifier verifier;
    private final JsonMapper json;

    public AuditController(EventLog eventLog, AuditEvents auditEvents, ChainVerifier verifier, JsonMapper json) {
        this.eventLog = eventLog;
        this.auditEvents = auditEvents;
        this.verifier = verifier;
        this.json = json;
    }

    @GetMapping("/api/audit/events")
    @Operation(summary = "The global feed", description = "Every event in global order; page with "
            + "?after=<nextCursor> (a global position).")
    public Map<String, Object> feed(@Parameter(description = "global position to start after") @RequestParam(defaultValue = "0") long after,
                                    @RequestParam(required = false) Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new BadRequest("limit", "must be between 1 and " + MAX_LIMIT);
        }
        List<StoredEvent> stored = eventLog.after(after, size + 1);
        boolean more = stored.size() > size;
        List<StoredEvent> page = more ? stored.subList(0, size) : stored;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", auditEvents.read(page));
        body.put("nextCursor", more ? Long.toString(page.get(page.size() - 1).globalPosition()) : null);
        return body;
    }

    @GetMapping("/api/audit/talents/{talentId}/events")
    @Operation(summary = "A talent's history", description = "Every event of the Talent aggregate, in order.")
    public Map<String, Object> talent(@PathVariable String talentId) {
        return history(talentId);
    }

    @GetMapping("/api/audit/learners/{institutionId}/{userId}/trails/{trailId}/events")
    @Operation(summary = "A learner's history on a trail", description = "Every event of the Trail aggregate, in order.")
    public Map<String, Object> learnerTrail(@PathVariable long institutionId, @PathVariable long userId,
                                            @PathVariable long trailId) {
        return history(new LearnerTrailId(institutionId, userId, trailId).asString());
    }

    @GetMapping(path = "/api/audit/export", produces = "application/x-ndjson")
    @Operation(summary = "Everything, as NDJSON", description = "One event per line, in global order, streamed: a "
            + "million events take constant memory. Filters: type (e.g. TrailCompleted), from / to (ISO-8601 "
            + "instants on the event's timestamp; from inclusive, to exclusive).")
    public ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String type,
                                                        @RequestParam(required = false) String from,
                                                        @RequestParam(required = false) String to) {
        Instant since = instant("from", from);
        Instant until = instant("to", to);
        StreamingResponseBody body = out -> write(out, type, since, until);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson")).body(body);
    }

    @GetMapping("/api/audit/verify")
    @Operation(summary = "Verify the tamper-evidence chain", description = "Recomputes every link from the stored "
            + "events. Intact: {intact, checkedUpTo, headHash} (note the head hash as a checkpoint); otherwise "
            + "{intact: false, firstMismatchPosition, reason}. ?upTo=N verifies up to a noted checkpoint.")
    public ChainVerification verify(@RequestParam(required = false) Long upTo) {
        return verifier.verify(upTo);
    }

    private Map<String, Object> history(String aggregateId) {
        List<StoredEvent> stored = eventLog.ofAggregate(aggregateId);
        if (stored.isEmpty()) {
            throw new NotFound("no events for " + aggregateId);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", auditEvents.read(stored));
        body.put("nextCursor", null);
        return body;
    }

    private void write(OutputStream out, String type, Instant since, Instant until) throws java.io.IOException {
        long after = 0;
        while (true) {
            List<StoredEvent> batch = eventLog.after(after, EXPORT_BATCH);
            if (batch.isEmpty()) {
                return;
            }
            for (AuditEvent event : auditEvents.read(batch)) {
                Instant at = Instant.parse(event.timestamp());
                boolean wanted = (type == null || type.equals(event.type()))
                        && (since == null || !at.isBefore(since)) && (until == null || at.isBefore(until));
                if (wanted) {
                    out.write(json.writeValueAsBytes(event));
                    out.write('\n');
                }
            }
            out.flush();
            after = batch.get(batch.size() - 1).globalPosition();
        }
    }

    private static Instant instant(String parameter, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequest(parameter, "not an ISO-8601 instant such as 2024-01-31T23:00:00Z");
        }
    }

}
