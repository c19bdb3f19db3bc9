package io.progressledger.command;

import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Base of the command side's integration tests: the real application on a random port, on a fresh H2 file of its
 * own. Every test class shares this one application context (same properties), so tests must use ids of their own.
 */
@Tag("application")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "progress.webhook.phoenix.token=" + CommandSideTest.PHOENIX_TOKEN,
        "progress.webhook.toolzz.secret=" + CommandSideTest.TOOLZZ_SECRET + "," + CommandSideTest.TOOLZZ_OLD_SECRET,
        "progress.webhook.toolzz.token=" + CommandSideTest.TOOLZZ_TOKEN,
        "progress.admin.token=" + CommandSideTest.ADMIN_TOKEN,
        // Small batches, so that purges and erasures of a few deliveries already take several transactions.
        "progress.delivery-log.batch-size=" + CommandSideTest.BATCH_SIZE,
        "logging.level.io.progressledger=WARN"
})
public abstract class CommandSideTest {

    public static final String PHOENIX_TOKEN = "test-phoenix-Zr8Kd3Wm6Qp1Tx4V";
    public static final String TOOLZZ_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    public static final String TOOLZZ_OLD_SECRET = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
    public static final String TOOLZZ_TOKEN = "test-toolzz-Jc2Hv7Nb5Ls9Gf3Y";
    public static final String ADMIN_TOKEN = "test-admin-Ux4Me9Ra6Wk2Bd7P";
    public static final int BATCH_SIZE = 3;

    protected static final Path DATA_DIR = Path.of("target", "test-data", UUID.randomUUID().toString());

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("progress.data-dir", () -> "./" + DATA_DIR);
    }

    protected WebhookClient webhooks() {
        return new WebhookClient(port);
    }

    /** A call on the admin API with the admin token, as {@code X-Actor: auditor}. */
    protected WebhookClient.Reply admin(String method, String path, String jsonBody) {
        return webhooks().call(method, path, jsonBody, Map.of("Authorization", "Bearer " + ADMIN_TOKEN,
                "X-Actor", "auditor"));
    }

    /** A sample's value in the Prometheus scrape (read with the admin token); 0 when the series does not exist yet. */
    protected double metric(String series) {
        WebhookClient.Reply scrape = webhooks().get("/actuator/prometheus", WebhookClient.bearer(ADMIN_TOKEN));
        if (scrape.status() != 200) {
            throw new AssertionError("/actuator/prometheus answered " + scrape.status());
        }
        Matcher value = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE)
                .matcher(scrape.text());
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }

    protected long storedEvents() {
        return jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry").query(Long.class).single();
    }
}
