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
 * AES-256-GCM from the JDK, nothing hand-rolled: a fresh random 96-bit nonce per value, a 128-bit tag, and the key id
 * and the field's name as associated data, so a sealed value cannot be moved to another field or key unnoticed.
 */
public final class PersonalDataCipher {

    private static final String AES_GCM = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

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

    /** {@code plaintext} of {@code field} sealed with the key: {@code sealed:v1:<keyId>:<nonce+ciphertext+tag>}. */
    public static String seal(String keyId, byte[] key, String field, String plaintext) {
        byte[] sealed = encrypt(key, associatedData(keyId, field), plaintext.getBytes(StandardCharsets.UTF_8));
        return PersonalData.SEALED_PREFIX + keyId + ":" + ENCODER.encodeToString(sealed);
    }

    /** The plain text of a sealed value of {@code field}, with the key it names. */
    public static String open(byte[] key, String field, String sealed) {
        String keyId = PersonalData.keyIdOf(sealed);
        byte[] bytes = DECODER.decode(sealed.substring(PersonalData.SEALED_PREFIX.length() + keyId.length() + 1));
        return new String(decrypt(key, associatedData(keyId, field), bytes), StandardCharsets.UTF_8);
    }

    /** Arbitrary bytes (a delivery's body) sealed with the key, bound to {@code purpose}: nonce + ciphertext + tag. */
    public static byte[] encrypt(byte[] key, byte[] purpose, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(AES_GCM);
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
            Cipher cipher = Cipher.getInstance(AES_GCM);
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

    private static byte[] associatedData(String keyId, String field) {
        return (keyId + "|" + field).getBytes(StandardCharsets.UTF_8);
    }
}
