package io.progressledger.bench.load;

import com.standardwebhooks.Webhook;
import io.progressledger.bench.launch.Credentials;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Signs and addresses deliveries as the real senders do: Standard Webhooks ({@code webhook-id},
 * {@code webhook-timestamp}, {@code webhook-signature: v1,...}) with the reference library, the timestamp taken
 * when the call is made so that no delivery is ever older than the ledger's tolerance.
 */
public final class WebhookRequests {

    private final URI phoenix;
    private final URI toolzz;
    private final Webhook phoenixSigner;
    private final Webhook toolzzSigner;
    private final Webhook forger;

    public WebhookRequests(String commandSideUrl, Credentials credentials) {
        this.phoenix = URI.create(commandSideUrl + "/webhooks/phoenix");
        this.toolzz = URI.create(commandSideUrl + "/webhooks/toolzz");
        try {
            this.phoenixSigner = new Webhook(credentials.phoenixSecret());
            this.toolzzSigner = new Webhook(credentials.toolzzSecret());
            this.forger = new Webhook("whsec_" + Base64.getEncoder()
                    .encodeToString("not the sender's key!".getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot use the webhook secrets", e);
        }
    }

    public HttpRequest request(Delivery delivery) {
        boolean isPhoenix = delivery.source().equals("phoenix");
        Webhook signer = delivery.forgedSignature() ? forger : isPhoenix ? phoenixSigner : toolzzSigner;
        long timestamp = Instant.now().getEpochSecond();
        String signature;
        try {
            signature = signer.sign(delivery.webhookId(), timestamp, delivery.body());
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign a delivery", e);
        }
        return HttpRequest.newBuilder(isPhoenix ? phoenix : toolzz)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("webhook-id", delivery.webhookId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8))
                .build();
    }
}
