package io.progressledger.query.stream;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Sent instead of a replay to a client that resumes further behind than {@code progress.stream.max-replay}: it missed
 * too much to be replayed. Its SSE id is {@code head}; the stream continues live after it. The client reloads its views
 * with {@code ?minPosition=<head>} (or pages the audit feed from {@code after}) and goes on from there.
 *
 * @param after     where the client asked to resume
 * @param head      the store's position when it asked: what it missed is in (after, head]
 * @param maxReplay the most positions this node replays
 */
@Schema(name = "TooFarBehind", description = "The client resumed further behind than the node replays: reload the "
        + "views at ?minPosition=<head>; the stream continues live after this event, whose id is head.")
public record TooFarBehind(@Schema(allowableValues = TooFarBehind.TYPE) String type, long after, long head,
                           long maxReplay) {

    static final String TYPE = "TooFarBehind";

    TooFarBehind(long after, long head, long maxReplay) {
        this(TYPE, after, head, maxReplay);
    }
}
