package io.progressledger.events.audit;

import io.progressledger.events.keys.KeyRing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

/**
 * The command side signs every event it appends: HMAC-SHA256, with a signing key from configuration that the
 * database never holds, over what the store holds of the event, in lower-case hex:
 * {@code globalPosition|eventIdentifier|aggregateType|aggregateId|sequenceNumber|payloadType|payloadRevision|
 * timestamp|sha256_hex(payload)|base64(metaData)} (absent values empty; for an event rewritten by an erasure, the
 * original payload's hash, as the chain links it). A writer of the database without the key cannot sign an event it
 * adds, nor re-sign one it changes.
 */
public final class EventSignature {

    public static final String KEYS_PROPERTY = "progress.audit.signing-keys";
    public static final String CURRENT_KEY_PROPERTY = "progress.audit.current-signing-key";
    /** The development signing key (used by default in insecure development mode): published, refused outside it. */
    public static final Set<String> DEVELOPMENT_KEYS = Set.of("GbS794UPmFlhNlTQFfrpt2uFpQqgZCISxsXsCUj9fQk=");

    private EventSignature() {
    }

    /** What is signed of a stored event (see the class comment). */
    public static String content(long globalPosition, String eventIdentifier, String aggregateType,
                                 String aggregateId, long sequenceNumber, String payloadType, String payloadRevision,
                                 String timestamp, String payloadSha256, byte[] metaData) {
        return String.join("|", Long.toString(globalPosition), eventIdentifier, text(aggregateType),
                text(aggregateId), Long.toString(sequenceNumber), payloadType, text(payloadRevision), text(timestamp),
                payloadSha256, metaData == null ? "" : Base64.getEncoder().encodeToString(metaData));
    }

    /** The signature of {@code content} with a key. */
    public static String sign(byte[] key, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is required by every Java platform", e);
        }
    }

    /** Whether {@code signature} is the signature of {@code content} with the ring's key {@code keyId}. */
    public static boolean verifies(KeyRing keys, String keyId, String content, String signature) {
        return keys.byId(keyId).map(key -> MessageDigest.isEqual(
                sign(key, content).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))).orElse(false);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
