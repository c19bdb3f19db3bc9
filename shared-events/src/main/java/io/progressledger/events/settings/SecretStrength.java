package io.progressledger.events.settings;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Locale;
import java.util.Optional;

/**
 * What a configured credential must be to be accepted at start-up: long and random enough that it cannot be guessed.
 * A bearer token (dashboards', admin, a sender's) has at least 24 characters, at least 10 distinct ones, an estimated
 * 120 bits (length x log2 of the alphabet its character classes span: 32 hex digits are 128 bits, 24 letters and
 * digits 124) and no placeholder in it ({@code change-me}, {@code example}...). A Standard Webhooks secret is
 * {@code whsec_} and the base64 of 24 to 64 random bytes, as the specification says. Generate one with
 * {@code openssl rand -base64 32} (a token) or {@code echo whsec_$(openssl rand -base64 32)} (a signing secret).
 */
public final class SecretStrength {

    public static final int MIN_TOKEN_LENGTH = 24;
    public static final int MIN_DISTINCT = 10;
    public static final double MIN_BITS = 120;
    public static final int MIN_SECRET_BYTES = 24;
    public static final int MAX_SECRET_BYTES = 64;
    private static final String[] PLACEHOLDERS = {"changeme", "change-me", "change_me", "replace", "example",
            "password", "secret", "default", "xxxxxx", "123456", "qwerty", "todo"};

    private SecretStrength() {
    }

    /**
     * Every weak credential among these ({@code progress.*.token} are bearer tokens, {@code progress.*.secret} are
     * comma-separated Standard Webhooks secrets), one line each naming the property and why, never the value.
     */
    public static List<String> weaknesses(Map<String, String> credentials) {
        List<String> weak = new ArrayList<>();
        new TreeMap<>(credentials).forEach((property, value) -> {
            if (value == null || value.isBlank()) {
                return;
            }
            if (property.endsWith(".secret")) {
                String[] secrets = value.split(",");
                for (int i = 0; i < secrets.length; i++) {
                    String which = secrets.length > 1 ? property + " (secret " + (i + 1) + ")" : property;
                    webhookSecretWeakness(secrets[i].trim()).ifPresent(why -> weak.add(which + ": " + why));
                }
            } else {
                tokenWeakness(value.trim()).ifPresent(why -> weak.add(property + ": " + why));
            }
        });
        return weak;
    }

    /** Why a bearer token is too weak, if it is (never quoting the token). */
    public static Optional<String> tokenWeakness(String token) {
        if (token.length() < MIN_TOKEN_LENGTH) {
            return Optional.of("it has " + token.length() + " characters, fewer than " + MIN_TOKEN_LENGTH);
        }
        if (token.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            return Optional.of("it holds spaces or control characters");
        }
        String lower = token.toLowerCase(Locale.ROOT);
        for (String placeholder : PLACEHOLDERS) {
            if (lower.contains(placeholder)) {
                return Optional.of("it contains the placeholder '" + placeholder + "'");
            }
        }
        long distinct = token.chars().distinct().count();
        if (distinct < MIN_DISTINCT) {
            return Optional.of("it has " + distinct + " distinct characters, fewer than " + MIN_DISTINCT);
        }
        double bits = estimatedBits(token);
        if (bits < MIN_BITS) {
            return Optional.of(String.format(Locale.ROOT, "about %.0f bits of entropy, fewer than %.0f", bits,
                    MIN_BITS));
        }
        return Optional.empty();
    }

    /** Why a Standard Webhooks secret ({@code whsec_<base64>}) is too weak or malformed, if it is. */
    public static Optional<String> webhookSecretWeakness(String secret) {
        String encoded = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException notBase64) {
            return Optional.of("it is not whsec_ followed by base64");
        }
        if (key.length < MIN_SECRET_BYTES || key.length > MAX_SECRET_BYTES) {
            return Optional.of("its key has " + key.length + " bytes, not " + MIN_SECRET_BYTES + " to "
                    + MAX_SECRET_BYTES);
        }
        int[] counts = new int[256];
        int distinct = 0;
        for (byte b : key) {
            if (counts[b & 0xff]++ == 0) {
                distinct++;
            }
        }
        if (distinct < key.length / 2) {
            return Optional.of("its key repeats itself (" + distinct + " distinct bytes of " + key.length + ")");
        }
        return Optional.empty();
    }

    /** Length x log2 of the alphabet spanned by the character classes used (lower, upper, digits, symbols). */
    static double estimatedBits(String token) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                other = true;
            }
        }
        int alphabet = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (other ? 33 : 0);
        return token.length() * (Math.log(alphabet) / Math.log(2));
    }
}
