package io.progressledger.command.webhook;

import tools.jackson.databind.JsonNode;

/**
 * What the pipeline learned of a call on its way through, which the delivery log keeps whatever the outcome.
 *
 * @param authenticated  whether the call's credentials were verified; a call refused before that is kept as metadata
 * @param body           the parsed body, once it was well-formed JSON
 * @param eventType      the sender's name for the event, once its adapter read it
 * @param senderEventId  the sender's identity of the fact
 * @param idempotencyKey the key a repeat of this delivery is recognised by
 */
record Reading(boolean authenticated, JsonNode body, String eventType, String senderEventId, String idempotencyKey) {

    static final Reading UNAUTHENTICATED = new Reading(false, null, null, null, null);
    static final Reading AUTHENTICATED = new Reading(true, null, null, null, null);

    Reading parsed(JsonNode parsed) {
        return new Reading(authenticated, parsed, eventType, senderEventId, idempotencyKey);
    }

    Reading ofType(String type) {
        return new Reading(authenticated, body, type, senderEventId, idempotencyKey);
    }

    Reading identified(String senderEvent, String key) {
        return new Reading(authenticated, body, eventType, senderEvent, key);
    }
}
