package io.progressledger.bench.launch;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Fresh credentials for each run: Standard Webhooks secrets for both senders (they sign, as the real platforms do)
 * and the query side's reader and admin tokens.
 */
public record Credentials(String phoenixSecret, String toolzzSecret, String apiToken, String adminToken) {

    /** This run's key-encryption key (both applications, and the bulk loader, which wraps learners' keys with it). */
    public static final String KEY_ENCRYPTION_KEY = key();
    /** This run's audit signing key (both applications). */
    public static final String SIGNING_KEY = key();
    /** The id the applications know both keys by. */
    public static final String KEY_ID = "bench";

    private static String key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    public static Credentials random() {
        SecureRandom random = new SecureRandom();
        return new Credentials(secret(random), secret(random), token(random), token(random));
    }

    private static String secret(SecureRandom random) {
        byte[] key = new byte[24];
        random.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    private static String token(SecureRandom random) {
        byte[] token = new byte[16];
        random.nextBytes(token);
        return HexFormat.of().formatHex(token);
    }
}
