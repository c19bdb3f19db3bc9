package io.progressledger.command.webhook;

import tools.jackson.databind.JsonNode;

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
}
