package io.progressledger.command.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * Per-source credentials: {@code progress.webhook.<source>.secret} (Standard Webhooks {@code whsec_...} secrets,
 * comma-separated so that a sender can rotate without downtime) and {@code progress.webhook.<source>.token} (a static
 * bearer token for senders that cannot sign). Values come from configuration or the environment, never from code.
 */
@ConfigurationProperties("progress")
public record WebhookCredentials(Map<String, Source> webhook) {

    public WebhookCredentials {
        webhook = webhook == null ? Map.of() : Map.copyOf(webhook);
    }

    public Source of(String source) {
        return webhook.getOrDefault(source, new Source(null, null));
    }

    public record Source(String secret, String token) {

        public boolean hasSecret() {
            return secret != null && !secret.isBlank();
        }

        public boolean hasToken() {
            return token != null && !token.isBlank();
        }

        @Override
        public String toString() {
            return "Source[secret=" + (hasSecret() ? "***" : "none") + ", token=" + (hasToken() ? "***" : "none") + "]";
        }
    }
}
