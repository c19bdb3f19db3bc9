package io.progressledger.command.webhook;

import org.springframework.http.HttpHeaders;

/** How a webhook call is answered: status, body (a {@link WebhookReply} or a problem), extra headers. */
public record Answer(int status, Object body, HttpHeaders headers) {
}
