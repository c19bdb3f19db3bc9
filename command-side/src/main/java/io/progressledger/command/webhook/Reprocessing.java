package io.progressledger.command.webhook;

import io.progressledger.command.delivery.Delivery;
import io.progressledger.command.delivery.DeliveryLog;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;

/**
 * Re-processing a logged delivery without the sender resending it (an operator's retry), as a new delivery linked to
 * the original ({@code retryOf}) and to who asked for it. Credentials are not checked again (the signature's time
 * window is long past) but only a delivery that was authenticated when it arrived can be re-processed, and only one
 * whose body was kept whole.
 */
@Service
public class Reprocessing {

    private final DeliveryLog deliveryLog;
    private final Ingestion ingestion;
    private final Clock clock;

    public Reprocessing(DeliveryLog deliveryLog, Ingestion ingestion, Clock clock) {
        this.deliveryLog = deliveryLog;
        this.ingestion = ingestion;
        this.clock = clock;
    }

    /** The new delivery a retry created, and how it was answered. */
    public record Retried(String deliveryId, Answer answer) {
    }

    /** A retry that cannot be done; the status says why (404 unknown, 409 not re-processable). */
    public static class RetryRefused extends RuntimeException {

        private final HttpStatus status;

        RetryRefused(HttpStatus status, String message) {
            super(message);
            this.status = status;
        }

        public HttpStatus status() {
            return status;
        }
    }

    public Retried retry(String originalId, String requestedBy) {
        Delivery original = deliveryLog.find(originalId)
                .orElseThrow(() -> new RetryRefused(HttpStatus.NOT_FOUND, "no such delivery"));
        if (!original.authenticated()) {
            throw new RetryRefused(HttpStatus.CONFLICT, "delivery " + originalId + " was not authenticated when it "
                    + "arrived; only its sender can send it again");
        }
        if (original.body() == null) {
            throw new RetryRefused(HttpStatus.CONFLICT, "the body of delivery " + originalId + " is no longer kept ("
                    + (original.bodyRemoved() == null ? "removed" : original.bodyRemoved()) + ")");
        }
        if (original.statusCode() == WebhookProblem.PAYLOAD_TOO_LARGE.status().value()) {
            throw new RetryRefused(HttpStatus.CONFLICT, "delivery " + originalId + " was over the size limit; its "
                    + "body was not kept whole");
        }
        IncomingCall call = new IncomingCall(original.source(), original.headers(), original.body(), false,
                original.clientAddress());
        Arrival arrival = Arrival.reprocessing(call, originalId, requestedBy, clock);
        return new Retried(arrival.deliveryId(), ingestion.settle(arrival));
    }
}
