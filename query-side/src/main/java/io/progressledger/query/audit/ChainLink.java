package io.progressledger.query.audit;

import io.progressledger.query.eventstore.EventLog;
import io.progressledger.query.eventstore.StoredEvent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * One link of the tamper-evidence chain: SHA-256, in lower-case hex, of
 * {@code previousLink|globalPosition|eventIdentifier|aggregateType|aggregateId|sequenceNumber|payloadType|
 * payloadRevision|timestamp|base64(payload)|base64(metaData)}, where the first event's previous link is 64 zeros and
 * absent values are empty. Every part is what the store holds, byte for byte, so anyone can recompute the chain.
 */
public final class ChainLink {

    public static final String GENESIS = "0".repeat(64);

    private ChainLink() {
    }

    public static String of(String previous, StoredEvent event) {
        String content = String.join("|", previous, Long.toString(event.globalPosition()), event.eventIdentifier(),
                text(event.aggregateType()), text(event.aggregateId()), Long.toString(event.sequenceNumber()),
                event.payloadType(), text(event.payloadRevision()), text(event.timestamp()), base64(event.payload()),
                base64(event.metaData()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
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
