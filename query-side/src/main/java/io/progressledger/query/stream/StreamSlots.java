package io.progressledger.query.stream;

import io.progressledger.query.api.Overloaded;
import io.progressledger.query.api.TooManyRequests;

import java.util.HashMap;
import java.util.Map;

/**
 * How many live streams are open on this node, overall and per caller, within {@link StreamProperties}' caps. A
 * refusal costs a lookup and an exception: nothing is allocated for a client that is not admitted.
 */
final class StreamSlots {

    private final StreamProperties limits;
    private final Map<String, Integer> perCaller = new HashMap<>();
    private int total;

    StreamSlots(StreamProperties limits) {
        this.limits = limits;
    }

    /** Takes a slot for the caller, or refuses: 429 when the caller holds its share, 503 when the node is full. */
    synchronized void take(String caller) {
        int held = perCaller.getOrDefault(caller, 0);
        if (held >= limits.maxStreamsPerCaller()) {
            throw new TooManyRequests("this token already holds " + held + " live streams, the most one token may "
                    + "hold on a node (progress.stream.max-streams-per-caller); close one or retry later",
                    limits.retryAfter());
        }
        if (total >= limits.maxStreams()) {
            throw new Overloaded("this node already serves " + total + " live streams, the most it may "
                    + "(progress.stream.max-streams); retry later", limits.retryAfter());
        }
        perCaller.put(caller, held + 1);
        total++;
    }

    synchronized void release(String caller) {
        perCaller.computeIfPresent(caller, (key, held) -> held > 1 ? held - 1 : null);
        total--;
    }

    synchronized int total() {
        return total;
    }
}
