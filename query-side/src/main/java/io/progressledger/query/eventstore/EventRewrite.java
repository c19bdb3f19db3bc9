package io.progressledger.query.eventstore;

/**
 * A stored event rewritten in place (today only: an erasure redacting plain personal values), with its payload's
 * SHA-256 before and after, from the store's {@code event_rewrite} table.
 */
public record EventRewrite(long globalPosition, String eventIdentifier, String originalPayloadSha256,
                           String rewrittenPayloadSha256) {
}
