package io.progressledger.query;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Settings that would open the query side by mistake stop it before it starts: a weak token, the former development
 * switch, development mode on a non-loopback address (the same guard as the command side's).
 */
class ConfigurationGuardTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "progress.api.token=change-me             |                                    | progress.api.token: it has 9 characters, fewer than 24",
            "progress.admin.token=12345678901234567890123456 |                             | progress.admin.token: it contains the placeholder '123456'",
            "progress.admin.token=Xy7Kq2Lm9Vb4Nc8Wd3Rt5Hj6 | progress.api.token=dashboardsreadingtokenxyz | progress.api.token: about 118 bits of entropy, fewer than 120",
            "progress.development-mode=true           |                                    | progress.development-mode is no longer read",
            "progress.insecure-development-mode=true  | server.address=0.0.0.0             | serves on a loopback address only, not server.address=0.0.0.0",
    })
    void a_setting_that_would_open_the_ledger_stops_the_start(String setting, String other, String message) {
        String dataDir = "./target/test-data/" + UUID.randomUUID();
        assertThatThrownBy(() -> new SpringApplicationBuilder(QuerySideApplication.class).run("--server.port=0",
                "--progress.data-dir=" + dataDir, "--logging.level.root=OFF",
                "--progress.event-store.url=jdbc:h2:file:" + dataDir + "/events", "--" + setting,
                "--" + (other == null ? "progress.stats.zone=UTC" : other)).close())
                .hasMessageContaining(message);
    }
}
