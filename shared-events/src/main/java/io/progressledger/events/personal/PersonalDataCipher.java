package io.progressledger.events.personal;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * AES-256-GCM from the JDK, nothing hand-rolled: a fresh random 96-bit nonce per value, a 128-bit tag, and the data
 * subject, the field's name and the key id as associated data, so a sealed value cannot be moved to another learner,
 * field or key unnoticed.
 */
public final class PersonalDataCipher {

    /** AES-256-GCM, associated data = scheme, data subject, field and key id. */
    public static final String SUBJECT_BOUND = "aes-gcm-subject";
    /** AES-256-GCM, associated data = key id and field: values sealed before they were bound to their subject. */
    public static final String LEGACY_V1 = "v1";

    private static final String AES_GCM = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    /**
     * One cipher per thread, initialised afresh (key, nonce, associated data) for every value: looking the
     * algorithm up in the providers for every value of every read cost more than the decryption of a name.
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance(AES_GCM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required by every Java platform", e);
        }
    });

    private PersonalDataCipher() {
    }

    /** A new random 256-bit key. */
    public static byte[] newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            return generator.generateKey().getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256 is required by every Java platform", e);
        }
    }

    /**
     * {@code plaintext} of {@code field} of {@code subject}, sealed with the key: the associated data binds it to its
     * subject, its field and its key, so a sealed value copied to another learner, another field or another key id
     * does not open.
     */
    public static PersonalValue.Sealed seal(String keyId, byte[] key, String subject, String field, String plaintext) {
        byte[] sealed = encrypt(key, subjectBound(keyId, subject, field), plaintext.getBytes(StandardCharsets.UTF_8));
        return new PersonalValue.Sealed(SUBJECT_BOUND, keyId, ENCODER.encodeToString(sealed));
    }

    /**
     * The plain text of a sealed value of {@code field} of {@code subject}, with the key it names.
     *
     * @throws IllegalArgumentException when it does not open: another subject, field or key, altered, an unknown
     *                                  scheme, or not even well-formed
     */
    public static String open(byte[] key, String subject, String field, PersonalValue.Sealed sealed) {
        byte[] purpose = switch (sealed.scheme()) {
            case SUBJECT_BOUND -> subjectBound(sealed.keyId(), subject, field);
            case LEGACY_V1 -> (sealed.keyId() + "|" + field).getBytes(StandardCharsets.UTF_8);
            default -> throw new IllegalArgumentException("an unknown sealing scheme");
        };
        byte[] bytes;
        try {
            bytes = DECODER.decode(sealed.ciphertext());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("a sealed value that is not base64url");
        }
        return new String(decrypt(key, purpose, bytes), StandardCharsets.UTF_8);
    }

    /** Arbitrary bytes (a delivery's body) sealed with the key, bound to {@code purpose}: nonce + ciphertext + tag. */
    public static byte[] encrypt(byte[] key, byte[] purpose, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose);
            byte[] encrypted = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + encrypted.length).put(nonce).put(encrypted).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required by every Java platform", e);
        }
    }

    /**
     * The plaintext of {@link #encrypt}'s output.
     *
     * @throws IllegalArgumentException when the bytes were not sealed with this key and purpose, or were altered
     */
    public static byte[] decrypt(byte[] key, byte[] purpose, byte[] sealed) {
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("too short to be a sealed value");
        }
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(purpose);
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("the sealed value does not match its key (altered, or another key)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required by every Java platform", e);
        }
    }

    private static byte[] subjectBound(String keyId, String subject, String field) {
        return (SUBJECT_BOUND + "|" + subject + "|" + field + "|" + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
