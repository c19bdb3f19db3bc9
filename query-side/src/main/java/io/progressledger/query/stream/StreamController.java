package io.progressledger.query.stream;

import io.progressledger.query.api.Overloaded;
import io.progressledger.query.api.ReadScope;
import io.progressledger.query.api.TooManyRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Live updates for dashboards, as Server-Sent Events. */
@RestController
@Tag(name = "Live updates", description = "Changes of progress as they are recorded")
public class StreamController {

    private final LiveUpdates liveUpdates;

    public StreamController(LiveUpdates liveUpdates) {
        this.liveUpdates = liveUpdates;
    }

    @GetMapping(path = "/api/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Changes of progress, live (text/event-stream)",
            description = "One Server-Sent Event per change: `event` = its type (TalentBlockUnlocked, "
                    + "TalentBlockStatusChanged, TrailCompleted), `id` = its position, `data` = one JSON document, "
                    + "the StreamEvent of that type (the schema below, chosen by `type`). Filters combine: "
                    + "talentId, programId (Phoenix), institutionId, userId, trailId (Toolzz); a scoped token's stream "
                    + "carries only its institutions' completions and its programs' blocks.\n\n"
                    + "Resuming: with `Last-Event-ID` (sent by EventSource when it reconnects) or `?after=<position>` "
                    + "(the header wins), every change after that position is first replayed from the store, in "
                    + "order, then the stream goes on live: nothing is lost or repeated. A client further behind "
                    + "than `progress.stream.max-replay` positions (10,000) gets one `TooFarBehind` event instead "
                    + "(id = the head position): reload the views with `?minPosition=<head>`; the stream then goes "
                    + "on live.\n\n"
                    + "Limits (per node): `progress.stream.max-streams-per-caller` streams per token (100; beyond: "
                    + "429), `progress.stream.max-streams` in all (1,000; beyond: 503), both with `Retry-After`. A "
                    + "comment every `progress.stream.heartbeat` (15 s); the stream is closed after "
                    + "`progress.stream.max-lifetime` (30 min), so clients reconnect with `Last-Event-ID`; a client "
                    + "that lets more than `progress.stream.send-buffer` events (256) pile up, or reads nothing for "
                    + "three heartbeats, is disconnected and resumes the same way.")
    @ApiResponse(responseCode = "200", description = "an endless stream of events; each event's data is a "
            + "StreamEvent", content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
            schema = @Schema(implementation = StreamEvent.class)))
    public void stream(
            @Parameter(description = "only this talent's changes") @RequestParam(required = false) String talentId,
            @Parameter(description = "only this program's changes") @RequestParam(required = false) String programId,
            @Parameter(description = "only completions in this institution") @RequestParam(required = false) Long institutionId,
            @Parameter(description = "only this learner's completions") @RequestParam(required = false) Long userId,
            @Parameter(description = "only completions of this trail") @RequestParam(required = false) Long trailId,
            @Parameter(description = "replay every change after this position first (as Last-Event-ID)")
            @RequestParam(required = false) @Min(0) Long after,
            @Parameter(name = "Last-Event-ID", description = "the id of the last event received: replay every "
                    + "change after it first (EventSource sends it when it reconnects)")
            @RequestHeader(name = "Last-Event-ID", required = false) @Min(0) Long lastEventId,
            ReadScope scope, HttpServletRequest request, HttpServletResponse response)
            throws TooManyRequests, Overloaded, IOException {
        liveUpdates.open(request, response, caller(request),
                new StreamFilter(talentId, programId, institutionId, userId, trailId, scope),
                lastEventId != null ? lastEventId : after);
    }

    /**
     * Whose slots a stream counts against: the credential presented (a digest of it, never the token itself), already
     * checked by the access interceptor; {@code anonymous} only where development mode opens the API.
     */
    static String caller(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return "anonymous";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(header.trim().getBytes(StandardCharsets.UTF_8));
            return "token:" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
