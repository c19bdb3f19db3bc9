package io.progressledger.events.personal;

import io.progressledger.events.keys.KeyRing;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Data subjects' keys are stored wrapped (AES-256-GCM) with a key-encryption key (KEK) from configuration, which the
 * database never holds: a copy of the database, or of its backups, holds no key that opens a personal value. Each
 * wrap binds the subject and the key id as associated data, so a wrapped key moved to another learner's row does not
 * unwrap. Rotation: configure a new KEK as current; new keys are wrapped with it, older ones are rewrapped lazily
 * when next used by the command side, or all at once ({@code POST /api/admin/personal-data/rewrap}); a KEK can be
 * removed once nothing is wrapped with it.
 */
public final class DataKeyWrapping {

    /** Where the KEKs are configured: {@code progress.personal-data.keks.<id>=<base64>}. */
    public static final String KEKS_PROPERTY = "progress.personal-data.keks";
    /** The id of the KEK new wraps use. */
    public static final String CURRENT_KEK_PROPERTY = "progress.personal-data.current-kek";
    /** The development KEK (insecure development mode uses it by default): published, so refused outside it. */
    public static final Set<String> DEVELOPMENT_KEKS = Set.of("9t541VXN/w1sdNFX0QCVBNurZJ3Qn2spDFGdzu2lPc4=");

    private final KeyRing keks;

    public DataKeyWrapping(KeyRing keks) {
        this.keks = keks;
    }

    /** A data key wrapped with the current KEK. */
    public record Wrapped(String kekId, byte[] bytes) {
    }

    public Wrapped wrap(String subject, String keyId, byte[] dataKey) {
        String kekId = keks.currentId();
        return new Wrapped(kekId, PersonalDataCipher.encrypt(keks.current(), purpose(kekId, subject, keyId), dataKey));
    }

    /**
     * The data key of a stored row; {@code kekId} null means stored before wrapping existed (in clear, until
     * rewrapped).
     *
     * @throws IllegalArgumentException when its KEK is not configured, or it does not unwrap (altered, moved)
     */
    public byte[] unwrap(String subject, String keyId, String kekId, byte[] stored) {
        if (kekId == null) {
            return stored;
        }
        byte[] kek = keks.byId(kekId).orElseThrow(() -> new IllegalArgumentException("the key-encryption key '"
                + kekId + "' is not configured"));
        return PersonalDataCipher.decrypt(kek, purpose(kekId, subject, keyId), stored);
    }

    public String currentKekId() {
        return keks.currentId();
    }

    /** Whether a row wrapped with {@code kekId} (null: not wrapped) should be rewrapped with the current KEK. */
    public boolean needsRewrap(String kekId) {
        return !keks.currentId().equals(kekId);
    }

    private static byte[] purpose(String kekId, String subject, String keyId) {
        return ("personal-data-key|" + kekId + "|" + subject + "|" + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
