package io.progressledger.command.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.progressledger.command.eventstore.RecordedEvent;

import java.util.List;

/**
 * The body of a successful answer (200 or 202).
 *
 * @param status      {@code accepted}, {@code duplicate} or {@code ignored}
 * @param events      the events this delivery recorded; for a repeat of an earlier delivery, the events that one
 *                    recorded
 * @param duplicateOf for a repeat (same idempotency key), the delivery that was accepted first
 * @param reason      why nothing new was recorded, when that is the case
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookReply(String status, String deliveryId, List<RecordedEvent> events, String duplicateOf,
                           String reason) {
}
