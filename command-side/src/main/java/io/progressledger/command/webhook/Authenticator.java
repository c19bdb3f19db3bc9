package io.progressledger.command.webhook;

import com.standardwebhooks.Webhook;
import io.progressledger.command.DevelopmentMode;
import io.progressledger.command.Secrets;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks a call's credentials for its source: a Standard Webhooks signature (verified by the reference library over
 * the exact body, timestamps within ±5 minutes, any of the configured secrets) or a bearer token (compared in
 * constant time). With both configured, either one suffices.
 */
@Component
public class Authenticator {

    private final WebhookCredentials credentials;
    private final Map<String, List<Webhook>> verifiers;
    private final boolean allowUnauthenticated;

    public Authenticator(WebhookCredentials credentials, DevelopmentMode developmentMode) {
        this.credentials = credentials;
        this.allowUnauthenticated = developmentMode.enabled();
        this.verifiers = credentials.webhook().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> verifiersOf(entry.getValue())));
    }

    public Authentication authenticate(String source, Map<String, List<String>> headers, String body) {
        WebhookCredentials.Source configured = credentials.of(source);
        if (!configured.hasSecret() && !configured.hasToken()) {
            return allowUnauthenticated
                    ? Authentication.by("none (development mode)")
                    : Authentication.refused("no credentials are configured for source '" + source
                    + "'; every call is refused until progress.webhook." + source + ".secret or .token is set");
        }
        Optional<String> bearer = header(headers, "authorization")
                .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(value -> value.substring(7).trim());
        boolean signed = header(headers, "webhook-signature").isPresent();
        if (configured.hasToken() && bearer.isPresent()) {
            return Secrets.same(bearer.get(), configured.token())
                    ? Authentication.by("bearer token")
                    : Authentication.refused("the bearer token does not match");
        }
        if (configured.hasSecret() && signed) {
            return verifySignature(verifiers.get(source), headers, body);
        }
        if (configured.hasSecret()) {
            return Authentication.refused("missing signature: send webhook-id, webhook-timestamp and "
                    + "webhook-signature (Standard Webhooks)" + (configured.hasToken() ? ", or Authorization: Bearer"
                    : ""));
        }
        return Authentication.refused("missing credentials: send Authorization: Bearer <token>");
    }

    private static Authentication verifySignature(List<Webhook> secrets, Map<String, List<String>> headers,
                                                  String body) {
        String reason = "no signature matches";
        for (Webhook verifier : secrets) {
            try {
                verifier.verify(body, headers);
                return Authentication.by("signature");
            } catch (WebhookVerificationException e) {
                reason = describe(e.getMessage());
            }
        }
        return Authentication.refused(reason);
    }

    private static String describe(String libraryMessage) {
        return switch (libraryMessage) {
            case "Missing required headers" -> "missing signature headers: webhook-id, webhook-timestamp and "
                    + "webhook-signature are all required";
            case "Message timestamp too old" -> "webhook-timestamp is more than 5 minutes in the past";
            case "Message timestamp too new" -> "webhook-timestamp is more than 5 minutes in the future";
            case "Invalid Signature Headers" -> "webhook-timestamp is not a number of seconds";
            default -> "no signature matches";
        };
    }

    private static List<Webhook> verifiersOf(WebhookCredentials.Source configured) {
        if (!configured.hasSecret()) {
            return List.of();
        }
        return Arrays.stream(configured.secret().split(","))
                .map(String::trim)
                .filter(secret -> !secret.isEmpty())
                .map(Authenticator::verifier)
                .toList();
    }

    private static Webhook verifier(String secret) {
        try {
            return new Webhook(secret);
        } catch (EmptyWebhookSecretException | IllegalArgumentException e) {
            // Start-up fails here on a malformed secret: better than refusing every delivery later.
            throw new IllegalStateException("a configured webhook secret is not a Standard Webhooks secret "
                    + "(whsec_ followed by base64)");
        }
    }


    static Optional<String> header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .flatMap(entry -> entry.getValue().stream())
                .findFirst();
    }
}
