package io.progressledger.query.audit;

import io.progressledger.query.eventstore.EventRewrite;
import io.progressledger.query.eventstore.StoredEvent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * One link of the tamper-evidence chain: SHA-256, in lower-case hex, of
 * {@code previousLink|globalPosition|eventIdentifier|aggregateType|aggregateId|sequenceNumber|payloadType|
 * payloadRevision|timestamp|sha256(payload)|base64(metaData)}, where the first event's previous link is 64 zeros and
 * absent values are empty. Every part is what the store holds, byte for byte, so anyone can recompute the chain.
 * <p>
 * The payload enters by its hash, so that an event rewritten in place for a recorded reason (an erasure redacting
 * plain personal values) is linked by its original payload's hash, which the rewrite's record keeps, once its current
 * payload is shown to be the recorded rewrite. Sealed personal data is hashed as stored, sealed: deleting a key
 * changes nothing the chain covers.
 */
public final class ChainLink {

    public static final String GENESIS = "0".repeat(64);

    private ChainLink() {
    }

    /** @param rewrite the recorded rewrite of this event, or null when it has none */
    public static String of(String previous, StoredEvent event, EventRewrite rewrite) {
        String content = String.join("|", previous, Long.toString(event.globalPosition()), event.eventIdentifier(),
                text(event.aggregateType()), text(event.aggregateId()), Long.toString(event.sequenceNumber()),
                event.payloadType(), text(event.payloadRevision()), text(event.timestamp()),
                payloadDigest(event, rewrite), base64(event.metaData()));
        return sha256(content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The payload's hash as the chain links it: the original payload's, for an event whose stored payload is exactly
     * the recorded rewrite; the stored payload's otherwise (so a payload changed otherwise breaks the link).
     */
    static String payloadDigest(StoredEvent event, EventRewrite rewrite) {
        String stored = sha256(event.payload());
        return rewrite != null && rewrite.rewrittenPayloadSha256().equals(stored) ? rewrite.originalPayloadSha256()
                : stored;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String base64(byte[] value) {
        return value == null ? "" : Base64.getEncoder().encodeToString(value);
    }
}
