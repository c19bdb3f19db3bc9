package io.progressledger.command.webhook;

import tools.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * Translates one sending platform's webhook format into the ledger's commands. An adapter is pure: it reads the body
 * and decides, it never writes. Adding a platform is adding an adapter bean: its endpoint is
 * {@code POST /webhooks/{source}} and its credentials are {@code progress.webhook.{source}.secret|token}.
 */
public interface WebhookAdapter {

    /** The path segment and configuration key of this sender, e.g. {@code phoenix}. */
    String source();

    /** @param body an authenticated, well-formed JSON document; the adapter may fill in schema defaults */
    Interpretation interpret(JsonNode body, Receipt receipt);

    /**
     * Whose personal data a body of this sender holds (see {@code PersonalData}), read leniently: the body may be
     * one the adapter refuses. Empty when it holds none, or names nobody.
     */
    default Optional<String> dataSubject(JsonNode body) {
        return Optional.empty();
    }
}
