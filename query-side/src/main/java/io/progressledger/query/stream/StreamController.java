package io.progressledger.query.stream;

import io.swagger.v3.oas.annotations.Operation;
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
            description = "One SSE event per change: event name = its type (TalentBlockUnlocked, "
                    + "TalentBlockStatusChanged, TrailCompleted), id = its global position, data = a ProgressChange. "
                    + "Filters combine: talentId, programId (Phoenix), institutionId, userId, trailId (Toolzz). "
                    + "A comment every 15 seconds keeps the connection open.")
    public SseEmitter stream(@RequestParam(required = false) String talentId,
                             @RequestParam(required = false) String programId,
                             @RequestParam(required = false) Long institutionId,
                             @RequestParam(required = false) Long userId,
                             @RequestParam(required = false) Long trailId) {
        return liveUpdates.connect(new StreamFilter(talentId, programId, institutionId, userId, trailId));
    }
}
