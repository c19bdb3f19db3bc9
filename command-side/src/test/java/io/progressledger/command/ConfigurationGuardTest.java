package io.progressledger.command;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Settings that would open the command side by mistake stop it before it starts: a weak credential, the former
 * development switch, development mode on a non-loopback address. Development mode is only its explicit switch (the
 * {@code dev} profile opens nothing), and serves on the loopback address.
 */
@Tag("application")
class ConfigurationGuardTest {

    private static final String SHORT_KEY = "whsec_" + Base64.getEncoder().encodeToString(new byte[16]);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "progress.admin.token=change-me                              | progress.admin.token: it has 9 characters, fewer than 24",
            "progress.admin.token=change-me-change-me-change-me          | progress.admin.token: it contains the placeholder 'change-me'",
            "progress.admin.token=abababababababababababababababab       | progress.admin.token: it has 2 distinct characters",
            "progress.admin.token=abcdefghijklmnopqrstuvwx               | progress.admin.token: about 113 bits of entropy, fewer than 120",
            "progress.webhook.toolzz.token=short-toolzz-token            | progress.webhook.toolzz.token: it has 18 characters",
            "progress.webhook.phoenix.secret=whsec_change-me             | progress.webhook.phoenix.secret: it is not whsec_ followed by base64",
            "progress.development-mode=true                              | progress.development-mode is no longer read",
    })
    void a_setting_that_would_open_the_ledger_stops_the_start(String setting, String message) {
        assertThatThrownBy(() -> start(setting).close()).hasMessageContaining(message);
    }

    @Test
    void a_webhook_secret_with_a_short_key_is_refused_and_named_among_several() {
        assertThatThrownBy(() -> start("progress.webhook.toolzz.secret=" + CommandSideTest.TOOLZZ_SECRET + ","
                + SHORT_KEY).close())
                .hasMessageContaining("progress.webhook.toolzz.secret (secret 2): its key has 16 bytes, not 24 to 64")
                .hasMessageNotContaining(SHORT_KEY.substring(6));
    }

    @Test
    void development_mode_on_a_network_address_stops_the_start() {
        assertThatThrownBy(() -> start("progress.insecure-development-mode=true", "server.address=0.0.0.0").close())
                .hasMessageContaining("serves on a loopback address only, not server.address=0.0.0.0");
    }

    @Test
    void the_dev_profile_opens_nothing() {
        try (ConfigurableApplicationContext context = start("spring.profiles.active=dev")) {
            WebhookClient.Reply reply = new WebhookClient(port(context)).postJson("toolzz",
                    Payloads.toolzz(Payloads.uniqueId(), 1, "2024-01-01 08:00:00"), Map.of());
            assertThat(reply.status()).isEqualTo(401);
        }
    }

    @Test
    void development_mode_serves_on_the_loopback_address_only_and_says_so() throws IOException {
        try (ConfigurableApplicationContext context = start("progress.insecure-development-mode=true",
                "progress.admin.token=change-me")) {
            int port = port(context);
            assertThat(context.getEnvironment().getProperty("server.address")).isEqualTo("127.0.0.1");
            WebhookClient.Reply open = new WebhookClient(port).postJson("toolzz",
                    Payloads.toolzz(Payloads.uniqueId(), 1, "2024-01-01 08:00:00"), Map.of());
            assertThat(open.status()).as("development mode lets a source without credentials in").isEqualTo(200);
            for (InetAddress network : Network.addresses()) {
                assertThat(Network.connects(network, port)).as("reachable on " + network).isFalse();
            }
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static ConfigurableApplicationContext start(String... settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--progress.data-dir=./target/test-data/" + UUID.randomUUID(), "--logging.level.root=OFF"));
        for (String setting : settings) {
            args.add("--" + setting);
        }
        return new SpringApplicationBuilder(CommandSideApplication.class).run(args.toArray(String[]::new));
    }
}
