package io.progressledger.command;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long a client may take to send a request, on every route, as {@link io.progressledger.edge.RequestDeadline}
 * holds it (the webhook settings' other half is {@code io.progressledger.command.webhook.IngestionProperties}, under
 * the same prefix).
 *
 * @param bodyReadDeadline from the request's first byte to the last byte of its body; a request not received by then
 *                         is answered 408 and its connection closed. Also the longest a single read may wait for the
 *                         next bytes, so no request holds a thread for more than twice this. At least 1 s
 *                         ({@link DurationSettings})
 */
@ConfigurationProperties("progress.ingestion")
public record RequestDeadlineProperties(@DefaultValue("5s") Duration bodyReadDeadline) {
}
