package io.progressledger.command.webhook;

import com.standardwebhooks.Webhook;
import io.progressledger.command.CommandSideTest;
import io.progressledger.command.Payloads;
import io.progressledger.command.WebhookClient.Reply;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Signatures interoperate: the specification's test vector, and senders that sign without the library. */
class StandardWebhooksSignatureTest extends CommandSideTest {

    /** The vector the Standard Webhooks reference libraries share in their test suites (Go, C#, Java). */
    @Test
    void the_library_reproduces_the_reference_test_vector() throws Exception {
        Webhook webhook = new Webhook("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        String signature = webhook.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}");

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void a_signature_computed_from_the_specification_alone_is_accepted() throws Exception {
        String body = Payloads.toolzz(Payloads.uniqueId(), 11, "2022-03-10 18:56:47");
        String id = "msg_independent";
        long timestamp = Instant.now().getEpochSecond();

        Reply reply = webhooks().postJson("toolzz", body, Map.of("webhook-id", id,
                "webhook-timestamp", Long.toString(timestamp),
                "webhook-signature", "v1," + hmacSha256(TOOLZZ_SECRET, id + "." + timestamp + "." + body)));

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    }

    @Test
    void one_matching_signature_among_several_is_enough() throws Exception {
        String body = Payloads.toolzz(Payloads.uniqueId(), 12, "2022-03-10 18:56:47");
        long timestamp = Instant.now().getEpochSecond();
        String valid = hmacSha256(TOOLZZ_SECRET, "msg_multi." + timestamp + "." + body);

        Reply reply = webhooks().postJson("toolzz", body, Map.of("webhook-id", "msg_multi",
                "webhook-timestamp", Long.toString(timestamp),
                "webhook-signature", "v1,bm90IHRoaXMgb25l v1a,ignored-scheme v1," + valid));

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    }

    /** HMAC-SHA256 with the base64 part of a {@code whsec_} secret, base64 encoded: the specification, by hand. */
    private static String hmacSha256(String secret, String content) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }
}
