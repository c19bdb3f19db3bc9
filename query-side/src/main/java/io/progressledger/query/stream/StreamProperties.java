package io.progressledger.query.stream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The bounds of {@code /api/stream} on one node ({@code progress.stream.*}). An idle stream costs about 108 KB of heap,
 * nearly all Tomcat's buffers for the connection (measured with 2,000 idle streams, see the README), so the default
 * cap holds streams to about 110 MB.
 *
 * @param maxStreams          streams open at once on this node, whoever holds them; beyond: 503
 * @param maxStreamsPerCaller streams open at once with one token; beyond: 429
 * @param retryAfter          what a refusal's {@code Retry-After} says
 * @param heartbeat           how often an idle stream gets a comment (keeps proxies open, finds dead clients)
 * @param maxLifetime         a stream is closed after this long; the client reconnects with {@code Last-Event-ID}
 * @param sendBuffer          events (and comments) waiting for a slow client; one more and it is disconnected
 * @param maxReplay           a resuming client further behind than this many positions is told so
 *                            ({@code TooFarBehind}) instead of being replayed to
 */
@ConfigurationProperties("progress.stream")
public record StreamProperties(@DefaultValue("1000") int maxStreams,
                               @DefaultValue("100") int maxStreamsPerCaller,
                               @DefaultValue("5s") Duration retryAfter,
                               @DefaultValue("15s") Duration heartbeat,
                               @DefaultValue("30m") Duration maxLifetime,
                               @DefaultValue("256") int sendBuffer,
                               @DefaultValue("10000") long maxReplay) {

    public StreamProperties {
        if (maxStreams < 1 || maxStreamsPerCaller < 1 || sendBuffer < 1 || maxReplay < 0) {
            throw new IllegalArgumentException("progress.stream: max-streams, max-streams-per-caller and send-buffer "
                    + "must be at least 1, max-replay at least 0");
        }
    }
}
