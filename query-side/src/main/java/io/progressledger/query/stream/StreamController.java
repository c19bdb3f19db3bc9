package io.progressledger.query.stream;

import io.progressledger.query.api.ReadScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

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
                    + "the ProgressChange of that type (the schema below, chosen by `type`). Filters combine: "
                    + "talentId, programId (Phoenix), institutionId, userId, trailId (Toolzz). A comment line every "
                    + "15 seconds keeps the connection open.")
    @ApiResponse(responseCode = "200", description = "an endless stream of events; each event's data is a "
            + "ProgressChange", content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
            schema = @Schema(implementation = ProgressChange.class)))
    public SseEmitter stream(
            @Parameter(description = "only this talent's changes") @RequestParam(required = false) String talentId,
            @Parameter(description = "only this program's changes") @RequestParam(required = false) String programId,
            @Parameter(description = "only completions in this institution") @RequestParam(required = false) Long institutionId,
            @Parameter(description = "only this learner's completions") @RequestParam(required = false) Long userId,
            @Parameter(description = "only completions of this trail") @RequestParam(required = false) Long trailId,
            ReadScope scope) {
        return liveUpdates.connect(new StreamFilter(talentId, programId, institutionId, userId, trailId, scope));
    }
}
