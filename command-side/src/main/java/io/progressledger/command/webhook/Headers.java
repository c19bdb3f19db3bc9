package io.progressledger.command.webhook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Header handling shared by the pipeline: case-insensitive reads and the redacted copy the delivery log keeps. */
final class Headers {

    /** Headers that carry credentials; the delivery log keeps that they were present, never their values. */
    private static final Set<String> SECRET = Set.of("authorization", "proxy-authorization", "cookie",
            "webhook-signature", "x-api-key");

    private Headers() {
    }

    static Map<String, List<String>> redacted(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            String key = name.toLowerCase(Locale.ROOT);
            copy.put(key, SECRET.contains(key) ? values.stream().map(v -> "[redacted]").toList() : List.copyOf(values));
        });
        return copy;
    }

    static String first(Map<String, List<String>> headers, String name) {
        return Authenticator.header(headers, name).orElse(null);
    }
}
