package io.progressledger.events.keys;

import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Named secret keys from configuration, one of them current: the personal-data key-encryption keys, the audit
 * signing keys. Several may be configured at once so that a key can be rotated (new wraps and signatures use the
 * current one; the others still open what they wrapped or signed). Built once at start-up: a missing, short,
 * low-entropy or development key is refused with a message that names the property and the key's id, never its
 * value.
 */
public final class KeyRing {

    /** Random keys of 32 bytes show ~30 distinct byte values; a typed word or a repeated pattern shows few. */
    private static final int MIN_DISTINCT_BYTES = 16;
    private static final int KEY_BYTES = 32;

    private final String property;
    private final Map<String, byte[]> keys;
    private final String current;

    private KeyRing(String property, Map<String, byte[]> keys, String current) {
        this.property = property;
        this.keys = keys;
        this.current = current;
    }

    /**
     * @param property         where the keys are configured (for messages), e.g. {@code progress.personal-data.keks}
     * @param base64ById       each key's id and its value, base64 of 32 random bytes
     * @param currentId        the id of the key new wraps or signatures use
     * @param developmentKeys  values published for development and tests: refused unless {@code allowDevelopment}
     * @throws IllegalArgumentException when a key is missing, malformed or weak
     */
    public static KeyRing of(String property, Map<String, String> base64ById, String currentId,
                             Set<String> developmentKeys, boolean allowDevelopment) {
        if (base64ById == null || base64ById.isEmpty()) {
            throw new IllegalArgumentException(property + " is required: set " + property + ".<id>=<base64 of 32 "
                    + "random bytes, e.g. openssl rand -base64 32> and the current id");
        }
        if (currentId == null || currentId.isBlank() || !base64ById.containsKey(currentId)) {
            throw new IllegalArgumentException("the current key of " + property + " ('" + currentId + "') is not "
                    + "one of the configured ids " + new java.util.TreeSet<>(base64ById.keySet()));
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        base64ById.forEach((id, base64) -> {
            if (!id.matches("[A-Za-z0-9_.-]{1,64}")) {
                throw new IllegalArgumentException("the key id '" + id + "' of " + property
                        + " must be 1-64 letters, digits, '.', '_' or '-'");
            }
            String value = base64 == null ? "" : base64.strip();
            if (!allowDevelopment && developmentKeys.contains(value)) {
                throw new IllegalArgumentException(property + "." + id + " is the published development key: "
                        + "generate a secret one (openssl rand -base64 32)");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(value);
            } catch (IllegalArgumentException notBase64) {
                throw new IllegalArgumentException(property + "." + id + " is not base64");
            }
            if (key.length != KEY_BYTES) {
                throw new IllegalArgumentException(property + "." + id + " must be " + KEY_BYTES + " bytes (base64 "
                        + "of 32 random bytes), not " + key.length);
            }
            if (distinctBytes(key) < MIN_DISTINCT_BYTES) {
                throw new IllegalArgumentException(property + "." + id + " is too weak (it does not look random): "
                        + "generate one with openssl rand -base64 32");
            }
            keys.put(id, key);
        });
        return new KeyRing(property, Collections.unmodifiableMap(keys), currentId);
    }

    private static int distinctBytes(byte[] key) {
        Set<Byte> seen = new HashSet<>();
        for (byte b : key) {
            seen.add(b);
        }
        return seen.size();
    }

    public String currentId() {
        return current;
    }

    public byte[] current() {
        return keys.get(current);
    }

    /** The key with this id; empty when it is not configured (retired, or never this ring's). */
    public java.util.Optional<byte[]> byId(String id) {
        return java.util.Optional.ofNullable(id == null ? null : keys.get(id));
    }

    public Set<String> ids() {
        return keys.keySet();
    }

    @Override
    public String toString() {
        return "KeyRing[" + property + ", ids=" + keys.keySet() + ", current=" + current + "]"; // never the values
    }
}
