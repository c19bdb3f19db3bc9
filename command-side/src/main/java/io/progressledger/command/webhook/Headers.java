package io.progressledger.command.webhook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Header handling shared by the pipeline: case-insensitive reads and the redacted copy the delivery log keeps. */
final class Headers {

    /**
     * Names of headers that may carry a credential, a session or a signature, whoever sends them (Authorization,
     * Proxy-Authorization, Cookie, webhook-signature, X-Hub-Signature-256, Stripe-Signature, X-Api-Key, X-Auth-Token,
     * X-Amz-Security-Token, X-CSRF-Token, a session id...): the delivery log keeps that they were present, never their
     * values.
     */
    private static final Pattern SECRET = Pattern.compile(
            "auth|cookie|signature|secret|token|passw|credential|session|csrf|xsrf|jwt|bearer"
                    + "|(api|access|private|signing)[-_.]?key");

    private Headers() {
    }

    static Map<String, List<String>> redacted(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            String key = name.toLowerCase(Locale.ROOT);
            copy.put(key, isSecret(key) ? values.stream().map(v -> "[redacted]").toList() : List.copyOf(values));
        });
        return copy;
    }

    static boolean isSecret(String lowerCaseName) {
        return SECRET.matcher(lowerCaseName).find();
    }

    static String first(Map<String, List<String>> headers, String name) {
        return Authenticator.header(headers, name).orElse(null);
    }
}
